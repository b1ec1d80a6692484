import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalizeWorkspaceExport } from "@/lib/exports/canonical";
import { getWorkspaceExport } from "@/lib/exports/data";
import { importWorkspaceExport } from "@/lib/exports/mutations";
import { db } from "@/lib/platform/db/client";
import { getNegotiationProposal, listCellProvisions, listNegotiationProposals } from "@/lib/proposals/data";
import {
  addProvision,
  createNegotiationProposal,
  deleteNegotiationProposal,
  removeProvision,
  updateProvision,
} from "@/lib/proposals/mutations";
import { AddProvisionSchema, CreateNegotiationProposalSchema } from "@/lib/proposals/schema";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { resetDatabase } from "../support/database";
import { seedDemoWorkspacePair } from "../support/demo-workspaces";
import { uniqueSlug } from "../support/seed";

// Negotiation proposals (not review-mode proposals): a party's proposal with provisions that are
// verbatim quotes of its document, mapped to issues; a counter-proposal answering it provision by
// provision; text not in the document and another workspace's records refused; all of it carried
// through the workspace export and import. Runs on PostgreSQL and PGlite.

let workspace: AuthorizedWorkspace;
let other: AuthorizedWorkspace;
let analystId: string;

const RBC = "Moscow skeptical of US and NATO responses on security guarantees";
const partyId = async (ws: AuthorizedWorkspace, name: string) =>
  (await db().party.findFirstOrThrow({ where: { workspaceId: ws.id, name }, select: { id: true } })).id;
const issueId = async (ws: AuthorizedWorkspace, title: string) =>
  (await db().issue.findFirstOrThrow({ where: { workspaceId: ws.id, title }, select: { id: true } })).id;
const documentId = async (ws: AuthorizedWorkspace, title = RBC) =>
  (await db().document.findFirstOrThrow({ where: { workspaceId: ws.id, title }, select: { id: true } })).id;
const NON_EXPANSION = "NATO non-expansion vs. the open-door policy";
const STRIKE_WEAPONS = "Offensive strike weapons in Ukraine and near Russia";

const proposalInput = (fields: Record<string, unknown>) => {
  const { workspaceSlug: _slug, ...parsed } = CreateNegotiationProposalSchema.parse({
    workspaceSlug: workspace.slug,
    kind: "DRAFT_TREATY",
    title: "Draft treaty on security guarantees (test)",
    proposedOn: "2021-12-17",
    ...fields,
  });
  return parsed;
};

const provisionInput = (fields: Record<string, unknown>) => {
  const { workspaceSlug: _slug, ...parsed } = AddProvisionSchema.parse({
    workspaceSlug: workspace.slug,
    answersProvisionIds: [],
    ...fields,
  });
  return parsed;
};

async function proposal(ws: AuthorizedWorkspace, fields: Record<string, unknown>) {
  const created = await createNegotiationProposal(ws, proposalInput(fields));
  if (!created.ok) throw new Error(created.message);
  return created.proposalId;
}

async function provision(ws: AuthorizedWorkspace, fields: Record<string, unknown>) {
  const added = await addProvision(ws, provisionInput(fields));
  if (!added.ok) throw new Error(added.message);
  return added.provisionId;
}

beforeAll(async () => {
  await resetDatabase();
  ({ analystId, workspace, other } = await seedDemoWorkspacePair("proposals", "Proposal Analyst"));
});

