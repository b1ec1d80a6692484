import "server-only";
import { env } from "@/lib/platform/env";

/**
 * Sends the invitation by mail when SMTP is configured (SMTP_URL, SMTP_FROM, PARLEY_PUBLIC_URL);
 * otherwise the owner copies the link shown on the members page. Returns whether mail was sent.
 */
export async function sendInvitationMail({
  to,
  path,
  workspaceTitle,
}: {
  to: string;
  path: string;
  workspaceTitle: string;
}): Promise<boolean> {
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

/** Whether Parley can send mail: then an email-bound invitation is proven by a mailed code. */
export function mailConfigured(): boolean {
  const { SMTP_URL, SMTP_FROM } = env();
  return Boolean(SMTP_URL && SMTP_FROM);
}

/** Mails the one-time code that proves the registrant reads the address the invitation is for. */
export async function sendInvitationCodeMail({
  to,
  code,
  workspaceTitle,
}: {
  to: string;
  code: string;
  workspaceTitle: string;
}): Promise<boolean> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL || !SMTP_FROM) return false;
  const { createTransport } = await import("nodemailer");
  try {
    await createTransport(SMTP_URL).sendMail({
      from: SMTP_FROM,
      to,
      subject: `Your Parley code: ${code}`,
      text: `Someone is joining the Parley workspace “${workspaceTitle}” with this address.\n\nIf it is you, type this code on the invitation page (it works for 15 minutes):\n\n${code}\n\nIf it is not you, ignore this mail: without the code nobody can use the invitation as you.\n`,
    });
    return true;
  } catch (error) {
    console.error("Parley: sending the invitation code failed", error);
    return false;
  }
}
