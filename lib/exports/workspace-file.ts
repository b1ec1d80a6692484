import { z } from "zod";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import { EventKindSchema } from "@/lib/events/schema";
import { EvidenceKindSchema } from "@/lib/evidence/schema";
import { ISSUE_LINK_KINDS } from "@/lib/issue-links/schema";
import { CalendarDateSchema, EARLIEST_DATE, PartialDateSchema } from "@/lib/matrix/dates";
import {
  CONDITION_MIN_POSITIONS,
  CONDITION_TEXT_MAX,
  CONFIDENCE_RATIONALE_MAX,
  ConfidenceSchema,
  PositionSchema,
  RelationSchema,
} from "@/lib/matrix/schema";
import { text } from "@/lib/platform/validation";
import { NEGOTIATION_PROPOSAL_KINDS } from "@/lib/proposals/schema";

// The whole-workspace export (format "parley.workspace"). Ids are the exporting instance's and
// serve only to connect the records inside the file; an import gives every record a new id.
// Nothing here trims or rewrites a value: an import must store exactly what was exported. The
// limits mirror the database's CHECK constraints so a bad file fails with a message, not a 500.
// Users are instance-local, so authorship travels as a {name, email} snapshot.

export const WORKSPACE_EXPORT_FORMAT = "parley.workspace";
export const WORKSPACE_EXPORT_VERSION = 1;

const Id = z.uuid({ error: "Not an id." });
const Timestamp = z.iso.datetime({ offset: true, error: "Not an ISO 8601 timestamp." });
// Lengths in code points, as the database's char_length counts them (an emoji is one).
const Text = (max: number) => text({ max, multiline: true, trim: false });
const NonEmptyText = (max: number) => z.string().min(1, "Must not be empty.").pipe(Text(max));

const ActorObject = z.object({ name: Text(200), email: Text(320) });
export const ActorSchema = ActorObject.nullable();

const PositionLabelsSchema = z.partialRecord(PositionSchema, NonEmptyText(60));

const PartySchema = z.object({
  id: Id,
  name: NonEmptyText(120),
  shortName: NonEmptyText(24),
  colour: z.string().regex(/^#[0-9a-f]{6}$/, "Use a colour written as #rrggbb in lowercase."),
  sortOrder: z.number().int(),
  archivedAt: Timestamp.nullable(),
});

const IssueSchema = z.object({
  id: Id,
  title: NonEmptyText(200),
  description: Text(5000),
  sortOrder: z.number().int(),
  archivedAt: Timestamp.nullable(),
});

const PersonSchema = z.object({
  id: Id,
  name: NonEmptyText(200),
  aliases: z.array(Text(1000)).max(1000),
  role: Text(300),
  partyId: Id.nullable(),
  organisation: Text(200),
});

const RevisionSchema = z.object({
  id: Id,
  number: z.number().int().min(1),
  text: NonEmptyText(MAX_DOCUMENT_BYTES),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, "Not a SHA-256 hash."),
  note: Text(5000),
  createdAt: Timestamp,
  createdBy: ActorSchema,
});

