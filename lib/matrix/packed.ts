import type { MatrixStatement, MatrixView } from "@/lib/matrix/schema";

// The matrix a page hands to the browser, packed: every cell of a 40 × 12 matrix as an object with
// its keys and its issue's and party's ids was about 230 KB of the page, serialised, escaped and parsed
// again on every request. Here a cell names its issue and party by their place in the lists and a
// statement is a tuple; unpackMatrix gives back exactly the MatrixView that getMatrix returned.

type Condition = NonNullable<MatrixStatement["conditionCell"]>;
/** An issue or party by its index in the matrix's list, or by id if it is not in the list. */
type Ref = number | string;
type PackedLink = [evidenceId: string, relation: MatrixStatement["links"][number]["relation"]];
type PackedStatement = [
  id: string,
  position: string,
  summary: string,
  statedOn: string,
  confidence: MatrixStatement["confidence"],
  confidenceRationale: string | null,
  redLine: 0 | 1,
  conditionText: string | null,
  conditionCell: [issue: Ref, party: Ref, minPosition: Condition["minPosition"]] | null,
  evidenceCount: number,
  links: PackedLink[],
];
type PackedCell = [issue: Ref, party: Ref, version: number, statement: PackedStatement | null];

export type PackedMatrix = Omit<MatrixView, "cells"> & { cells: PackedCell[] };

function indexer(items: { id: string }[]) {
  const places = new Map(items.map((item, index) => [item.id, index]));
  return (id: string): Ref => places.get(id) ?? id;
}

const idAt = (items: { id: string }[], ref: Ref) => (typeof ref === "number" ? (items[ref]?.id ?? "") : ref);

export function packMatrix(matrix: MatrixView): PackedMatrix {
  const issue = indexer(matrix.issues);
  const party = indexer(matrix.parties);
  const packStatement = (s: MatrixStatement): PackedStatement => [
    s.id,
    s.position,
    s.summary,
    s.statedOn,
    s.confidence,
    s.confidenceRationale,
    s.redLine ? 1 : 0,
    s.conditionText ?? null,
    s.conditionCell
      ? [issue(s.conditionCell.issueId), party(s.conditionCell.partyId), s.conditionCell.minPosition]
      : null,
    s.evidenceCount,
    s.links.map((link) => [link.evidenceId, link.relation]),
  ];
  const { cells, ...frame } = matrix;
  return {
    ...frame,
    cells: cells.map((cell) => [
      issue(cell.issueId),
      party(cell.partyId),
      cell.version,
      cell.statement ? packStatement(cell.statement) : null,
    ]),
  };
}

export function unpackMatrix(packed: PackedMatrix): MatrixView {
  const { cells, ...frame } = packed;
  const unpackStatement = (s: PackedStatement): MatrixStatement => ({
    id: s[0],
    position: s[1],
    summary: s[2],
    statedOn: s[3],
    confidence: s[4],
    confidenceRationale: s[5],
    redLine: s[6] === 1,
    conditionText: s[7],
    conditionCell: s[8]
      ? { issueId: idAt(frame.issues, s[8][0]), partyId: idAt(frame.parties, s[8][1]), minPosition: s[8][2] }
      : null,
    evidenceCount: s[9],
    links: s[10].map(([evidenceId, relation]) => ({ evidenceId, relation })),
  });
  return {
    ...frame,
    cells: cells.map(([issue, party, version, statement]) => ({
      issueId: idAt(frame.issues, issue),
      partyId: idAt(frame.parties, party),
      version,
      statement: statement ? unpackStatement(statement) : null,
    })),
  };
}
