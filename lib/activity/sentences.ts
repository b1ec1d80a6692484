// The activity log in sentences: "Ana corrected Russia on Offensive weapons: Demands → Opposes",
// with the names the log's ids stand for and a link to what changed. Pure, so the page, the inbox
// and the exports can say the same thing the same way.

import type { PositionLabels } from "@/lib/matrix/positions";

export type ActivityNames = {
  issues: ReadonlyMap<string, string>;
  parties: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, string>;
  documents: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
  /** The cell of each statement an event names. */
  statements: ReadonlyMap<string, { issueId: string; partyId: string }>;
  positions: PositionLabels;
};

export type ActivityEventView = {
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  actor: string | null;
};

export type ActivitySentence = {
  /** Who did it, as the sentence's subject. */
  actor: string;
  /** The rest of the sentence. */
  text: string;
  /** What changed, in words, when there is more to say (a summary, a reason, a note). */
  detail: string | null;
  href: string | null;
};

type Fields = Record<string, unknown>;

const fields = (value: unknown): Fields =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);
const quoted = (value: string) => `“${value.length > 160 ? `${[...value].slice(0, 160).join("").trimEnd()}…` : value}”`;

const ROLES: Record<string, string> = {
  OWNER: "owner",
  REVIEWER: "reviewer",
  EDITOR: "editor",
  COMMENTER: "commenter",
  VIEWER: "viewer",
};
const STRUCTURE: Record<string, string> = { issue: "issue", party: "party" };

/** The sentence without its subject. */
type Said = Omit<ActivitySentence, "actor">;

type Context = {
  slug: string;
  event: ActivityEventView;
  names: ActivityNames;
  kind: string;
  verb: string;
  before: Fields;
  after: Fields;
  /** A position's label in this workspace. */
  position: (value: unknown) => string;
};

const said = (text: string, detail: string | null = null, href: string | null = null): Said => ({ text, detail, href });

const cellHref = (slug: string, cell: { issueId: string; partyId: string }) =>
  cell.issueId && cell.partyId ? `/w/${slug}/cells/${cell.issueId}/${cell.partyId}` : null;

function stanceSentence({ slug, event, names, verb, before, after, position }: Context): Said | null {
  const cell = names.statements.get(event.subjectId) ?? {
    issueId: String(after.issueId ?? ""),
    partyId: String(after.partyId ?? ""),
  };
  const where = `${names.parties.get(cell.partyId) ?? "a party"} on ${names.issues.get(cell.issueId) ?? "an issue"}`;
  const href = cellHref(slug, cell);
  if (verb === "recorded") {
    const source = text(after.source);
    const quote = text(after.quote);
    const provenance = [quote ? quoted(quote) : null, source].filter(Boolean).join(" — ");
    const detail = [text(after.summary), provenance ? `Source: ${provenance}` : null].filter(Boolean).join(" ");
    return said(`recorded ${where}: ${position(after.position)}`, detail || null, href);
  }
  if (verb === "corrected") {
    const wording = text(before.summary) !== text(after.summary) ? text(after.summary) : null;
    const reason = text(after.reason);
    return said(
      `corrected ${where}: ${position(before.position)} → ${position(after.position)}${reason ? `, ${quoted(reason)}` : ""}`,
      wording,
      href,
    );
  }
  if (verb === "retracted") {
    const reason = text(after.reason);
    return said(
      `retracted ${where} (${position(before.position)})${reason ? `, ${quoted(reason)}` : ""}`,
      text(before.summary),
      href,
    );
  }
  return null;
}

