import { z } from "zod";
import { AsOfSchema } from "@/lib/matrix/schema";

export const EXPORT_FORMATS = ["csv", "json", "md", "html", "w3c", "workspace"] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportFormatSchema = z.enum(EXPORT_FORMATS, { error: `Choose a format: ${EXPORT_FORMATS.join(", ")}.` });

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, { label: string; description: string; datedByAsOf: boolean }> =
  {
    csv: {
      label: "Matrix as CSV",
      description: "One row per issue and party: position, summary, date and the quotes cited.",
      datedByAsOf: true,
    },
    json: {
      label: "Matrix as JSON",
      description: "The same, structured, with each citation's source.",
      datedByAsOf: true,
    },
    md: {
      label: "Briefing (Markdown)",
      description: "The matrix, then each stated position with its quotes and open comment threads.",
      datedByAsOf: true,
    },
    html: {
      label: "Briefing (printable HTML)",
      description: "The same briefing as a single page to print or save as PDF.",
      datedByAsOf: true,
    },
    w3c: {
      label: "Quotes as W3C Web Annotations",
      description: "Every quote with its anchor, as JSON-LD other annotation tools read.",
      datedByAsOf: false,
    },
    workspace: {
      label: "Whole workspace (JSON)",
      description: "Everything, with all document revisions: the file to import elsewhere.",
      datedByAsOf: false,
    },
  };

/**
 * GET /api/w/[slug]/export: `asOf` matters for the matrix and briefing formats only; `from` starts
 * the briefings' digest of what moved (by default the change date before the latest up to asOf).
 */
export const ExportQuerySchema = z
  .object({ format: ExportFormatSchema, asOf: AsOfSchema.optional(), from: AsOfSchema.optional() })
  .refine((q) => !q.from || !q.asOf || q.from < q.asOf, {
    message: "The digest's start must come before the as-of date.",
    path: ["from"],
  });

/** The same rule as the workspaces_slug_format constraint in the database. */
export const WorkspaceSlugSchema = z
  .string()
  .trim()
  .min(1, "Choose an address for the new workspace.")
  .max(64, "Keep the address to 64 characters.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens between them, e.g. talks-2024.");

// Server actions accept up to 5 MB (next.config.js); the file travels as text inside that.
export const MAX_IMPORT_CHARACTERS = 4_800_000;

export const ImportWorkspaceSchema = z.object({
  slug: WorkspaceSlugSchema,
  file: z
    .string()
    .min(1, "Choose a workspace export file (.json).")
    .max(MAX_IMPORT_CHARACTERS, "The file is larger than the 4.8 MB an upload may carry."),
});

export type ImportWorkspaceInput = z.infer<typeof ImportWorkspaceSchema>;
