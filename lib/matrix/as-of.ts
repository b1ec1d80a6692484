// The rule that decides what a cell shows as of a date, in plain code. The matrix query in
// data.ts does the same in SQL; tests hold the two to each other.

export type DatedStatement = { partyId: string; issueId: string; statedOn: string; recordedAt: Date; id: string };

export function cellKey(issueId: string, partyId: string): string {
  return `${issueId}:${partyId}`;
}

/** Later statedOn wins; on the same day the later-recorded statement wins; id breaks exact ties. */
export function compareStatements(a: DatedStatement, b: DatedStatement): number {
  if (a.statedOn !== b.statedOn) return a.statedOn < b.statedOn ? -1 : 1;
  const recorded = a.recordedAt.getTime() - b.recordedAt.getTime();
  if (recorded !== 0) return recorded;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function latestStatementsAsOf<T extends DatedStatement>(statements: readonly T[], asOf: string): Map<string, T> {
  const latest = new Map<string, T>();
  for (const statement of statements) {
    if (statement.statedOn > asOf) continue;
    const key = cellKey(statement.issueId, statement.partyId);
    const current = latest.get(key);
    if (!current || compareStatements(statement, current) > 0) latest.set(key, statement);
  }
  return latest;
}