/** A review-mode proposal to change a cell (not a party's proposal in the negotiation). */
function reviewProposalSentence({ slug, names, verb, after, position }: Context): Said | null {
  const cell = { issueId: String(after.issueId ?? ""), partyId: String(after.partyId ?? "") };
  const where = cell.issueId
    ? ` on ${names.parties.get(cell.partyId) ?? "a party"} on ${names.issues.get(cell.issueId) ?? "an issue"}`
    : "";
  const href = cellHref(slug, cell);
  const rationale = text(after.rationale);
  if (verb === "opened")
    return said(
      `proposed${after.position ? ` ${position(after.position)}` : " a change"}${where} for review`,
      [text(after.summary), rationale ? `Rationale: ${rationale}` : null].filter(Boolean).join(" ") || null,
      href,
    );
  if (verb === "accepted" || verb === "rejected")
    return said(`${verb} a proposal${where}`, rationale ? `Rationale: ${rationale}` : null, href);
  if (verb === "rebased") return said("rebased a proposal on the cell's current statement");
  if (verb === "own_reading")
    return said(
      `recorded their own reading${where} in place of the proposed ones`,
      rationale ? `Rationale: ${rationale}` : null,
      href,
    );
  return null;
}

function workspaceSentence({ verb, after }: Context): Said | null {
  if (verb !== "review_mode") return null;
  return said(after.reviewMode ? "turned review mode on" : "turned review mode off");
}

function stanceImportSentence({ slug, verb, after }: Context): Said | null {
  if (verb !== "imported") return null;
  const count = typeof after.created === "number" ? after.created : 0;
  const file = text(after.fileName);
  return said(
    `imported ${count} ${count === 1 ? "stance" : "stances"}${file ? ` from ${quoted(file)}` : ""}`,
    typeof after.refused === "number" && after.refused > 0
      ? `${after.refused} ${after.refused === 1 ? "row was" : "rows were"} refused.`
      : null,
    `/w/${slug}`,
  );
}

function evidenceSentence({ slug, event, names, verb, before, after }: Context): Said | null {
  const href = `/w/${slug}/evidence/${event.subjectId}`;
  if (verb === "created") {
    const speaker = names.people.get(String(after.speakerId ?? ""));
    const document = names.documents.get(String(after.documentId ?? "")) ?? "a document";
    return said(
      `saved a quote${speaker ? ` of ${speaker}` : ""} from ${document}`,
      text(after.exact) ? quoted(String(after.exact)) : null,
      href,
    );
  }
  if (verb === "linked") {
    const where = `${names.parties.get(String(after.partyId ?? "")) ?? "a party"} on ${names.issues.get(String(after.issueId ?? "")) ?? "an issue"}`;
    return said(`linked a quote to the stance of ${where}`, null, href);
  }
  if (verb === "paired" || verb === "unpaired") {
    const document = names.documents.get(String(after.documentId ?? before.documentId ?? "")) ?? "a translation";
    return said(
      `${verb === "paired" ? "paired a quote with its translation in" : "unpaired a quote from its translation in"} ${document}`,
      text(after.exact) ? quoted(String(after.exact)) : null,
      href,
    );
  }
  return null;
}

function codingRoundSentence({ slug, event, verb, after }: Context): Said | null {
  const title = quoted(text(after.title) ?? "a coding round");
  const href = `/w/${slug}/review/rounds/${event.subjectId}`;
  if (verb === "started") {
    const units = typeof after.units === "number" ? after.units : 0;
    const coders = typeof after.coders === "number" ? after.coders : 0;
    return said(
      `started the coding round ${title}: ${units} ${units === 1 ? "quote" : "quotes"}, ${coders} ${coders === 1 ? "coder" : "coders"}`,
      null,
      href,
    );
  }
  if (verb === "closed")
    return said(
      after.complete ? `coded the last quote of ${title}, which closed the round` : `closed the coding round ${title}`,
      null,
      href,
    );
  return null;
}

function negotiationEventSentence({ slug, verb, before, after }: Context): Said | null {
  const title = text(after.title) ?? text(before.title) ?? "an event";
  const on = text(after.occurredOn) ?? text(before.occurredOn);
  const what = `${quoted(title)}${on ? ` (${on})` : ""}`;
  const href = `/w/${slug}/events`;
  if (verb === "created") return said(`added the event ${what}`, text(after.description), href);
  if (verb === "updated") return said(`changed the event ${what}`, null, href);
  if (verb === "deleted") return said(`deleted the event ${what}`, null, href);
  return null;
}

