import { z } from "zod";
import {
  CreateEvidenceAtOffsetsSchema,
  CreateEvidenceFromQuoteSchema,
  EvidenceKindSchema,
} from "@/lib/evidence/schema";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import {
  ConfidenceSchema,
  CorrectStatementSchema,
  MatrixViewSchema,
  PositionSchema,
  RecordStatementSchema,
  RelationSchema,
  RetractStatementSchema,
} from "@/lib/matrix/schema";

// The shapes /api/v1/ answers with. Inputs are the app's own schemas (lib/*/schema.ts), less the
// fields the address already gives; outputs describe what the lib/ reads and mutations return,
// and every answer is parsed through its schema before it leaves, so the document cannot drift.

const ROLES = ["OWNER", "REVIEWER", "EDITOR", "COMMENTER", "VIEWER"] as const;
const Timestamp = z.iso.datetime();
const Uuid = z.uuid();

export const ProblemSchema = z
  .looseObject({
    type: z.string().meta({ description: "A URI reference to this problem's description." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    error: z.string().meta({ description: "A stable code for scripts: not_found, conflict, rate_limited…" }),
    message: z.string().meta({ description: "The same as detail, as the older JSON routes name it." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export const AmendmentSchema = z
  .object({
    kind: z.enum(["CORRECTED", "RETRACTED"]),
    reason: z.string(),
    replacementId: Uuid.nullable(),
    by: z.string().nullable(),
    at: Timestamp,
  })
  .meta({ id: "Amendment" });

export const CellStateSchema = z
  .object({
    version: z.number().int(),
    latest: z
      .object({
        id: Uuid,
        position: PositionSchema,
        summary: z.string(),
        statedOn: CalendarDateSchema,
        recordedBy: z.string().nullable(),
      })
      .nullable(),
    lastEdit: z
      .object({
        kind: z.enum(["recorded", "corrected", "retracted"]),
        statementId: Uuid,
        replacementId: Uuid.nullable(),
        by: z.string().nullable(),
        at: Timestamp,
      })
      .nullable(),
    target: z.object({ statementId: Uuid, amendment: AmendmentSchema.nullable() }).optional(),
  })
  .meta({ id: "CellState", description: "The cell as the edit that won left it: retry from `version`." });

export const ConflictProblemSchema = ProblemSchema.extend({ current: CellStateSchema }).meta({
  id: "ConflictProblem",
});
export const AlreadyAmendedProblemSchema = ProblemSchema.extend({ amendment: AmendmentSchema }).meta({
  id: "AlreadyAmendedProblem",
});
export const DuplicateProblemSchema = ProblemSchema.extend({
  details: z.object({ documentId: Uuid }),
}).meta({ id: "DuplicateProblem" });

export const WorkspaceListSchema = z.object({
  workspaces: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      description: z.string(),
      role: z.enum(ROLES),
      archived: z.boolean(),
    }),
  ),
});

export const StructureSchema = z.object({
  issues: z.array(z.object({ id: Uuid, title: z.string(), description: z.string(), archivedAt: Timestamp.nullable() })),
  parties: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      shortName: z.string(),
      colour: z.string(),
      archivedAt: Timestamp.nullable(),
    }),
  ),
  positionLabels: z.record(PositionSchema, z.string()),
});

export const MatrixQuerySchema = z.object({
  asOf: CalendarDateSchema.optional().meta({ description: "The day to show the matrix as of (default: today)." }),
  since: CalendarDateSchema.optional().meta({
    description: "Also list the cells whose shown statement changed between this day and `asOf`.",
  }),
});

export const CellChangeSchema = z.object({
  issueId: Uuid,
  partyId: Uuid,
  before: z.object({ id: Uuid, position: z.string() }).nullable(),
  after: z.object({ id: Uuid, position: z.string() }).nullable(),
});

export const MatrixResponseSchema = MatrixViewSchema.extend({
  since: CalendarDateSchema.optional(),
  changes: z.array(CellChangeSchema).optional(),
});

