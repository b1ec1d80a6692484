// Who may call what: every server action (by exported name) and every route handler method, for
// every kind of caller. Written out by hand from the intended design, not derived from
// lib/workspaces/access.ts, so a change to PERMISSIONS or to an action's client that widens or
// narrows access fails tests/e2e/policy.test.ts until this table is changed on purpose.
//
// "allow": the call gets past every access check (it may still fail on its own terms, such as a
// wrong current password). "deny": it is refused as unauthenticated, not_found or forbidden, and
// writes nothing.

export const SUBJECTS = ["owner", "editor", "commenter", "viewer", "removed", "nonmember", "anonymous"] as const;

/**
 * owner…viewer: members of the demo workspace with that role; removed: a former member whose
 * session is still valid; nonmember: signed in, owner of another workspace only; anonymous: no
 * session at all.
 */
export type Subject = (typeof SUBJECTS)[number];
export type Verdict = "allow" | "deny";
export type Policy = Readonly<Record<Subject, Verdict>>;

function allowing(...allowed: Subject[]): Policy {
  return Object.fromEntries(SUBJECTS.map((s) => [s, allowed.includes(s) ? "allow" : "deny"])) as Record<Subject, Verdict>;
}

const EVERYONE = allowing("owner", "editor", "commenter", "viewer", "removed", "nonmember", "anonymous");
const SIGNED_IN = allowing("owner", "editor", "commenter", "viewer", "removed", "nonmember");
const READERS = allowing("owner", "editor", "commenter", "viewer");
const COMMENTERS = allowing("owner", "editor", "commenter");
const WRITERS = allowing("owner", "editor");
const OWNERS = allowing("owner");

export type ActionRow = {
  /** The module that exports the action, relative to the project root. */
  file: string;
  policy: Policy;
  /** Input fields naming a record (besides workspaceSlug); each gets an IDOR probe. */
  idFields: readonly string[];
};

