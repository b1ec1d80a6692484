import "server-only";
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { ActivitySinceQuerySchema } from "@/lib/activity/schema";
import { EXAMPLE_BODIES, EXAMPLE_IDS, EXAMPLE_SLUG } from "@/lib/api/examples";
import {
  ActivityResponseSchema,
  AlreadyAmendedProblemSchema,
  ConflictProblemSchema,
  CorrectStatementBodySchema,
  CreatedEvidenceSchema,
  CreateEvidenceBodySchema,
  DocumentDetailSchema,
  DocumentListSchema,
  DuplicateProblemSchema,
  EditedSchema,
  EvidenceListQuerySchema,
  EvidenceListSchema,
  ImportedDocumentSchema,
  MatrixQuerySchema,
  MatrixResponseSchema,
  ProblemSchema,
  RecordStatementBodySchema,
  RetractStatementBodySchema,
  SearchResponseSchema,
  StatementListSchema,
  StructureSchema,
  WorkspaceListSchema,
} from "@/lib/api/schemas";
import { ImportDocumentRequestSchema } from "@/lib/documents/schema";
import { ExportQuerySchema } from "@/lib/exports/schema";
import { StatementListQuerySchema } from "@/lib/matrix/schema";
import { SearchQuerySchema } from "@/lib/search/schema";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

// The OpenAPI 3.1 document of /api/v1/, built from the same zod schemas the routes parse with.
// Paths are listed in the order a script would call them; the examples follow that order too.

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: "The request is invalid: `detail` names each field and what is wrong with it.",
  401: "No session and no token, or a token that is unknown, expired or revoked (`invalid_token`).",
  403: "The caller's role, a read-only token, or an archived workspace does not allow this.",
  404: "No such workspace for this caller (or no such record in it).",
  409: "Someone else's edit came first.",
  413: "The request is too large.",
  415: "The body is not JSON.",
  422: "The request is well-formed but names something that does not fit (a quote not in the text, a missing speaker…).",
  429: "Too many writes or expensive reads: wait `Retry-After` seconds. Nothing was done.",
};

const problemJson = (schema: z.ZodType = ProblemSchema) => ({ "application/problem+json": { schema } });

function problems(...statuses: number[]): ZodOpenApiResponsesObject {
  return Object.fromEntries(
    [401, ...statuses].map((status) => [
      String(status),
      { description: PROBLEM_DESCRIPTIONS[status]!, content: problemJson() },
    ]),
  );
}

const ok = (schema: z.ZodType, description: string, status = "200"): ZodOpenApiResponsesObject => ({
  [status]: { description, content: { "application/json": { schema } } },
});

const SlugPath = z.object({
  slug: WorkspaceSlugSchema.meta({ description: "The workspace's address, as in /w/{slug}.", example: EXAMPLE_SLUG }),
});
const StatementPath = SlugPath.extend({
  statementId: z.uuid().meta({ description: "The statement to amend.", example: EXAMPLE_IDS.statementId }),
});
const DocumentPath = SlugPath.extend({
  documentId: z.uuid().meta({ example: EXAMPLE_IDS.documentId }),
});

const jsonBody = (schema: z.ZodType, examples: Record<string, { summary: string; value: unknown }>) => ({
  required: true,
  content: { "application/json": { schema, examples } },
});