/** A party's proposal in the negotiation (not a review-mode proposal). */
function negotiationProposalSentence({ slug, event, verb, before, after }: Context): Said | null {
  const title = text(after.title) ?? text(before.title) ?? "a proposal";
  const on = text(after.proposedOn) ?? text(before.proposedOn);
  const what = `${quoted(title)}${on ? ` (${on})` : ""}`;
  const href = verb === "deleted" ? `/w/${slug}/proposals` : `/w/${slug}/proposals/${event.subjectId}`;
  if (verb === "created") return said(`recorded the proposal ${what}`, null, href);
  if (verb === "updated") return said(`changed the proposal ${what}`, null, href);
  if (verb === "deleted") return said(`deleted the proposal ${what}`, null, href);
  return null;
}

/** A provision of a party's proposal in the negotiation. */
function provisionSentence({ slug, verb, before, after }: Context): Said | null {
  const label = text(after.label) ?? text(before.label) ?? "a provision";
  const proposalTitle = text(after.proposalTitle) ?? text(before.proposalTitle);
  const of = proposalTitle ? ` of ${quoted(proposalTitle)}` : "";
  const proposalId = text(after.proposalId) ?? text(before.proposalId);
  const href = proposalId ? `/w/${slug}/proposals/${proposalId}` : null;
  const exact = text(after.exact);
  if (verb === "added") return said(`added the provision ${label}${of}`, exact ? quoted(exact) : null, href);
  if (verb === "updated") return said(`changed the provision ${label}${of}`, null, href);
  if (verb === "removed") return said(`removed the provision ${label}${of}`, null, href);
  return null;
}

function issueLinkSentence({ slug, names, verb, before, after }: Context): Said | null {
  if (verb !== "created" && verb !== "deleted") return null;
  const link = verb === "created" ? after : before;
  const issue = (id: unknown) => quoted(names.issues.get(String(id)) ?? "an issue");
  const party = typeof link.partyId === "string" ? names.parties.get(link.partyId) : undefined;
  const linked =
    link.kind === "SEQUENCING"
      ? `${issue(link.firstIssueId)} before ${issue(link.secondIssueId)}`
      : `${issue(link.firstIssueId)} and ${issue(link.secondIssueId)}${link.kind === "PACKAGE" ? " as a package deal" : ""}`;
  const whose = `${party ? `, insisted on by ${party}` : ""}${text(link.holdsFrom) ? ` from ${text(link.holdsFrom)}` : ""}`;
  return said(
    `${verb === "created" ? "linked" : "unlinked"} ${linked}${whose}`,
    verb === "created" ? text(link.note) : null,
    `/w/${slug}/settings#issue-links`,
  );
}

function documentSentence({ slug, event, names, verb, after }: Context): Said | null {
  const title = names.documents.get(event.subjectId) ?? text(after.title) ?? "a document";
  const href = `/w/${slug}/documents/${event.subjectId}`;
  if (verb === "imported") return said(`imported ${quoted(title)}`, null, href);
  if (verb === "language_set") {
    const original = after.translationOfId ? names.documents.get(String(after.translationOfId)) : null;
    return said(
      `set ${quoted(title)} to language ${String(after.language ?? "?")}${after.translationOfId ? `, a translation of ${original ? quoted(original) : "another document"}` : ""}`,
      null,
      href,
    );
  }
  if (verb === "corrected")
    return said(
      `corrected the text of ${quoted(title)} (revision ${String(after.revision ?? "?")})`,
      text(after.note),
      href,
    );
  return null;
}

function commentSentence({ slug, event, names, verb, before, after }: Context): Said | null {
  const on = text(after.statementId) ?? text(before.statementId);
  const place = text(after.evidenceId) ?? text(before.evidenceId);
  const href = place
    ? `/w/${slug}/evidence/${place}#comment-${event.subjectId}`
    : on && names.statements.get(on)
      ? `/w/${slug}/cells/${names.statements.get(on)?.issueId}/${names.statements.get(on)?.partyId}#comment-${event.subjectId}`
      : null;
  const target = place ? "a quote" : on ? "a stance" : "a thread";
  const verbs: Record<string, string> = {
    created: `commented on ${target}`,
    edited: `edited a comment on ${target}`,
    deleted: `deleted a comment on ${target}`,
    resolved: `resolved a thread on ${target}`,
    reopened: `reopened a thread on ${target}`,
  };
  return verbs[verb] ? said(verbs[verb], null, href) : null;
}

