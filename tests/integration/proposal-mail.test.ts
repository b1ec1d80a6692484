import type { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@/lib/generated/prisma/enums";
import { getMatrix } from "@/lib/matrix/data";
import { db } from "@/lib/platform/db/client";
import { acceptProposal, proposeEdit, recordOwnReading } from "@/lib/review/mutations";
import { sendProposalNotificationMails } from "@/lib/review/notification-mail";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { resetDatabase } from "../support/database";
import { addMember, seedOwnedDemoWorkspace } from "../support/demo-workspaces";
import { type Mail, startMailSink } from "../support/mail-sink";

// Proposal notices by mail, with mail configured: a local SMTP sink started here receives what the
// app sends. The actions send after the response; these tests call the same function the action
// schedules, once the mutation has committed. Runs on PostgreSQL and PGlite.

const inbox: Mail[] = [];
let sink: SMTPServer;
let owner: AuthorizedWorkspace;
let editorA: AuthorizedWorkspace;
let editorB: AuthorizedWorkspace;
let reviewer: AuthorizedWorkspace;
const email = (ws: AuthorizedWorkspace) =>
  db()
    .user.findUniqueOrThrow({ where: { id: ws.userId } })
    .then((u) => u.email);

beforeAll(async () => {
  sink = await startMailSink(inbox);
  process.env.PARLEY_PUBLIC_URL = "https://parley.example";
  await resetDatabase();
  owner = await seedOwnedDemoWorkspace("mail");
  editorA = await addMember(owner, "Alma", Role.EDITOR);
  editorB = await addMember(owner, "Boris", Role.EDITOR);
  reviewer = await addMember(owner, "Rhea", Role.REVIEWER);
});

afterAll(async () => {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  await db().$disconnect();
});

async function version(cell: { issueId: string; partyId: string }) {
  const row = await db().stanceCell.findUnique({
    where: { workspaceId_issueId_partyId: { workspaceId: owner.id, ...cell } },
    select: { version: true },
  });
  return row?.version ?? 0;
}

async function propose(ws: AuthorizedWorkspace, cell: { issueId: string; partyId: string }, summary: string) {
  const result = await proposeEdit(ws, {
    kind: "RECORD",
    workspaceSlug: ws.slug,
    ...cell,
    baseVersion: await version(cell),
    position: "OPPOSES",
    summary,
    statedOn: "2022-03-01",
    links: [],
    rationale: "",
  });
  if (!result.ok) throw new Error(result.message);
  return result.proposalId;
}

// Quoted-printable bodies fold long lines; the checks read them unfolded (they look for ASCII only).
const unfold = (raw: string) =>
  raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
const mailsTo = (address: string, from: number) =>
  inbox
    .slice(from)
    .filter((m) => m.to.includes(address))
    .map((m) => ({ ...m, raw: unfold(m.raw) }));

describe("proposal notices by mail", () => {
  it("tells the reviewers a proposal waits, then the proposers which was accepted and which rejected", async () => {
    const matrix = await getMatrix(owner, "2022-02-16");
    const cell = { issueId: matrix.cells[0]!.issueId, partyId: matrix.cells[0]!.partyId };
    const party = matrix.parties.find((p) => p.id === cell.partyId)!.name;

    let from = inbox.length;
    const first = await propose(editorA, cell, "Alma's reading.");
    const ws = { slug: owner.slug, title: owner.title };
    // The owner and the reviewer, not the proposer.
    expect(
      await sendProposalNotificationMails({ workspace: ws, proposalIds: [first], kinds: ["PROPOSAL_WAITING"] }),
    ).toBe(2);
    const [toReviewer] = mailsTo(await email(reviewer), from);
    expect(toReviewer!.raw).toContain("Alma proposed a reading for your review on");
    expect(toReviewer!.raw).toContain(party);
    expect(toReviewer!.raw).toContain(`https://parley.example/w/${owner.slug}/cells/${cell.issueId}/${cell.partyId}`);
    expect(mailsTo(await email(editorA), from)).toHaveLength(0);

    const second = await propose(editorB, cell, "Boris's reading.");
    from = inbox.length;
    const accepted = await acceptProposal(reviewer, { proposalId: second, rationale: "Boris has the quote." });
    if (!accepted.ok) throw new Error(accepted.message);
    expect(
      await sendProposalNotificationMails({
        workspace: ws,
        proposalIds: [accepted.proposalId, ...accepted.rejected],
        kinds: ["PROPOSAL_ACCEPTED", "PROPOSAL_REJECTED"],
      }),
    ).toBe(2);
    expect(
      mailsTo(await email(editorB), from)
        .map((m) => m.raw)
        .join(),
    ).toContain("Rhea accepted your proposal");
    expect(
      mailsTo(await email(editorA), from)
        .map((m) => m.raw)
        .join(),
    ).toContain("Rhea rejected your proposal");
    expect(mailsTo(await email(reviewer), from)).toHaveLength(0);
  });

  it("tells the proposers when the reviewer wrote their own reading instead", async () => {
    const matrix = await getMatrix(owner, "2022-02-16");
    const cell = { issueId: matrix.cells[1]!.issueId, partyId: matrix.cells[1]!.partyId };
    const proposal = await propose(editorA, cell, "Alma's second reading.");
    const from = inbox.length;
    const own = await recordOwnReading(reviewer, {
      ...cell,
      baseVersion: await version(cell),
      position: "CONDITIONAL",
      summary: "Rhea's own reading.",
      statedOn: "2022-03-02",
      links: [],
      rationale: "The condition is in the quote.",
    });
    if (!own.ok) throw new Error(own.message);
    expect(own.rejected).toEqual([proposal]);
    expect(
      await sendProposalNotificationMails({
        workspace: { slug: owner.slug, title: owner.title },
        proposalIds: own.rejected,
        kinds: ["PROPOSAL_ACCEPTED", "PROPOSAL_REJECTED"],
      }),
    ).toBe(1);
    expect(
      mailsTo(await email(editorA), from)
        .map((m) => m.raw)
        .join(),
    ).toContain("Rhea rejected your proposal");
  });
});
