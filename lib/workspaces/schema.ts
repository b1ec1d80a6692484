import { z } from "zod";
import { POSITIONS, type Position } from "@/lib/matrix/positions";
import { line, paragraphs } from "@/lib/platform/validation";

// lib/structure/schema.ts imports WorkspaceSlugSchema from here, so this module must not import
// it back: the party colour and label rules below repeat its (and the database's) limits.

/** How every input names its workspace: the characters a slug can have, so no other string reaches a query. */
export const WorkspaceSlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/);

export const WORKSPACE_TITLE_MAX = 200;
export const WORKSPACE_DESCRIPTION_MAX = 5000;
/** Far above a real negotiation's table; bounds what one creation may ask for. */
const STRUCTURE_MAX = 200;

/** The address of a new workspace: the same rule as the workspaces_slug_format constraint. */
export const NewWorkspaceSlugSchema = z
  .string()
  .trim()
  .min(1, "Choose an address.")
  .max(64, "Keep the address to 64 characters.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens between them, e.g. talks-2024.");

const WorkspaceTitle = line({ min: 1, max: WORKSPACE_TITLE_MAX, tooShort: "Enter a title." });
const WorkspaceDescription = paragraphs({ max: WORKSPACE_DESCRIPTION_MAX }).default("");

export const TEMPLATE_KEYS = ["blank", "bilateral", "multilateral", "ceasefire"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

const distinct = (names: string[]) => new Set(names.map((n) => n.toLocaleLowerCase())).size === names.length;

const PositionLabel = line({ min: 1, max: 40, tooShort: "Enter a label." });
const NewPositionLabels = z
  .object(Object.fromEntries(POSITIONS.map((p) => [p, PositionLabel])) as Record<Position, typeof PositionLabel>)
  .refine((labels) => distinct(Object.values(labels)), "Each position needs its own label.");

const NewParty = z.object({
  name: line({ min: 1, max: 120, tooShort: "Enter a name." }),
  shortName: line({ min: 1, max: 24 }).optional(),
  colour: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, "Write a colour as # and six hex digits.")
    .optional(),
});
const NewIssue = z.object({
  title: line({ min: 1, max: 200, tooShort: "Enter a title." }),
  description: paragraphs({ max: 5000 }).default(""),
});

/**
 * A new workspace: from blank, from a template (its parties, issues and labels unless the request
 * names its own), or with the structure of a workspace the caller belongs to (`copyFrom`).
 */
export const CreateWorkspaceSchema = z
  .object({
    title: WorkspaceTitle,
    slug: NewWorkspaceSlugSchema,
    description: WorkspaceDescription,
    template: z.enum(TEMPLATE_KEYS, { error: `Choose a template: ${TEMPLATE_KEYS.join(", ")}.` }).default("blank"),
    copyFrom: WorkspaceSlugSchema.optional(),
    parties: z
      .array(NewParty)
      .max(STRUCTURE_MAX, `At most ${STRUCTURE_MAX} parties.`)
      .refine((parties) => distinct(parties.map((p) => p.name)), "Each party needs its own name.")
      .optional(),
    issues: z
      .array(NewIssue)
      .max(STRUCTURE_MAX, `At most ${STRUCTURE_MAX} issues.`)
      .refine((issues) => distinct(issues.map((i) => i.title)), "Each issue needs its own title.")
      .optional(),
    positionLabels: NewPositionLabels.optional(),
  })
  .strict();

export type CreateWorkspaceInput = z.output<typeof CreateWorkspaceSchema>;

/** Either an address to check, or a title to suggest a free address for. */
export const CheckWorkspaceSlugSchema = z.object({
  slug: line({ max: 200 }).optional(),
  title: line({ max: WORKSPACE_TITLE_MAX }).optional(),
});

export const UpdateWorkspaceSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  title: WorkspaceTitle,
  description: WorkspaceDescription,
});

export const WorkspaceLifecycleSchema = z.object({ workspaceSlug: WorkspaceSlugSchema });

export const DeleteWorkspaceSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  confirmation: line({ max: 200 }),
});

export type UpdateWorkspaceInput = z.output<typeof UpdateWorkspaceSchema>;

/** A title's suggested address: "WTO fisheries subsidies" → "wto-fisheries-subsidies". */
export function suggestSlug(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}
