import "server-only";
import { getEvidence } from "@/lib/evidence/data";
import { getMatrix } from "@/lib/matrix/data";
import { toCalendarDate } from "@/lib/matrix/dates";
import { db } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, roleAllows } from "@/lib/workspaces/access";

export async function listShareLinks(workspace: AuthorizedWorkspace) {
  if (!roleAllows(workspace.role, "members:manage")) return [];
  const links = await db().shareLink.findMany({
    where: { workspaceId: workspace.id, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, asOf: true, expiresAt: true, createdAt: true },
  });
  return links.map((l) => ({ ...l, asOf: l.asOf ? toCalendarDate(l.asOf) : null }));
}

/**
 * A quote as a share link shows it: only one that backs a stance the shared matrix shows as of
 * `asOf`, so the link reveals nothing its matrix does not already point to. Null otherwise.
 */
export async function getSharedEvidence(workspace: AuthorizedWorkspace, evidenceId: string, asOf: string) {
  const matrix = await getMatrix(workspace, asOf);
  const backed = matrix.cells.flatMap((cell) => {
    const link = cell.statement?.links.find((l) => l.evidenceId === evidenceId);
    return cell.statement && link ? [{ cell, statement: cell.statement, relation: link.relation }] : [];
  });
  if (backed.length === 0) return null;
  const evidence = await getEvidence(workspace, evidenceId);
  if (!evidence) return null;
  const parties = new Map(matrix.parties.map((p) => [p.id, p.name]));
  const issues = new Map(matrix.issues.map((i) => [i.id, i.title]));
  const { speaker, document } = evidence;
  return {
    id: evidence.id,
    exact: evidence.exact,
    before: evidence.before,
    after: evidence.after,
    kind: evidence.kind,
    saidOn: evidence.saidOn,
    pageLabel: evidence.pageLabel,
    speaker: speaker
      ? {
          name: speaker.name,
          description: [speaker.role, speaker.party?.name ?? speaker.organisation].filter(Boolean).join(", "),
        }
      : null,
    document: { title: document.title, outlet: document.outlet, publishedOn: document.publishedOn },
    stances: backed.map(({ cell, statement, relation }) => ({
      id: statement.id,
      relation,
      party: parties.get(cell.partyId) ?? "",
      issue: issues.get(cell.issueId) ?? "",
      position: matrix.positionLabels[statement.position],
      summary: statement.summary,
      statedOn: statement.statedOn,
      quoteIds: statement.links.map((l) => l.evidenceId),
    })),
  };
}
