import "server-only";
import { type PositionLabels, resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

export type StructureIssue = { id: string; title: string; description: string; archivedAt: string | null };
export type StructureParty = { id: string; name: string; shortName: string; colour: string; archivedAt: string | null };
export type Structure = { issues: StructureIssue[]; parties: StructureParty[]; positionLabels: PositionLabels };

/** The matrix's rows and columns, archived ones included, and the workspace's position labels. */
export async function listStructure(workspace: AuthorizedWorkspace): Promise<Structure> {
  const [settings, issues, parties] = await Promise.all([
    db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { positionLabels: true } }),
    db().issue.findMany({
      where: { workspaceId: workspace.id },
      orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
      select: { id: true, title: true, description: true, archivedAt: true },
    }),
    db().party.findMany({
      where: { workspaceId: workspace.id },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, shortName: true, colour: true, archivedAt: true },
    }),
  ]);
  // Dates become strings here: these lists go straight to client components.
  return {
    issues: issues.map((i) => ({ ...i, archivedAt: i.archivedAt?.toISOString() ?? null })),
    parties: parties.map((p) => ({ ...p, archivedAt: p.archivedAt?.toISOString() ?? null })),
    positionLabels: resolvePositionLabels(settings.positionLabels),
  };
}