describe("a proposal and the counter-proposal that answers it", () => {
  let draftId: string;
  let articleId: string;
  let answerId: string;

  it("records provisions as verbatim quotes of the document, each mapped to issues, with activity", async () => {
    draftId = await proposal(workspace, {
      partyId: await partyId(workspace, "Russia"),
      documentId: await documentId(workspace),
      documentPart: "Lavrov's first comments",
    });
    articleId = await provision(workspace, {
      proposalId: draftId,
      label: "Article 4",
      passage: { by: "quote", quote: "the non-expansion of NATO to the east" },
      issueIds: [await issueId(workspace, NON_EXPANSION)],
    });
    // A selection in the reader: offsets, exact words and context checked against the revision.
    const revision = await db().documentRevision.findFirstOrThrow({
      where: { documentId: await documentId(workspace) },
      select: { id: true, text: true },
    });
    const exact = "the deployment of strike weapons in such territories that could threaten Russia";
    const start = [...revision.text.slice(0, revision.text.indexOf(exact))].length;
    const chars = [...revision.text];
    await provision(workspace, {
      proposalId: draftId,
      label: "Article 5",
      passage: {
        by: "selection",
        revisionId: revision.id,
        startOffset: start,
        endOffset: start + [...exact].length,
        exact,
        prefix: chars.slice(Math.max(0, start - 32), start).join(""),
        suffix: chars.slice(start + [...exact].length, start + [...exact].length + 32).join(""),
      },
      issueIds: [await issueId(workspace, STRIKE_WEAPONS)],
    });
    const view = await getNegotiationProposal(workspace, draftId);
    expect(view?.provisions.map((p) => [p.label, p.exact, p.issues.map((i) => i.title)])).toEqual([
      ["Article 4", "the non-expansion of NATO to the east", [NON_EXPANSION]],
      ["Article 5", exact, [STRIKE_WEAPONS]],
    ]);
    const quote = await db().evidence.findFirstOrThrow({
      where: { id: view!.provisions[0]!.evidenceId },
      select: { kind: true, saidOn: true, exact: true },
    });
    expect(quote).toMatchObject({ kind: "OFFICIAL_DOCUMENT", exact: "the non-expansion of NATO to the east" });
    expect(quote.saidOn.toISOString().slice(0, 10)).toBe("2021-12-17");
    const actions = await db().activityEvent.findMany({
      where: { workspaceId: workspace.id, subjectType: { in: ["negotiation_proposal", "provision"] } },
      select: { action: true },
      orderBy: { at: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "negotiation_proposal.created",
      "provision.added",
      "provision.added",
    ]);
  });

  it("refuses a provision whose words are not in the document, saying so, and writes nothing", async () => {
    const before = await db().evidence.count({ where: { workspaceId: workspace.id } });
    const refused = await addProvision(
      workspace,
      provisionInput({
        proposalId: draftId,
        label: "Article 6",
        passage: {
          by: "quote",
          quote: "The Parties shall not deploy land-based intermediate- and short-range missiles",
        },
        issueIds: [await issueId(workspace, NON_EXPANSION)],
      }),
    );
    expect(refused).toMatchObject({
      ok: false,
      code: "quote_not_found",
      message: expect.stringMatching(/word for word/),
    });
    const tampered = await addProvision(
      workspace,
      provisionInput({
        proposalId: draftId,
        label: "Article 6",
        passage: {
          by: "selection",
          revisionId: (
            await db().documentRevision.findFirstOrThrow({ where: { documentId: await documentId(workspace) } })
          ).id,
          startOffset: 0,
          endOffset: 6,
          exact: "Russia",
          prefix: "",
          suffix: "",
        },
        issueIds: [await issueId(workspace, NON_EXPANSION)],
      }),
    );
    expect(tampered).toMatchObject({ ok: false, code: "anchor_mismatch" });
    expect(await db().evidence.count({ where: { workspaceId: workspace.id } })).toBe(before);
  });

  it("answers provision by provision, and shows the answers on the proposal and on the cell", async () => {
    answerId = await proposal(workspace, {
      partyId: await partyId(workspace, "United States"),
      kind: "WRITTEN_RESPONSE",
      title: "US written response (test)",
      proposedOn: "2022-01-26",
      documentId: await documentId(workspace),
      answersId: draftId,
    });
    await provision(workspace, {
      proposalId: answerId,
      label: "Open door",
      passage: { by: "quote", quote: "Washington will not abandon the policy of “open doors”" },
      issueIds: [await issueId(workspace, NON_EXPANSION)],
      answersProvisionIds: [articleId],
    });
    const view = await getNegotiationProposal(workspace, draftId);
    expect(view?.answeredBy.map((p) => p.title)).toEqual(["US written response (test)"]);
    expect(view?.provisions[0]?.answeredBy.map((a) => [a.label, a.proposal.party.name, a.exact])).toEqual([
      ["Open door", "United States", "Washington will not abandon the policy of “open doors”"],
    ]);
    expect(view?.provisions[1]?.answeredBy).toEqual([]);
    // The stances of each party on the provisions' issues, at the proposal's date and today.
    expect(view?.stances.issues.map((i) => i.title)).toEqual([NON_EXPANSION, STRIKE_WEAPONS]);
    expect(view?.stances.parties.map((p) => p.name)).toEqual(["Russia", "United States", "NATO"]);
    expect(view?.stances.issues[0]?.today[0]).toBe("DEMANDS");

    const cell = await listCellProvisions(
      workspace,
      await issueId(workspace, NON_EXPANSION),
      await partyId(workspace, "Russia"),
    );
    expect(cell.map((c) => [c.label, c.proposal.title, c.answeredBy.map((a) => a.proposal.title)])).toContainEqual([
      "Article 4",
      "Draft treaty on security guarantees (test)",
      ["US written response (test)"],
    ]);
    const listed = await listNegotiationProposals(workspace);
    const draft = listed.find((p) => p.id === draftId);
    expect(draft?.answeredBy.map((p) => p.id)).toEqual([answerId]);
    expect(listed.find((p) => p.id === answerId)?.answers?.id).toBe(draftId);
  });

  it("refuses an answer to a provision of a proposal it does not answer", async () => {
    const unrelated = await proposal(workspace, {
      partyId: await partyId(workspace, "NATO"),
      kind: "PUBLIC_OFFER",
      title: "An offer answering nothing",
      proposedOn: "2022-01-26",
      documentId: await documentId(workspace),
    });
    const refused = await addProvision(
      workspace,
      provisionInput({
        proposalId: unrelated,
        label: "Hotline",
        passage: { by: "quote", quote: "the creation of a civilian hotline" },
        issueIds: [await issueId(workspace, NON_EXPANSION)],
        answersProvisionIds: [articleId],
      }),
    );
    expect(refused).toMatchObject({ ok: false, code: "not_answerable" });
    expect(await deleteNegotiationProposal(workspace, unrelated)).toEqual({ ok: true });
  });

  it("refuses every reference into another workspace like a missing record", async () => {
    const foreignParty = await partyId(other, "Russia");
    const foreignDocument = await documentId(other);
    const foreignIssue = await issueId(other, NON_EXPANSION);
    const foreignDraft = await proposal(other, {
      partyId: foreignParty,
      documentId: foreignDocument,
      title: "Foreign draft",
    });
    const foreignArticle = await provision(other, {
      proposalId: foreignDraft,
      label: "Article 4",
      passage: { by: "quote", quote: "the non-expansion of NATO to the east" },
      issueIds: [foreignIssue],
    });
    const count = await db().negotiationProposal.count({ where: { workspaceId: workspace.id } });
    expect(await createNegotiationProposal(workspace, proposalInput({ partyId: foreignParty }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const russia = await partyId(workspace, "Russia");
    for (const fields of [{ documentId: foreignDocument }, { answersId: foreignDraft }])
      expect(await createNegotiationProposal(workspace, proposalInput({ partyId: russia, ...fields }))).toMatchObject({
        ok: false,
        code: "not_found",
      });
    expect(await db().negotiationProposal.count({ where: { workspaceId: workspace.id } })).toBe(count);
    // Provisions: a foreign proposal, a foreign issue, a foreign provision to answer.
    expect(
      await addProvision(
        workspace,
        provisionInput({
          proposalId: foreignDraft,
          label: "x",
          passage: { by: "quote", quote: "NATO" },
          issueIds: [await issueId(workspace, NON_EXPANSION)],
        }),
      ),
    ).toMatchObject({ ok: false, code: "not_found" });
    const existing = (await getNegotiationProposal(workspace, answerId))!.provisions[0]!;
    expect(
      await updateProvision(workspace, {
        provisionId: existing.id,
        label: "Open door",
        issueIds: [foreignIssue],
        answersProvisionIds: [],
      }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await updateProvision(workspace, {
        provisionId: existing.id,
        label: "Open door",
        issueIds: [await issueId(workspace, NON_EXPANSION)],
        answersProvisionIds: [foreignArticle],
      }),
    ).toMatchObject({ ok: false, code: "not_answerable" });
    expect(await removeProvision(workspace, foreignArticle)).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteNegotiationProposal(workspace, foreignDraft)).toMatchObject({ ok: false, code: "not_found" });
    expect(await getNegotiationProposal(workspace, foreignDraft)).toBeNull();
    // The database itself refuses a row that points across workspaces.
    await expect(
      db().provisionAnswer.create({
        data: { workspaceId: workspace.id, provisionId: existing.id, answeredProvisionId: foreignArticle },
      }),
    ).rejects.toThrow();
  });

  it("round-trips through the workspace export and import", async () => {
    const exported = await getWorkspaceExport(workspace);
    const mine = exported.negotiationProposals?.filter((p) => p.title.endsWith("(test)"));
    expect(mine?.map((p) => [p.title, p.provisions.length])).toEqual([
      ["Draft treaty on security guarantees (test)", 2],
      ["US written response (test)", 1],
    ]);
    const result = await importWorkspaceExport(exported, {
      slug: uniqueSlug("proposals-copy"),
      ownerUserId: analystId,
    });
    if (!result.ok) throw new Error(result.message);
    const copy = trustedWorkspace(result.workspace, analystId);
    const again = await getWorkspaceExport(copy);
    expect(canonicalizeWorkspaceExport(again)).toEqual(canonicalizeWorkspaceExport(exported));
    const copied = (await listNegotiationProposals(copy)).find((p) => p.title === "US written response (test)");
    expect(copied?.answers?.title).toBe("Draft treaty on security guarantees (test)");
  });

  it("refuses an export whose provision answers a provision outside the proposal it answers", async () => {
    const exported = await getWorkspaceExport(workspace);
    const proposals = exported.negotiationProposals!;
    const broken = {
      ...exported,
      negotiationProposals: proposals.map((p) =>
        p.id === answerId
          ? { ...p, provisions: p.provisions.map((v) => ({ ...v, answersProvisionIds: [randomUUID()] })) }
          : p,
      ),
    };
    const result = await importWorkspaceExport(broken, {
      slug: uniqueSlug("proposals-broken"),
      ownerUserId: analystId,
    });
    expect(result).toMatchObject({ ok: false });
  });

  it("removes a provision and deletes a proposal, keeping the quotes and unlinking its answers", async () => {
    const view = (await getNegotiationProposal(workspace, draftId))!;
    expect(await removeProvision(workspace, view.provisions[1]!.id)).toEqual({ ok: true });
    expect(await db().evidence.count({ where: { id: view.provisions[1]!.evidenceId } })).toBe(1);
    expect(await deleteNegotiationProposal(workspace, draftId)).toEqual({ ok: true });
    const answer = (await getNegotiationProposal(workspace, answerId))!;
    expect(answer.answers).toBeNull();
    expect(answer.provisions[0]!.answers).toEqual([]);
  });
});