const DocumentSchema = z.object({
  id: Id,
  title: NonEmptyText(500),
  outlet: Text(200),
  // Shown as a link: only http(s) addresses, or none.
  url: Text(2048).refine((url) => url === "" || /^https?:\/\//i.test(url), "Use an http(s) address, or none."),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Not a language code."),
  publishedOn: PartialDateSchema.nullable(),
  // Absent from files written before translations: an original.
  translationOfId: Id.nullable().default(null),
  importedAt: Timestamp,
  importedBy: ActorSchema,
  revisions: z.array(RevisionSchema).min(1, "A document needs at least one revision."),
});

const AnchorStatusSchema = z.enum(["ANCHORED", "MOVED", "CHANGED", "ORPHANED"]);

const EvidenceAnchorSchema = z.object({
  revisionId: Id,
  status: AnchorStatusSchema,
  score: z.number().min(0).max(1),
  startOffset: z.number().int().min(0).nullable(),
  endOffset: z.number().int().min(1).nullable(),
  exact: Text(10000).nullable(),
  createdAt: Timestamp,
  reviewedAt: Timestamp.nullable(),
  reviewedBy: ActorSchema,
});

const EvidenceSchema = z.object({
  id: Id,
  documentId: Id,
  revisionId: Id,
  startOffset: z.number().int().min(0),
  endOffset: z.number().int().min(1),
  exact: NonEmptyText(10000),
  prefix: Text(32),
  suffix: Text(32),
  speakerId: Id.nullable(),
  saidOn: CalendarDateSchema,
  kind: EvidenceKindSchema,
  note: Text(5000),
  createdAt: Timestamp,
  createdBy: ActorSchema,
  // The original's quote this one translates; absent from files written before quote pairs.
  translationOfId: Id.nullable().default(null),
  anchors: z.array(EvidenceAnchorSchema),
});

const AmendmentSchema = z.object({
  kind: z.enum(["CORRECTED", "RETRACTED"]),
  replacementId: Id.nullable(),
  reason: NonEmptyText(1000),
  amendedAt: Timestamp,
  amendedBy: ActorSchema,
});

const StatementSchema = z.object({
  id: Id,
  partyId: Id,
  issueId: Id,
  position: PositionSchema,
  summary: NonEmptyText(600),
  statedOn: CalendarDateSchema.refine((d) => d >= EARLIEST_DATE, "Dates before 1900 are not accepted."),
  recordedAt: Timestamp,
  recordedBy: ActorSchema,
  // Absent from files written before statements carried a confidence: medium, no rationale.
  confidence: ConfidenceSchema.default("MEDIUM"),
  confidenceRationale: NonEmptyText(CONFIDENCE_RATIONALE_MAX).nullable().default(null),
  // Absent from files written before red lines and conditions: neither.
  redLine: z.boolean().default(false),
  conditionText: NonEmptyText(CONDITION_TEXT_MAX).nullable().default(null),
  conditionCell: z
    .object({ issueId: Id, partyId: Id, minPosition: z.enum(CONDITION_MIN_POSITIONS) })
    .nullable()
    .default(null),
  evidence: z.array(z.object({ evidenceId: Id, relation: RelationSchema })),
  amendment: AmendmentSchema.nullable(),
});

// A proposed edit of a cell and, once decided, the decision: rejected readings stay in the file.
const ProposalSchema = z.object({
  id: Id,
  issueId: Id,
  partyId: Id,
  kind: z.enum(["RECORD", "CORRECT", "RETRACT"]),
  baseVersion: z.number().int().min(0),
  targetStatementId: Id.nullable(),
  position: PositionSchema.nullable(),
  summary: NonEmptyText(600).nullable(),
  statedOn: CalendarDateSchema.nullable(),
  confidence: ConfidenceSchema.nullable(),
  confidenceRationale: NonEmptyText(CONFIDENCE_RATIONALE_MAX).nullable(),
  evidence: z.array(z.object({ evidenceId: Id, relation: RelationSchema })),
  reason: NonEmptyText(1000).nullable(),
  // Absent from files written before proposals carried them; only what the proposal names.
  qualities: z
    .object({
      redLine: z.boolean().optional(),
      conditionText: Text(CONDITION_TEXT_MAX).optional(),
      conditionCell: z
        .object({ issueId: Id, partyId: Id, minPosition: z.enum(CONDITION_MIN_POSITIONS) })
        .nullable()
        .optional(),
    })
    .nullable()
    .default(null),
  rationale: Text(2000),
  status: z.enum(["OPEN", "ACCEPTED", "REJECTED"]),
  proposedAt: Timestamp,
  proposedBy: ActorSchema,
  decidedAt: Timestamp.nullable(),
  decidedBy: ActorSchema,
  decisionRationale: NonEmptyText(2000).nullable(),
  statementId: Id.nullable(),
});

const CellSchema = z.object({ issueId: Id, partyId: Id, version: z.number().int().min(0), updatedAt: Timestamp });

const CommentSchema = z.object({
  id: Id,
  evidenceId: Id.nullable(),
  statementId: Id.nullable(),
  // Absent from files written before comments on proposals: none.
  proposalId: Id.nullable().default(null),
  parentId: Id.nullable(),
  author: ActorObject,
  body: Text(10000),
  createdAt: Timestamp,
  editedAt: Timestamp.nullable(),
  deletedAt: Timestamp.nullable(),
  resolvedAt: Timestamp.nullable(),
  resolvedBy: ActorSchema,
});

const DismissalSchema = z.object({
  revisionId: Id,
  startOffset: z.number().int().min(0),
  endOffset: z.number().int().min(1),
  dismissedAt: Timestamp,
  dismissedBy: ActorSchema,
});

const EventSchema = z.object({
  id: Id,
  kind: EventKindSchema,
  title: NonEmptyText(200),
  description: Text(5000),
  occurredOn: CalendarDateSchema.refine((d) => d >= EARLIEST_DATE, "Dates before 1900 are not accepted."),
  createdAt: Timestamp,
  createdBy: ActorSchema,
  partyIds: z.array(Id),
  documentIds: z.array(Id),
});

const ProvisionSchema = z.object({
  id: Id,
  evidenceId: Id,
  label: NonEmptyText(120),
  issueIds: z.array(Id),
  answersProvisionIds: z.array(Id),
});

// A party's proposal in the negotiation (not a review-mode proposal: those are `proposals`).
const NegotiationProposalSchema = z.object({
  id: Id,
  partyId: Id,
  kind: z.enum(NEGOTIATION_PROPOSAL_KINDS),
  title: NonEmptyText(200),
  proposedOn: CalendarDateSchema.refine((d) => d >= EARLIEST_DATE, "Dates before 1900 are not accepted."),
  documentId: Id.nullable(),
  documentPart: Text(200),
  answersId: Id.nullable(),
  createdAt: Timestamp,
  provisions: z.array(ProvisionSchema),
});

const IssueLinkSchema = z.object({
  id: Id,
  kind: z.enum(ISSUE_LINK_KINDS),
  firstIssueId: Id,
  secondIssueId: Id,
  note: Text(1000),
  partyId: Id.nullable(),
  holdsFrom: CalendarDateSchema.refine((d) => d >= EARLIEST_DATE, "Dates before 1900 are not accepted.").nullable(),
  createdAt: Timestamp,
});

// A blind coding round: its quotes in order, its coders (users are instance-local, so each is a
// {name, email} snapshot, and a code names its coder by place in that list) and every code given. The agreement figures are
// not stored: they are computed from the codes, here as in the app.
const CodingRoundSchema = z.object({
  id: Id,
  title: NonEmptyText(200),
  status: z.enum(["OPEN", "CLOSED"]),
  createdAt: Timestamp,
  closedAt: Timestamp.nullable(),
  createdBy: ActorSchema,
  units: z.array(Id),
  coders: z.array(ActorObject),
  codes: z.array(
    z.object({
      evidenceId: Id,
      coder: z.number().int().min(0),
      partyId: Id,
      issueId: Id,
      position: PositionSchema,
      codedAt: Timestamp,
    }),
  ),
});

export const WorkspaceExportSchema = z.object({
  format: z.literal(WORKSPACE_EXPORT_FORMAT, { error: "This is not a Parley workspace export." }),
  version: z.literal(WORKSPACE_EXPORT_VERSION, {
    error: `This Parley reads workspace exports of version ${WORKSPACE_EXPORT_VERSION}.`,
  }),
  exportedAt: Timestamp,
  workspace: z.object({
    slug: z.string(),
    title: NonEmptyText(200),
    description: Text(5000),
    positionLabels: PositionLabelsSchema,
    createdAt: Timestamp,
    // Absent from files written before review mode: off.
    reviewMode: z.boolean().default(false),
  }),
  parties: z.array(PartySchema),
  issues: z.array(IssueSchema),
  people: z.array(PersonSchema),
  documents: z.array(DocumentSchema),
  evidence: z.array(EvidenceSchema),
  statements: z.array(StatementSchema),
  cells: z.array(CellSchema),
  /** Absent from files written before comments existed, or left out on purpose. */
  comments: z.array(CommentSchema).optional(),
  dismissedSuggestions: z.array(DismissalSchema).optional(),
  /** Absent from files written before review mode. */
  proposals: z.array(ProposalSchema).optional(),
  /** Absent from files written before events existed. */
  events: z.array(EventSchema).optional(),
  /** Absent from files written before negotiation proposals existed. */
  negotiationProposals: z.array(NegotiationProposalSchema).optional(),
  /** Absent from files written before linked issues existed. */
  issueLinks: z.array(IssueLinkSchema).optional(),
  /** Absent from files written before coding rounds. */
  codingRounds: z.array(CodingRoundSchema).optional(),
});

export type WorkspaceExport = z.infer<typeof WorkspaceExportSchema>;
export type ExportActor = z.infer<typeof ActorSchema>;