export const ACTION_POLICY: Readonly<Record<string, ActionRow>> = {
  // Public by design: signing in and out, and the two ways to create an account.
  signInAction: { file: "lib/auth/actions.ts", policy: EVERYONE, idFields: [] },
  signOutAction: { file: "lib/auth/actions.ts", policy: EVERYONE, idFields: [] },
  signUpAction: { file: "lib/account/actions.ts", policy: EVERYONE, idFields: [] },
  registerWithInvitationAction: { file: "lib/members/actions.ts", policy: EVERYONE, idFields: [] },

  // Any signed-in user, whatever their memberships.
  changePasswordAction: { file: "lib/account/actions.ts", policy: SIGNED_IN, idFields: [] },
  signOutEverywhereAction: { file: "lib/account/actions.ts", policy: SIGNED_IN, idFields: [] },
  acceptInvitationAction: { file: "lib/members/actions.ts", policy: SIGNED_IN, idFields: [] },
  // One's own notifications (scoped to the caller, whoever they are).
  markNotificationReadAction: { file: "lib/notifications/actions.ts", policy: SIGNED_IN, idFields: ["notificationId"] },
  markAllNotificationsReadAction: { file: "lib/notifications/actions.ts", policy: SIGNED_IN, idFields: [] },
  // An import creates a new workspace owned by the caller, so it needs no existing membership.
  importWorkspaceAction: { file: "lib/exports/actions.ts", policy: SIGNED_IN, idFields: [] },

  // Following a cell: anyone who can read the workspace.
  followCellAction: { file: "lib/notifications/actions.ts", policy: READERS, idFields: ["issueId", "partyId"] },
  unfollowCellAction: { file: "lib/notifications/actions.ts", policy: READERS, idFields: ["issueId", "partyId"] },

  // Comments: owners, editors and commenters (edits and deletions of one's own comments only).
  postCommentAction: { file: "lib/comments/actions.ts", policy: COMMENTERS, idFields: ["evidenceId", "mentionUserIds", "statementId"] },
  replyToCommentAction: { file: "lib/comments/actions.ts", policy: COMMENTERS, idFields: ["commentId", "mentionUserIds"] },
  editCommentAction: { file: "lib/comments/actions.ts", policy: COMMENTERS, idFields: ["commentId", "mentionUserIds"] },
  deleteCommentAction: { file: "lib/comments/actions.ts", policy: COMMENTERS, idFields: ["commentId"] },
  resolveThreadAction: { file: "lib/comments/actions.ts", policy: COMMENTERS, idFields: ["commentId"] },
  reopenThreadAction: { file: "lib/comments/actions.ts", policy: COMMENTERS, idFields: ["commentId"] },

  // Stances: owners and editors.
  recordStatementAction: { file: "lib/matrix/actions.ts", policy: WRITERS, idFields: ["issueId", "partyId", "evidenceId"] },
  correctStatementAction: { file: "lib/matrix/actions.ts", policy: WRITERS, idFields: ["statementId", "evidenceId"] },
  retractStatementAction: { file: "lib/matrix/actions.ts", policy: WRITERS, idFields: ["statementId"] },

  // Matrix structure: owners and editors.
  addIssueAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: [] },
  renameIssueAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: ["issueId"] },
  archiveIssueAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: ["issueId"] },
  unarchiveIssueAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: ["issueId"] },
  reorderIssuesAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: ["orderedIds"] },
  addPartyAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: [] },
  renamePartyAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: ["partyId"] },
  archivePartyAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: ["partyId"] },
  unarchivePartyAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: ["partyId"] },
  reorderPartiesAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: ["orderedIds"] },
  renamePositionLabelsAction: { file: "lib/structure/actions.ts", policy: WRITERS, idFields: [] },

  // Documents, quotes and the people directory: owners and editors.
  importDocumentAction: { file: "lib/documents/actions.ts", policy: WRITERS, idFields: [] },
  correctDocumentAction: { file: "lib/documents/actions.ts", policy: WRITERS, idFields: ["documentId"] },
  dismissSuggestionAction: { file: "lib/documents/actions.ts", policy: WRITERS, idFields: ["revisionId"] },
  markAnchorReviewedAction: { file: "lib/documents/actions.ts", policy: WRITERS, idFields: ["evidenceId", "revisionId"] },
  createEvidenceAction: { file: "lib/evidence/actions.ts", policy: WRITERS, idFields: ["documentId", "partyId", "revisionId", "speakerId", "statementId"] },
  updatePersonAction: { file: "lib/people/actions.ts", policy: WRITERS, idFields: ["partyId", "personId"] },
  mergePeopleAction: { file: "lib/people/actions.ts", policy: WRITERS, idFields: ["keepId", "mergeId"] },

  // Members and invitations: owners only.
  createInvitationAction: { file: "lib/members/actions.ts", policy: OWNERS, idFields: [] },
  revokeInvitationAction: { file: "lib/members/actions.ts", policy: OWNERS, idFields: ["invitationId"] },
  changeMemberRoleAction: { file: "lib/members/actions.ts", policy: OWNERS, idFields: ["userId"] },
  removeMemberAction: { file: "lib/members/actions.ts", policy: OWNERS, idFields: ["userId"] },
  createShareLinkAction: { file: "lib/share/actions.ts", policy: OWNERS, idFields: [] },
  revokeShareLinkAction: { file: "lib/share/actions.ts", policy: OWNERS, idFields: ["shareLinkId"] },
};

/** Keyed "METHOD /path/[param]", the path as the folders under app/ spell it. */
export const ROUTE_POLICY: Readonly<Record<string, Policy>> = {
  "GET /api/health": EVERYONE,
  // Auth.js's own endpoints (csrf, session, sign-in callback…) are public by nature.
  "GET /api/auth/[...nextauth]": EVERYONE,
  "POST /api/auth/[...nextauth]": EVERYONE,
  "GET /api/w/[slug]/matrix": READERS,
  "GET /api/w/[slug]/evidence": READERS,
  // Downloads: the matrix, briefings, quotes, the whole workspace.
  "GET /api/w/[slug]/export": READERS,
  // Server-Sent Events: live activity and presence.
  "GET /api/w/[slug]/events": READERS,
  // Document import for scripts: the same permission as the import form.
  "POST /api/w/[slug]/documents": WRITERS,
};
