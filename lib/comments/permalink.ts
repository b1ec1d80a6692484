// Where a comment lives: the page of its quote, or of its statement's cell. Used for the
// notification links and for revalidating the page a change shows on.

type CommentPlace = {
  evidenceId: string | null;
  statement: { issueId: string; partyId: string } | null;
};

export function commentPagePath(slug: string, place: CommentPlace): string {
  if (place.evidenceId) return `/w/${slug}/evidence/${place.evidenceId}`;
  if (place.statement) return `/w/${slug}/cells/${place.statement.issueId}/${place.statement.partyId}`;
  return `/w/${slug}`;
}

export function commentAnchor(commentId: string): string {
  return `comment-${commentId}`;
}

export function commentPermalink(slug: string, commentId: string, place: CommentPlace): string {
  return `${commentPagePath(slug, place)}#${commentAnchor(commentId)}`;
}
