import "server-only";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { displayName } from "@/lib/users/display-name";

type ProposalNotice = "PROPOSAL_WAITING" | "PROPOSAL_ACCEPTED" | "PROPOSAL_REJECTED";

const WHAT: Record<ProposalNotice, string> = {
  PROPOSAL_WAITING: "proposed a reading for your review",
  PROPOSAL_ACCEPTED: "accepted your proposal",
  PROPOSAL_REJECTED: "rejected your proposal",
};

/**
 * Mails the inbox notices a proposal's filing or decision left (reviewers hear a proposal waits;
 * proposers that theirs was accepted or rejected), when SMTP is configured (SMTP_URL, SMTP_FROM,
 * PARLEY_PUBLIC_URL). The notices are read back by proposal and kind, each of which a proposal
 * gets once. Like the comment mails, a mail carries a link, not the reading. Returns how many were sent.
 */
export async function sendProposalNotificationMails(input: {
  workspace: { slug: string; title: string };
  proposalIds: string[];
  kinds: ProposalNotice[];
}): Promise<number> {
  const { SMTP_URL, SMTP_FROM, PARLEY_PUBLIC_URL } = env();
  if (!SMTP_URL || !SMTP_FROM || !PARLEY_PUBLIC_URL || input.proposalIds.length === 0) return 0;
  const notices = await db().notification.findMany({
    where: {
      proposalId: { in: input.proposalIds },
      kind: { in: input.kinds as NotificationKind[] },
      user: { disabledAt: null },
    },
    select: {
      kind: true,
      user: { select: { email: true } },
      actorId: true,
      proposal: {
        select: {
          id: true,
          issueId: true,
          partyId: true,
          issue: { select: { title: true } },
          party: { select: { name: true } },
        },
      },
    },
  });
  if (notices.length === 0) return 0;
  const actorIds = [...new Set(notices.flatMap((n) => (n.actorId ? [n.actorId] : [])))];
  const actors = new Map(
    (await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })).map(
      (u) => [u.id, displayName(u)],
    ),
  );
  const { createTransport } = await import("nodemailer");
  const transport = createTransport(SMTP_URL);
  const inbox = new URL("/inbox", PARLEY_PUBLIC_URL).toString();
  let sent = 0;
  for (const notice of notices) {
    const proposal = notice.proposal!;
    const who = (notice.actorId && actors.get(notice.actorId)) || "Someone";
    const what = `${WHAT[notice.kind as ProposalNotice]} on ${proposal.party.name} on ${proposal.issue.title}`;
    const link = new URL(
      `/w/${input.workspace.slug}/cells/${proposal.issueId}/${proposal.partyId}#proposal-${proposal.id}`,
      PARLEY_PUBLIC_URL,
    ).toString();
    try {
      await transport.sendMail({
        from: SMTP_FROM,
        to: notice.user.email,
        subject: `${who} ${what} in “${input.workspace.title}”`,
        text: `${who} ${what} in the Parley workspace “${input.workspace.title}”.\n\nOpen the cell:\n${link}\n\nAll your notifications: ${inbox}\n`,
      });
      sent++;
    } catch (error) {
      console.error("Parley: sending a proposal notification mail failed", error);
    }
  }
  return sent;
}
