// Who may call what: every server action (by exported name) and every route handler method, for
// every kind of caller. Written out by hand from the intended design, not derived from
// lib/workspaces/access.ts, so a change to PERMISSIONS or to an action's client that widens or
// narrows access fails tests/e2e/policy.test.ts until this table is changed on purpose.
//
// "allow": the call gets past every access check (it may still fail on its own terms, such as a
// wrong current password). "deny": it is refused as unauthenticated, not_found or forbidden, and
// writes nothing.

export const SUBJECTS = [
  "owner",
  "reviewer",
  "editor",
  "commenter",
  "viewer",
  "removed",
  "nonmember",
  "anonymous",
] as const;

/**
 * owner…viewer: members of the demo workspace with that role (reviewer: an editor who also decides proposals); removed: a former member whose
 * session is still valid; nonmember: signed in, owner of another workspace only; anonymous: no
 * session at all.
 */
export type Subject = (typeof SUBJECTS)[number];
export type Verdict = "allow" | "deny";
export type Policy = Readonly<Record<Subject, Verdict>>;

function allowing(...allowed: Subject[]): Policy {
  return Object.fromEntries(SUBJECTS.map((s) => [s, allowed.includes(s) ? "allow" : "deny"])) as Record<
    Subject,
    Verdict
  >;
}

