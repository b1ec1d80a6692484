import { POSITIONS } from "@/lib/matrix/positions";
import type { WorkspaceFixture } from "@/tests/support/fixture/types";

/**
 * A workspace big enough for the board to virtualise its rows (past 500 cells): `issues` × `parties`
 * with one statement in every cell, and nothing else. Loaded with loadWorkspaceFixture.
 */
export function bigMatrixFixture(title: string, issues = 60, parties = 10): WorkspaceFixture {
  const partyList = Array.from({ length: parties }, (_, p) => ({
    key: `p${p}`,
    name: `Party ${p + 1}`,
    shortName: `P${p + 1}`,
    colour: "#334155" as const,
  }));
  const issueList = Array.from({ length: issues }, (_, i) => ({
    key: `i${i}`,
    title: `Issue ${i + 1}`,
    description: `What the parties say on generated issue ${i + 1}.`,
  }));
  return {
    slug: "big-matrix",
    title,
    description: "A generated matrix for the virtualised board.",
    parties: partyList,
    issues: issueList,
    people: [],
    documents: [],
    evidence: [],
    statements: issueList.flatMap((issue, i) =>
      partyList.map((party, p) => ({
        party: party.key,
        issue: issue.key,
        position: POSITIONS[(i + p) % POSITIONS.length]!,
        summary: `${party.name} restated where it stands on ${issue.title}.`,
        statedOn: "2022-01-10",
        evidence: [],
      })),
    ),
  };
}
