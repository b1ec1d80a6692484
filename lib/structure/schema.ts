import { z } from "zod";
import { POSITIONS, type Position } from "@/lib/matrix/positions";
import { id, line, paragraphs } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

// Limits mirror the CHECK constraints on issues and parties in the first migration, so a value
// the form accepts is one the database accepts.

export const ISSUE_TITLE_MAX = 200;
export const ISSUE_DESCRIPTION_MAX = 5000;
export const PARTY_NAME_MAX = 120;
export const PARTY_SHORT_NAME_MAX = 24;
export const POSITION_LABEL_MAX = 40;
/** Far above any real negotiation; bounds the work one reorder request can ask for. */
const ORDER_MAX = 500;

const IssueTitle = line({ min: 1, max: ISSUE_TITLE_MAX, tooShort: "Enter a title." });
const IssueDescription = paragraphs({ max: ISSUE_DESCRIPTION_MAX }).default("");
const IssueId = id("No such issue.");

const PartyName = line({ min: 1, max: PARTY_NAME_MAX, tooShort: "Enter a name." });
const PartyShortName = line({ min: 1, max: PARTY_SHORT_NAME_MAX, tooShort: "Enter a short name, like “US”." });
export const PartyColourSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, "Choose a colour written as # and six hex digits, like #1d4ed8.");
const PartyId = id("No such party.");

function orderedIds(recordId: z.ZodUUID, what: string) {
  return z
    .array(recordId)
    .max(ORDER_MAX, `At most ${ORDER_MAX} ${what}.`)
    .refine((ids) => new Set(ids).size === ids.length, `Each of the ${what} may appear only once.`);
}

export const AddIssueSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  title: IssueTitle,
  description: IssueDescription,
});

export const RenameIssueSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  issueId: IssueId,
  title: IssueTitle,
  description: IssueDescription,
});

export const IssueIdSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, issueId: IssueId });

export const ReorderIssuesSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  orderedIds: orderedIds(IssueId, "issues"),
});

export const AddPartySchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  name: PartyName,
  shortName: PartyShortName,
  colour: PartyColourSchema,
});

export const RenamePartySchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  partyId: PartyId,
  name: PartyName,
  shortName: PartyShortName,
  colour: PartyColourSchema,
});

export const PartyIdSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, partyId: PartyId });

export const ReorderPartiesSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  orderedIds: orderedIds(PartyId, "parties"),
});

const PositionLabel = line({ min: 1, max: POSITION_LABEL_MAX, tooShort: "Enter a label." });

export const PositionLabelsSchema = z
  .object(Object.fromEntries(POSITIONS.map((p) => [p, PositionLabel])) as Record<Position, typeof PositionLabel>)
  .superRefine((labels, ctx) => {
    // Two positions with one label would make the legend and the cell badges ambiguous.
    const seen = new Set<string>();
    for (const position of POSITIONS) {
      const key = labels[position].toLocaleLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: "custom",
          path: [position],
          message: "Already used for another position; each position needs its own label.",
        });
      seen.add(key);
    }
  });

export const RenamePositionLabelsSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  labels: PositionLabelsSchema,
});

export type AddIssueInput = z.output<typeof AddIssueSchema>;
export type RenameIssueInput = z.output<typeof RenameIssueSchema>;
export type AddPartyInput = z.output<typeof AddPartySchema>;
export type RenamePartyInput = z.output<typeof RenamePartySchema>;
export type PositionLabelsInput = z.output<typeof PositionLabelsSchema>;
