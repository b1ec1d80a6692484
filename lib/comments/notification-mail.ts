import "server-only";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { displayName } from "@/lib/users/display-name";

/**
 * Mails the people a comment mentioned or replied to, when SMTP is configured (SMTP_URL,
 * SMTP_FROM, PARLEY_PUBLIC_URL); the inbox has them either way. The mail carries a link, not the
 * comment, so the text stays behind the workspace's access check. Returns how many were sent.
 */
export async function sendCommentNotificationMails(input: {
  actorId: string;
  workspaceTitle: string;
  permalink: string;
  notified: { userId: string; kind: "MENTION" | "REPLY" }[];
}): Promise<number> {
  const { SMTP_URL, SMTP_FROM, PARLEY_PUBLIC_URL } = env();
  if (!SMTP_URL || !SMTP_FROM || !PARLEY_PUBLIC_URL || input.notified.length === 0) return 0;
  const [actor, recipients] = await Promise.all([
    db().user.findUnique({ where: { id: input.actorId }, select: { name: true, email: true } }),
    db().user.findMany({
      where: { id: { in: input.notified.map((n) => n.userId) }, disabledAt: null },
      select: { id: true, email: true },
    }),
  ]);
  const who = actor ? displayName(actor) : "Someone";
  const link = new URL(input.permalink, PARLEY_PUBLIC_URL).toString();
  const inbox = new URL("/inbox", PARLEY_PUBLIC_URL).toString();
  const { createTransport } = await import("nodemailer");
  const transport = createTransport(SMTP_URL);
  let sent = 0;
  for (const recipient of recipients) {
    const kind = input.notified.find((n) => n.userId === recipient.id)?.kind;
    const what = kind === "MENTION" ? "mentioned you in a comment" : "replied in a thread you took part in";
    try {
      await transport.sendMail({
        from: SMTP_FROM,
        to: recipient.email,
        subject: `${who} ${what} in “${input.workspaceTitle}”`,
        text: `${who} ${what} in the Parley workspace “${input.workspaceTitle}”.\n\nOpen the comment:\n${link}\n\nAll your notifications: ${inbox}\n`,
      });
      sent++;
    } catch (error) {
      console.error("Parley: sending a comment notification mail failed", error);
    }
  }
  return sent;
}