const EVERYONE = allowing("owner", "reviewer", "editor", "commenter", "viewer", "removed", "nonmember", "anonymous");
const SIGNED_IN = allowing("owner", "reviewer", "editor", "commenter", "viewer", "removed", "nonmember");
const READERS = allowing("owner", "reviewer", "editor", "commenter", "viewer");
const COMMENTERS = allowing("owner", "reviewer", "editor", "commenter");
const WRITERS = allowing("owner", "reviewer", "editor");
const REVIEWERS = allowing("owner", "reviewer");
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
  signInAction: { file: "lib/platform/auth/actions.ts", policy: EVERYONE, idFields: [] },
  signOutAction: { file: "lib/platform/auth/actions.ts", policy: EVERYONE, idFields: [] },
  signUpAction: { file: "lib/account/actions.ts", policy: EVERYONE, idFields: [] },
  registerWithInvitationAction: { file: "lib/members/actions.ts", policy: EVERYONE, idFields: [] },
  // Mails a code to an invitation's bound address; the token is the credential, as above.
  requestInvitationCodeAction: { file: "lib/members/actions.ts", policy: EVERYONE, idFields: [] },

  // Any signed-in user, whatever their memberships.
  changePasswordAction: { file: "lib/account/actions.ts", policy: SIGNED_IN, idFields: [] },
  signOutEverywhereAction: { file: "lib/account/actions.ts", policy: SIGNED_IN, idFields: [] },
  // One's own access tokens: scoped to workspaces the caller is a member of, revoked only by their owner.
  createApiTokenAction: { file: "lib/account/actions.ts", policy: SIGNED_IN, idFields: [] },
  revokeApiTokenAction: { file: "lib/account/actions.ts", policy: SIGNED_IN, idFields: ["tokenId"] },
  acceptInvitationAction: { file: "lib/members/actions.ts", policy: SIGNED_IN, idFields: [] },
  // One's own notifications (scoped to the caller, whoever they are).
  markNotificationReadAction: { file: "lib/notifications/actions.ts", policy: SIGNED_IN, idFields: ["notificationId"] },
  markAllNotificationsReadAction: { file: "lib/notifications/actions.ts", policy: SIGNED_IN, idFields: [] },
  // An import creates a new workspace owned by the caller, so it needs no existing membership.
  importWorkspaceAction: { file: "lib/exports/actions.ts", policy: SIGNED_IN, idFields: [] },
  // So does starting a new one (copying a structure checks membership of the source), and
  // asking whether an address is free.
  createWorkspaceAction: { file: "lib/workspaces/actions.ts", policy: SIGNED_IN, idFields: [] },
  checkWorkspaceSlugAction: { file: "lib/workspaces/actions.ts", policy: SIGNED_IN, idFields: [] },

  // Following a cell: anyone who can read the workspace.
  followCellAction: { file: "lib/notifications/actions.ts", policy: READERS, idFields: ["issueId", "partyId"] },
  unfollowCellAction: { file: "lib/notifications/actions.ts", policy: READERS, idFields: ["issueId", "partyId"] },

  // Comments: owners, reviewers, editors and commenters (edits and deletions of one's own comments
  // only), on a quote, a statement or a proposal.
  postCommentAction: {
    file: "lib/comments/actions.ts",
    policy: COMMENTERS,
    idFields: ["evidenceId", "mentionUserIds", "proposalId", "statementId"],
  },
  replyToCommentAction: {
    file: "lib/comments/actions.ts",
    policy: COMMENTERS,
    idFields: ["commentId", "mentionUserIds"],
  },
  editCommentAction: { file: "lib/comments/actions.ts", policy: COMMENTERS, idFields: ["commentId", "mentionUserIds"] },
  deleteCommentAction: { file: "lib/comments/actions.ts", policy: COMMENTERS, idFields: ["commentId"] },
  resolveThreadAction: { file: "lib/comments/actions.ts", policy: COMMENTERS, idFields: ["commentId"] },
  reopenThreadAction: { file: "lib/comments/actions.ts", policy: COMMENTERS, idFields: ["commentId"] },

  // Stances: owners, reviewers and editors (in review mode, editors propose instead: lib/review).
  recordStatementAction: {
    file: "lib/matrix/actions.ts",
    policy: WRITERS,
    idFields: ["issueId", "partyId", "evidenceId"],
  },
  // issueId and partyId: the cell a conditional offer's condition points at.
  correctStatementAction: {
    file: "lib/matrix/actions.ts",
    policy: WRITERS,
    idFields: ["statementId", "evidenceId", "issueId", "partyId"],
  },
  retractStatementAction: { file: "lib/matrix/actions.ts", policy: WRITERS, idFields: ["statementId"] },

  // Review: anyone who may edit stances proposes (and rebases their own proposals); reviewers
  // and owners decide; owners switch review mode.
  proposeEditAction: {
    file: "lib/review/actions.ts",
    policy: WRITERS,
    idFields: ["evidenceId", "issueId", "partyId", "statementId"],
  },
  rebaseProposalAction: { file: "lib/review/actions.ts", policy: WRITERS, idFields: ["proposalId"] },
  acceptProposalAction: { file: "lib/review/actions.ts", policy: REVIEWERS, idFields: ["proposalId"] },
  rejectProposalAction: { file: "lib/review/actions.ts", policy: REVIEWERS, idFields: ["proposalId"] },
  // The reviewer's own reading in place of the proposed ones: recorded directly, proposals closed.
  recordOwnReadingAction: {
    file: "lib/review/actions.ts",
    policy: REVIEWERS,
    idFields: ["issueId", "partyId", "evidenceId"],
  },
  setReviewModeAction: { file: "lib/review/actions.ts", policy: OWNERS, idFields: [] },
  // Blind coding rounds: reviewers and owners start and close them; owners, reviewers and editors
  // code (only in rounds they are assigned to, which the action checks after the gate).
  startCodingRoundAction: {
    file: "lib/coding/actions.ts",
    policy: REVIEWERS,
    idFields: ["documentId", "coderIds"],
  },
  recordCodeAction: {
    file: "lib/coding/actions.ts",
    policy: WRITERS,
    idFields: ["roundId", "evidenceId", "partyId", "issueId"],
  },
  closeCodingRoundAction: { file: "lib/coding/actions.ts", policy: REVIEWERS, idFields: ["roundId"] },

  // Matrix structure: owners, reviewers and editors.
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

  // Documents, quotes and the people directory: owners, reviewers and editors.
  importDocumentAction: { file: "lib/documents/actions.ts", policy: WRITERS, idFields: [] },
  correctDocumentAction: { file: "lib/documents/actions.ts", policy: WRITERS, idFields: ["documentId"] },
  dismissSuggestionAction: { file: "lib/documents/actions.ts", policy: WRITERS, idFields: ["revisionId"] },
  markAnchorReviewedAction: {
    file: "lib/documents/actions.ts",
    policy: WRITERS,
    idFields: ["evidenceId", "revisionId"],
  },
  setDocumentLanguageAction: {
    file: "lib/documents/actions.ts",
    policy: WRITERS,
    idFields: ["documentId", "translationOfId"],
  },
  pairQuoteAction: {
    file: "lib/evidence/actions.ts",
    policy: WRITERS,
    idFields: ["documentId", "originalId", "translationId"],
  },
  unpairQuoteAction: { file: "lib/evidence/actions.ts", policy: WRITERS, idFields: ["evidenceId"] },
  linkEvidenceAction: { file: "lib/evidence/actions.ts", policy: WRITERS, idFields: ["evidenceId", "statementId"] },
  createEvidenceAction: {
    file: "lib/evidence/actions.ts",
    policy: WRITERS,
    idFields: ["documentId", "partyId", "revisionId", "speakerId", "statementId"],
  },
  updatePersonAction: { file: "lib/people/actions.ts", policy: WRITERS, idFields: ["partyId", "personId"] },
  mergePeopleAction: { file: "lib/people/actions.ts", policy: WRITERS, idFields: ["keepId", "mergeId"] },
  createEventAction: { file: "lib/events/actions.ts", policy: WRITERS, idFields: ["documentIds", "partyIds"] },
  updateEventAction: {
    file: "lib/events/actions.ts",
    policy: WRITERS,
    idFields: ["documentIds", "eventId", "partyIds"],
  },
  deleteEventAction: { file: "lib/events/actions.ts", policy: WRITERS, idFields: ["eventId"] },
  // The parties' proposals in the negotiation (not review-mode proposals): editors write.
  createNegotiationProposalAction: {
    file: "lib/proposals/actions.ts",
    policy: WRITERS,
    idFields: ["answersId", "documentId", "partyId"],
  },
  deleteNegotiationProposalAction: { file: "lib/proposals/actions.ts", policy: WRITERS, idFields: ["proposalId"] },
  addProvisionAction: {
    file: "lib/proposals/actions.ts",
    policy: WRITERS,
    idFields: ["answersProvisionIds", "issueIds", "proposalId", "revisionId"],
  },
  removeProvisionAction: { file: "lib/proposals/actions.ts", policy: WRITERS, idFields: ["provisionId"] },
  createIssueLinkAction: {
    file: "lib/issue-links/actions.ts",
    policy: WRITERS,
    idFields: ["firstIssueId", "partyId", "secondIssueId"],
  },
  deleteIssueLinkAction: { file: "lib/issue-links/actions.ts", policy: WRITERS, idFields: ["issueLinkId"] },

  // Members and invitations: owners only.
  createInvitationAction: { file: "lib/members/actions.ts", policy: OWNERS, idFields: [] },
  revokeInvitationAction: { file: "lib/members/actions.ts", policy: OWNERS, idFields: ["invitationId"] },
  changeMemberRoleAction: { file: "lib/members/actions.ts", policy: OWNERS, idFields: ["userId"] },
  removeMemberAction: { file: "lib/members/actions.ts", policy: OWNERS, idFields: ["userId"] },
  createShareLinkAction: { file: "lib/share/actions.ts", policy: OWNERS, idFields: [] },
  revokeShareLinkAction: { file: "lib/share/actions.ts", policy: OWNERS, idFields: ["shareLinkId"] },

  // The workspace itself: owners only (archive, restore and delete also work on an archived one).
  updateWorkspaceAction: { file: "lib/workspaces/actions.ts", policy: OWNERS, idFields: [] },
  archiveWorkspaceAction: { file: "lib/workspaces/actions.ts", policy: OWNERS, idFields: [] },
  restoreWorkspaceAction: { file: "lib/workspaces/actions.ts", policy: OWNERS, idFields: [] },
  deleteWorkspaceAction: { file: "lib/workspaces/actions.ts", policy: OWNERS, idFields: [] },
};