const read = (operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject => ({
  ...operation,
  "x-parley-token-scope": "read",
});
const write = (operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject => ({
  ...operation,
  "x-parley-token-scope": "write",
  description:
    `${operation.description ?? ""}\n\nNeeds the editor or owner role and, with a token, a read-and-write token. Counted against the writes allowance.`.trim(),
});

/** Query examples, by operation and parameter name: schemas shared with the app carry none. */
const QUERY_EXAMPLES: Record<string, Record<string, string>> = {
  getMatrix: { asOf: "2022-02-16", since: "2022-01-01" },
  listStatements: { issueId: EXAMPLE_IDS.issueId, from: "2022-01-01", to: "2022-12-31", limit: "50" },
  listEvidence: { q: "guarantees" },
  search: { q: "guarantees", from: "2022-01-01", to: "2022-12-31" },
  listActivity: { after: "0", limit: "100" },
  exportWorkspace: { format: "csv", asOf: "2022-02-16" },
};

/** The caller's workspaces and a workspace's matrix. */
function workspacePaths(): ZodOpenApiPathsObject {
  return {
    "/workspaces": {
      get: read({
        operationId: "listWorkspaces",
        tags: ["Workspaces"],
        summary: "The caller's workspaces",
        description: "With a token, only the workspaces it was created for.",
        responses: { ...ok(WorkspaceListSchema, "The workspaces and the caller's role in each."), ...problems() },
      }),
    },
    "/workspaces/{slug}/structure": {
      get: read({
        operationId: "getStructure",
        tags: ["Matrix"],
        summary: "Issues, parties and position labels",
        description: "The matrix's rows and columns, archived ones included.",
        requestParams: { path: SlugPath },
        responses: { ...ok(StructureSchema, "The structure."), ...problems(403, 404) },
      }),
    },
    "/workspaces/{slug}/matrix": {
      get: read({
        operationId: "getMatrix",
        tags: ["Matrix"],
        summary: "The matrix as of a date, and what changed since another",
        description:
          "Each cell's shown statement as of `asOf`, with the cell's version (the `baseVersion` for the next edit). With `since`, also the cells whose shown statement changed between the two dates (counted as an expensive read).",
        requestParams: { path: SlugPath, query: MatrixQuerySchema },
        responses: { ...ok(MatrixResponseSchema, "The matrix."), ...problems(400, 403, 404, 429) },
      }),
    },
  };
}

function documentPaths(): ZodOpenApiPathsObject {
  return {
    "/workspaces/{slug}/documents": {
      post: write({
        operationId: "importDocument",
        tags: ["Documents"],
        summary: "Import a document",
        description:
          "Imports a text as the import form does and answers with the passages worth quoting. Uploading a PDF, DOCX or HTML file stays with POST /api/w/{slug}/documents (multipart).",
        requestParams: { path: SlugPath },
        requestBody: jsonBody(ImportDocumentRequestSchema, {
          statement: { summary: "A statement to the press", value: EXAMPLE_BODIES.importDocument },
        }),
        responses: {
          ...ok(ImportedDocumentSchema, "Imported.", "201"),
          ...problems(400, 403, 404, 413, 415, 429),
          "409": {
            description: "The same text is already in this workspace.",
            content: problemJson(DuplicateProblemSchema),
          },
        },
      }),
      get: read({
        operationId: "listDocuments",
        tags: ["Documents"],
        summary: "The workspace's documents",
        requestParams: { path: SlugPath },
        responses: { ...ok(DocumentListSchema, "Newest publication first."), ...problems(403, 404) },
      }),
    },
    "/workspaces/{slug}/documents/{documentId}": {
      get: read({
        operationId: "getDocument",
        tags: ["Documents"],
        summary: "A document's text and revisions",
        requestParams: { path: DocumentPath },
        responses: { ...ok(DocumentDetailSchema, "The current text and every revision."), ...problems(403, 404) },
      }),
    },
  };
}

function evidencePaths(): ZodOpenApiPathsObject {
  return {
    "/workspaces/{slug}/evidence": {
      post: write({
        operationId: "createEvidence",
        tags: ["Evidence"],
        summary: "Save a passage as evidence",
        description:
          "Either by place — `revisionId`, code-point offsets, the `exact` words and up to 32 characters of `prefix` and `suffix` (the current revision only) — or by `quote`, the exact words, which the server finds in the current text (`occurrence` picks a later one). The server verifies the passage against the text as the document page does.",
        requestParams: { path: SlugPath },
        requestBody: jsonBody(CreateEvidenceBodySchema, {
          offsets: { summary: "By offsets", value: EXAMPLE_BODIES.evidenceAtOffsets },
          quote: { summary: "By an exact quote", value: EXAMPLE_BODIES.evidenceFromQuote },
        }),
        responses: {
          ...ok(CreatedEvidenceSchema, "Saved.", "201"),
          ...problems(400, 403, 404, 415, 422, 429),
          "409": {
            description: "The document was corrected since: the revision is not its current one.",
            content: problemJson(),
          },
        },
      }),
      get: read({
        operationId: "listEvidence",
        tags: ["Evidence"],
        summary: "Evidence, newest first",
        requestParams: { path: SlugPath, query: EvidenceListQuerySchema },
        responses: { ...ok(EvidenceListSchema, "Up to 200 quotes."), ...problems(400, 403, 404) },
      }),
    },
  };
}

function statementPaths(): ZodOpenApiPathsObject {
  return {
    "/workspaces/{slug}/statements": {
      post: write({
        operationId: "recordStatement",
        tags: ["Statements"],
        summary: "Record a stance statement",
        description:
          "Compare-and-set on the cell: `baseVersion` is the cell's version you last read (0 for an empty cell, from the matrix or from a previous edit). If someone else edited the cell since, nothing is saved and the answer is 409 `conflict` with the cell as it now is.",
        requestParams: { path: SlugPath },
        requestBody: jsonBody(RecordStatementBodySchema, {
          record: { summary: "A conditional stance", value: EXAMPLE_BODIES.recordStatement },
        }),
        responses: {
          ...ok(EditedSchema, "Recorded.", "201"),
          ...problems(400, 403, 404, 415, 422, 429),
          "409": { description: "Someone else edited the cell first.", content: problemJson(ConflictProblemSchema) },
        },
      }),
      get: read({
        operationId: "listStatements",
        tags: ["Statements"],
        summary: "Stance statements, with filters and a cursor",
        description:
          "Every statement ever recorded, amended ones included with their amendment, in the order they were recorded. Filter by cell and by stated date; follow `nextCursor` until it is null.",
        requestParams: { path: SlugPath, query: StatementListQuerySchema },
        responses: { ...ok(StatementListSchema, "A page of statements."), ...problems(400, 403, 404) },
      }),
    },
  };
}

/** Corrections and retractions: the same compare-and-set as recording. */
function amendmentPaths(): ZodOpenApiPathsObject {
  return {
    "/workspaces/{slug}/statements/{statementId}/corrections": {
      post: write({
        operationId: "correctStatement",
        tags: ["Statements"],
        summary: "Correct a statement",
        description:
          "Replaces the statement with a corrected one and keeps both in the history. Fields left out keep the corrected statement's links and confidence. Same compare-and-set as recording; a statement already corrected or retracted gives 409 `already_amended`.",
        requestParams: { path: StatementPath },
        requestBody: jsonBody(CorrectStatementBodySchema, {
          correct: { summary: "A corrected summary", value: EXAMPLE_BODIES.correctStatement },
        }),
        responses: {
          ...ok(EditedSchema, "Corrected: `statementId` is the replacement.", "201"),
          ...problems(400, 403, 404, 415, 422, 429),
          "409": {
            description:
              "Someone else edited the cell first (`conflict`), or amended this statement (`already_amended`).",
            content: problemJson(z.union([ConflictProblemSchema, AlreadyAmendedProblemSchema])),
          },
        },
      }),
    },
    "/workspaces/{slug}/statements/{statementId}/retraction": {
      post: write({
        operationId: "retractStatement",
        tags: ["Statements"],
        summary: "Retract a statement",
        description: "Withdraws the statement; the cell shows the one before it. Same compare-and-set as recording.",
        requestParams: { path: StatementPath },
        requestBody: jsonBody(RetractStatementBodySchema, {
          retract: { summary: "Withdrawn", value: EXAMPLE_BODIES.retractStatement },
        }),
        responses: {
          ...ok(EditedSchema, "Retracted.", "201"),
          ...problems(400, 403, 404, 415, 429),
          "409": {
            description:
              "Someone else edited the cell first (`conflict`), or amended this statement (`already_amended`).",
            content: problemJson(z.union([ConflictProblemSchema, AlreadyAmendedProblemSchema])),
          },
        },
      }),
    },
  };
}

function searchAndSyncPaths(): ZodOpenApiPathsObject {
  return {
    "/workspaces/{slug}/search": {
      get: read({
        operationId: "search",
        tags: ["Search and sync"],
        summary: "Search quotes, statements, documents and comments",
        description: "The search page's results. Counted as an expensive read.",
        requestParams: { path: SlugPath, query: SearchQuerySchema },
        responses: {
          ...ok(SearchResponseSchema, "The results, each with a link into the app."),
          ...problems(400, 403, 404, 429),
        },
      }),
    },
    "/workspaces/{slug}/activity": {
      get: read({
        operationId: "listActivity",
        tags: ["Search and sync"],
        summary: "Activity since a cursor",
        description:
          "The append-only activity log, oldest first, after the event `after`. Keep `nextCursor` and pass it as `after` next time to get only what is new.",
        requestParams: { path: SlugPath, query: ActivitySinceQuerySchema },
        responses: { ...ok(ActivityResponseSchema, "Events after the cursor."), ...problems(400, 403, 404) },
      }),
    },
  };
}

/** Exports, and this document itself. */
function downloadPaths(): ZodOpenApiPathsObject {
  return {
    "/workspaces/{slug}/export": {
      get: read({
        operationId: "exportWorkspace",
        tags: ["Exports"],
        summary: "Download an export",
        description:
          "The matrix (csv, json), a briefing (md, html), the quotes as W3C annotations (w3c) or the whole workspace (workspace). `asOf` dates the matrix and briefing formats. Counted as an expensive read.",
        requestParams: { path: SlugPath, query: ExportQuerySchema },
        responses: {
          "200": {
            description: "The file, as an attachment.",
            content: Object.fromEntries(
              ["text/csv", "application/json", "text/markdown", "text/html", "application/ld+json"].map((type) => [
                type,
                {
                  schema:
                    type === "application/json" || type === "application/ld+json" ? z.object({}).loose() : z.string(),
                },
              ]),
            ),
          },
          ...problems(400, 403, 404, 429),
        },
      }),
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        tags: ["Workspaces"],
        summary: "This document",
        security: [],
        responses: {
          "200": {
            description: "The OpenAPI 3.1 document.",
            content: { "application/json": { schema: z.object({ openapi: z.string() }).loose() } },
          },
        },
      },
    },
  };
}

/** Sets each query parameter's example; schemas shared with the app carry none. */
function addQueryExamples(document: ReturnType<typeof createDocument>) {
  for (const [path, item] of Object.entries(document.paths ?? {}))
    for (const operation of Object.values(item ?? {})) {
      if (!operation || typeof operation !== "object" || !("responses" in operation)) continue;
      for (const parameter of operation.parameters ?? []) {
        if (!("in" in parameter) || parameter.in !== "query") continue;
        const example = QUERY_EXAMPLES[operation.operationId ?? ""]?.[parameter.name];
        if (example !== undefined) parameter.example = example;
      }
      if (!operation.operationId) throw new Error(`${path} has an operation without an id`);
    }
}

function buildDocument() {
  const document = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Parley API",
      version: "1",
      description:
        "Read and write a Parley workspace from scripts. Authenticate with a personal access token " +
        "(Account → Access tokens) in `Authorization: Bearer parley_pat_…`; a signed-in browser session works too. " +
        "Every refusal is an RFC 9457 problem (`application/problem+json`) with a stable `error` code.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal access token: parley_pat_…" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "__Host-parley.session-token" },
      },
    },
    tags: [
      { name: "Workspaces" },
      { name: "Matrix" },
      { name: "Documents" },
      { name: "Evidence" },
      { name: "Statements" },
      { name: "Search and sync" },
      { name: "Exports" },
    ],
    paths: {
      ...workspacePaths(),
      ...documentPaths(),
      ...evidencePaths(),
      ...statementPaths(),
      ...amendmentPaths(),
      ...searchAndSyncPaths(),
      ...downloadPaths(),
    },
  });
  addQueryExamples(document);
  return document;
}

let built: ReturnType<typeof buildDocument> | undefined;

/** The document, built once per server process. */
export function openApiDocument() {
  built ??= buildDocument();
  return built;
}