function personSentence({ slug, event, names, verb, after }: Context): Said | null {
  const name = names.people.get(event.subjectId) ?? text(after.name) ?? "a person";
  if (verb === "created") return said(`added ${name} to the people`, null, `/w/${slug}/people`);
  if (verb === "updated") return said(`updated ${name}`, null, `/w/${slug}/people`);
  if (verb === "merged") return said(`merged two entries into ${name}`, null, `/w/${slug}/people`);
  return null;
}

function memberSentence({ slug, event, names, verb, before, after }: Context): Said | null {
  const who = names.users.get(event.subjectId) ?? "a member";
  if (verb === "role_changed")
    return said(
      `changed ${who}'s role: ${ROLES[String(before.role)] ?? "?"} → ${ROLES[String(after.role)] ?? "?"}`,
      null,
      `/w/${slug}/members`,
    );
  if (verb === "removed") return said(`removed ${who}`, null, `/w/${slug}/members`);
  return null;
}

/** An issue or a party: the matrix's rows and columns. */
function structureSentence({ slug, event, names, kind, verb, before, after }: Context): Said | null {
  const structure = STRUCTURE[kind];
  if (!structure) return null;
  const name =
    (kind === "issue" ? names.issues : names.parties).get(event.subjectId) ??
    text(after.title) ??
    text(after.name) ??
    `a ${structure}`;
  if (verb === "created") return said(`added the ${structure} ${quoted(name)}`, null, `/w/${slug}/settings`);
  if (verb === "renamed") {
    const from = text(before.title) ?? text(before.name);
    return said(`renamed the ${structure} ${from ? `${quoted(from)} to ` : ""}${quoted(name)}`, null, null);
  }
  if (verb === "archived" || verb === "unarchived") return said(`${verb} the ${structure} ${quoted(name)}`);
  if (verb === "reordered") return said(`reordered the ${structure === "party" ? "parties" : "issues"}`);
  return null;
}

/** The sentence builders by the first word of an action ("stance.corrected" → stance). */
const SENTENCES: Record<string, (context: Context) => Said | null> = {
  stance: stanceSentence,
  proposal: reviewProposalSentence,
  workspace: workspaceSentence,
  stances: stanceImportSentence,
  evidence: evidenceSentence,
  coding: codingRoundSentence,
  event: negotiationEventSentence,
  negotiation_proposal: negotiationProposalSentence,
  provision: provisionSentence,
  issue_link: issueLinkSentence,
  document: documentSentence,
  comment: commentSentence,
  person: personSentence,
  member: memberSentence,
  issue: structureSentence,
  party: structureSentence,
};

/** One event of the log as a sentence. Unknown actions still read as words, never as JSON. */
export function activitySentence(slug: string, event: ActivityEventView, names: ActivityNames): ActivitySentence {
  const [kind = "", verb = ""] = event.action.split(".");
  const position = (value: unknown) =>
    typeof value === "string" && value in names.positions
      ? names.positions[value as keyof PositionLabels]
      : "no position";
  const context = {
    slug,
    event,
    names,
    kind,
    verb,
    before: fields(event.before),
    after: fields(event.after),
    position,
  };
  const build = Object.hasOwn(SENTENCES, kind) ? SENTENCES[kind] : undefined;
  // Anything else: its words, in order ("share_link.created" → "created a share link").
  const sentence =
    build?.(context) ??
    said(`${verb.replace(/_/g, " ")} ${kind ? `a ${kind.replace(/_/g, " ")}` : event.subjectType}`.trim());
  return { actor: event.actor ?? "Parley", text: sentence.text, detail: sentence.detail, href: sentence.href };
}