/** Keyed "METHOD /path/[param]", the path as the folders under app/ spell it. */
export const ROUTE_POLICY: Readonly<Record<string, Policy>> = {
  "GET /api/health": EVERYONE,
  // Liveness and readiness for load balancers and orchestrators.
  "GET /api/health/live": EVERYONE,
  "GET /api/health/ready": EVERYONE,
  // Prometheus metrics: the PARLEY_METRICS_TOKEN bearer token is the credential, not a session.
  "GET /api/metrics": EVERYONE,
  // Auth.js's own endpoints (csrf, session, sign-in callback…) are public by nature.
  "GET /api/auth/[...nextauth]": EVERYONE,
  "POST /api/auth/[...nextauth]": EVERYONE,
  "GET /api/w/[slug]/matrix": READERS,
  "GET /api/w/[slug]/convergence": READERS,
  "GET /api/w/[slug]/evidence": READERS,
  // The search page's results, for scripts.
  "GET /api/w/[slug]/search": READERS,
  // Downloads: the matrix, briefings, quotes, the whole workspace.
  "GET /api/w/[slug]/export": READERS,
  // Server-Sent Events: live activity and presence.
  "GET /api/w/[slug]/events": READERS,
  // Document import (JSON for scripts, multipart for file uploads): the same permission as the import form.
  "POST /api/w/[slug]/documents": WRITERS,
  // The original file a document was imported from.
  "GET /api/w/[slug]/documents/[documentId]/file": READERS,
  // A spreadsheet of stances: its preview and its import, the permission to record stances.
  "POST /api/w/[slug]/stance-imports": WRITERS,
  // A new workspace for scripts: any signed-in user, who becomes its owner.
  "POST /api/workspaces": SIGNED_IN,
  // The caller's own imports and their progress (scoped to the caller, whoever they are).
  "GET /api/imports": SIGNED_IN,
  // The REST API: its document is public; the workspace list is the caller's own; the rest as
  // the app's pages and actions (read: members; write: editors and owners).
  "GET /api/v1/openapi.json": EVERYONE,
  "GET /api/v1/workspaces": SIGNED_IN,
  "GET /api/v1/workspaces/[slug]/structure": READERS,
  "GET /api/v1/workspaces/[slug]/matrix": READERS,
  "GET /api/v1/workspaces/[slug]/statements": READERS,
  "POST /api/v1/workspaces/[slug]/statements": WRITERS,
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/corrections": WRITERS,
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/retraction": WRITERS,
  "GET /api/v1/workspaces/[slug]/documents": READERS,
  "POST /api/v1/workspaces/[slug]/documents": WRITERS,
  "GET /api/v1/workspaces/[slug]/documents/[documentId]": READERS,
  "GET /api/v1/workspaces/[slug]/evidence": READERS,
  "POST /api/v1/workspaces/[slug]/evidence": WRITERS,
  "GET /api/v1/workspaces/[slug]/search": READERS,
  "GET /api/v1/workspaces/[slug]/activity": READERS,
  "GET /api/v1/workspaces/[slug]/export": READERS,
};

