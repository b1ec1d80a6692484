// Where a comment lives: the page of its quote, or of its statement's or proposal's cell. Used for the
// notification links and for revalidating the page a change shows on.

type CommentPlace = {
  evidenceId: string | null;
  statement: { issueId: string; partyId: string } | null;
  proposal?: { issueId: string; partyId: string } | null;
};

export function commentPagePath(slug: string, place: CommentPlace): string {
  if (place.evidenceId) return `/w/${slug}/evidence/${place.evidenceId}`;
  const cell = place.statement ?? place.proposal;
  if (cell) return `/w/${slug}/cells/${cell.issueId}/${cell.partyId}`;
  return `/w/${slug}`;
}

export function commentAnchor(commentId: string): string {
  return `comment-${commentId}`;
}

export function commentPermalink(slug: string, commentId: string, place: CommentPlace): string {
  return `${commentPagePath(slug, place)}#${commentAnchor(commentId)}`;
}
