// The shape of a workspace described as data (the demo workspace, and test fixtures built
// the same way). Keys are local names used only to connect the pieces to each other.

import type {
  EvidenceKind,
  EvidenceRelation,
  IssueLinkKind,
  NegotiationEventKind,
  NegotiationProposalKind,
  Position,
} from "@/lib/generated/prisma/enums";

export type WorkspaceFixture = {
  slug: string;
  title: string;
  description: string;
  parties: { key: string; name: string; shortName: string; colour: `#${string}` }[];
  issues: { key: string; title: string; description: string }[];
  people: {
    key: string;
    name: string;
    aliases: string[];
    role: string;
    /** key of the party the person speaks for; omit for outside experts */
    party?: string;
    organisation?: string;
  }[];
  documents: {
    key: string;
    /** file name under prisma/demo/corpus/ */
    file: string;
    title: string;
    outlet: string;
    url: string;
    language: string;
    /** "YYYY", "YYYY-MM" or "YYYY-MM-DD", or null when the source prints no date */
    publishedOn: string | null;
  }[];
  evidence: {
    key: string;
    document: string;
    /** the words exactly as they stand in the document's text; the loader fails if not found */
    exact: string;
    /** which occurrence, when the same words appear more than once (0-based, default 0) */
    occurrence?: number;
    speaker?: string;
    /** "YYYY-MM-DD": when the words were said */
    saidOn: string;
    kind: EvidenceKind;
    note?: string;
  }[];
  statements: {
    party: string;
    issue: string;
    position: Position;
    summary: string;
    /** "YYYY-MM-DD": when the party stated it */
    statedOn: string;
    evidence: { key: string; relation: EvidenceRelation }[];
    /** stated as non-negotiable */
    redLine?: boolean;
    /** a conditional offer: its condition in words and/or the cell (keys) that must stand at `minPosition` or better */
    condition?: {
      text?: string;
      cell?: { issue: string; party: string; minPosition: "REJECTS" | "OPPOSES" | "OPEN" | "SUPPORTS" | "DEMANDS" };
    };
  }[];
  /** Rounds, meetings, deadlines and leaks; absent from fixtures that have none. */
  events?: {
    kind: NegotiationEventKind;
    title: string;
    description?: string;
    /** "YYYY-MM-DD" */
    occurredOn: string;
    /** keys of the parties taking part */
    parties: string[];
    /** keys of the documents about it */
    documents: string[];
  }[];
  /**
   * The parties' proposals (draft treaties, written responses…), each quoting its provisions from
   * its document; absent from fixtures that have none.
   */
  proposals?: {
    key: string;
    party: string;
    kind: NegotiationProposalKind;
    title: string;
    /** "YYYY-MM-DD" */
    proposedOn: string;
    document: string;
    /** which part of the document holds or reports the proposal */
    documentPart?: string;
    /** key of the proposal this one answers */
    answers?: string;
    provisions: {
      key: string;
      label: string;
      /** key of the quote of the proposal's document that is the provision's text */
      quote: string;
      issues: string[];
      /** keys of the provisions (of the proposal this one answers) that this one answers */
      answers?: string[];
    }[];
  }[];
  /** Linked issues (package deals, sequencing); absent from fixtures that have none. */
  issueLinks?: {
    kind: IssueLinkKind;
    /** key of the issue; for SEQUENCING, the one to be settled first */
    first: string;
    second: string;
    note?: string;
    /** key of the party insisting on the link */
    party?: string;
    /** "YYYY-MM-DD": from when the link holds */
    holdsFrom?: string;
  }[];
};