/**
 * What a personal access token (`Authorization: Bearer parley_pat_…`, no session cookie) may do on
 * each route method: "read" and "write" routes take a token of at least that scope for one of its
 * workspaces (and the user's role still applies); "session-only" routes refuse any token with
 * 401 session_required; "public" routes do not look at it; "own-list" routes take any live token
 * and list only what it was created for. Server actions never accept tokens.
 * Checked by tests/browser/api-tokens.test.ts.
 */
export type TokenAccess = "public" | "read" | "write" | "session-only" | "own-credential" | "own-list";

export const TOKEN_ROUTE_POLICY: Readonly<Record<string, TokenAccess>> = {
  "GET /api/health": "public",
  "GET /api/health/live": "public",
  "GET /api/health/ready": "public",
  // Metrics take their own bearer token (PARLEY_METRICS_TOKEN), never a personal access token.
  "GET /api/metrics": "own-credential",
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  "GET /api/w/[slug]/matrix": "read",
  "GET /api/w/[slug]/evidence": "read",
  "GET /api/w/[slug]/search": "read",
  "GET /api/w/[slug]/convergence": "read",
  "GET /api/w/[slug]/export": "read",
  "GET /api/w/[slug]/documents/[documentId]/file": "read",
  "POST /api/w/[slug]/documents": "write",
  "POST /api/w/[slug]/stance-imports": "write",
  // A live stream re-checks its session at every heartbeat: scripts poll the JSON routes instead.
  "GET /api/w/[slug]/events": "session-only",
  // Tokens are scoped to existing workspaces: creating one, and the account's own imports, need a session.
  "POST /api/workspaces": "session-only",
  "GET /api/imports": "session-only",
  "GET /api/v1/openapi.json": "public",
  "GET /api/v1/workspaces": "own-list",
  "GET /api/v1/workspaces/[slug]/structure": "read",
  "GET /api/v1/workspaces/[slug]/matrix": "read",
  "GET /api/v1/workspaces/[slug]/statements": "read",
  "POST /api/v1/workspaces/[slug]/statements": "write",
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/corrections": "write",
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/retraction": "write",
  "GET /api/v1/workspaces/[slug]/documents": "read",
  "POST /api/v1/workspaces/[slug]/documents": "write",
  "GET /api/v1/workspaces/[slug]/documents/[documentId]": "read",
  "GET /api/v1/workspaces/[slug]/evidence": "read",
  "POST /api/v1/workspaces/[slug]/evidence": "write",
  "GET /api/v1/workspaces/[slug]/search": "read",
  "GET /api/v1/workspaces/[slug]/activity": "read",
  "GET /api/v1/workspaces/[slug]/export": "read",
};
