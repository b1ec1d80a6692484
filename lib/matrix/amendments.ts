/** How a correction changed a statement's quotes, each list in the order of the statement it comes from. */
export type LinkChanges<T> = {
  added: T[];
  removed: T[];
  relationChanged: { before: T; after: T }[];
};

export function diffLinks<T extends { relation: string }>(
  before: T[],
  after: T[],
  evidenceIdOf: (link: T) => string,
): LinkChanges<T> {
  const old = new Map(before.map((link) => [evidenceIdOf(link), link]));
  const now = new Map(after.map((link) => [evidenceIdOf(link), link]));
  return {
    added: after.filter((link) => !old.has(evidenceIdOf(link))),
    removed: before.filter((link) => !now.has(evidenceIdOf(link))),
    relationChanged: after.flatMap((link) => {
      const was = old.get(evidenceIdOf(link));
      return was && was.relation !== link.relation ? [{ before: was, after: link }] : [];
    }),
  };
}
