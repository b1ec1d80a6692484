import "server-only";
import { env } from "@/lib/env";

/**
 * Sends the invitation by mail when SMTP is configured (SMTP_URL, SMTP_FROM, PARLEY_PUBLIC_URL);
 * otherwise the owner copies the link shown on the members page. Returns whether mail was sent.
 */
export async function sendInvitationMail({ to, path, workspaceTitle }: { to: string; path: string; workspaceTitle: string }): Promise<boolean> {
  const { SMTP_URL, SMTP_FROM, PARLEY_PUBLIC_URL } = env();
  if (!SMTP_URL || !SMTP_FROM || !PARLEY_PUBLIC_URL) return false;
  const { createTransport } = await import("nodemailer");
  const link = new URL(path, PARLEY_PUBLIC_URL).toString();
  try {
    await createTransport(SMTP_URL).sendMail({
      from: SMTP_FROM,
      to,
      subject: `You are invited to “${workspaceTitle}” on Parley`,
      text: `You have been invited to the Parley workspace “${workspaceTitle}”.\n\nOpen this link to join (it works once):\n${link}\n`,
    });
    return true;
  } catch (error) {
    console.error("Parley: sending the invitation mail failed", error);
    return false;
  }
}