export const StatementSchema = z.object({
  id: Uuid,
  issueId: Uuid,
  partyId: Uuid,
  position: PositionSchema,
  summary: z.string(),
  statedOn: CalendarDateSchema,
  confidence: ConfidenceSchema,
  confidenceRationale: z.string().nullable(),
  redLine: z.boolean().meta({ description: "Stated as non-negotiable." }),
  conditional: z.boolean().meta({ description: "A conditional offer: it has a condition in words and/or a cell." }),
  conditionText: z.string().nullable().meta({ description: "The condition in words." }),
  conditionIssueId: Uuid.nullable().meta({ description: "The issue of the cell the condition names." }),
  conditionPartyId: Uuid.nullable().meta({ description: "The party of the cell the condition names." }),
  conditionMinPosition: PositionSchema.nullable().meta({
    description: "The condition is met while that cell stands at this position or better (Rejects … Demands).",
  }),
  recordedAt: Timestamp,
  recordedBy: z.string().nullable(),
  links: z.array(z.object({ evidenceId: Uuid, relation: RelationSchema })),
  amendment: AmendmentSchema.nullable(),
});

export const StatementListSchema = z.object({
  statements: z.array(StatementSchema),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
});

export const RecordStatementBodySchema = RecordStatementSchema.omit({ workspaceSlug: true });
export const CorrectStatementBodySchema = CorrectStatementSchema.omit({ workspaceSlug: true, statementId: true });
export const RetractStatementBodySchema = RetractStatementSchema.omit({ workspaceSlug: true, statementId: true });

export const EditedSchema = z.object({
  statementId: Uuid.nullable().meta({ description: "The new statement (null for a retraction)." }),
  version: z.number().int().meta({ description: "The cell's version now: the baseVersion of the next edit." }),
});

export const DocumentListSchema = z.object({
  documents: z.array(
    z.object({
      id: Uuid,
      title: z.string(),
      outlet: z.string(),
      publishedOn: z.string().nullable(),
      language: z.string(),
      evidenceCount: z.number().int(),
    }),
  ),
});

export const ImportedDocumentSchema = z.object({
  id: Uuid,
  revisionId: Uuid,
  suggestions: z.array(
    z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), speaker: z.string().nullable() }),
  ),
});

const RevisionSchema = z.object({
  id: Uuid,
  number: z.number().int(),
  contentHash: z.string(),
  note: z.string(),
  createdAt: Timestamp,
  createdBy: z.string().nullable(),
});

export const DocumentDetailSchema = z.object({
  id: Uuid,
  title: z.string(),
  outlet: z.string(),
  url: z.string(),
  language: z.string(),
  publishedOn: z.string().nullable(),
  importedAt: Timestamp,
  text: z.string().meta({ description: "The current revision's text; evidence offsets count its code points." }),
  revision: RevisionSchema.meta({ description: "The current revision." }),
  revisions: z.array(RevisionSchema).meta({ description: "Every revision, newest first." }),
});

export const EvidenceListQuerySchema = z.object({
  q: z.string().max(200).optional().meta({ description: "Words in the quote or the speaker's name." }),
});

export const EvidenceListSchema = z.object({
  evidence: z.array(
    z.object({
      id: Uuid,
      exact: z.string(),
      saidOn: CalendarDateSchema,
      kind: EvidenceKindSchema,
      speaker: z.string().nullable(),
      documentTitle: z.string(),
    }),
  ),
});

export const CreateEvidenceBodySchema = z.union([CreateEvidenceAtOffsetsSchema, CreateEvidenceFromQuoteSchema]);

export const CreatedEvidenceSchema = z.object({ id: Uuid });

export const SearchResponseSchema = z.object({
  results: z.array(
    z.object({
      kind: z.enum(["quote", "document", "statement", "comment"]),
      id: Uuid,
      text: z.string(),
      snippet: z.object({ text: z.string(), marks: z.array(z.tuple([z.number().int(), z.number().int()])) }),
      url: z.string(),
    }),
  ),
  counts: z.object({
    evidence: z.number().int(),
    documents: z.number().int(),
    statements: z.number().int(),
    comments: z.number().int(),
  }),
});

export const ActivityResponseSchema = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      at: Timestamp,
      action: z.string(),
      subjectType: z.string(),
      subjectId: z.string(),
      actor: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  nextCursor: z.string().meta({ description: "Pass as `after` next time; unchanged when nothing was new." }),
});
