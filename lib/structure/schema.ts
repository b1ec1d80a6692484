import { z } from "zod";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";
import { POSITIONS, type Position } from "@/lib/matrix/positions";

// Limits mirror the CHECK constraints on issues and parties in the first migration, so a value
// the form accepts is one the database accepts.


export const ISSUE_TITLE_MAX = 200;
export const ISSUE_DESCRIPTION_MAX = 5000;
export const PARTY_NAME_MAX = 120;
export const PARTY_SHORT_NAME_MAX = 24;
export const POSITION_LABEL_MAX = 40;
/** Far above any real negotiation; bounds the work one reorder request can ask for. */
const ORDER_MAX = 500;

const IssueTitle = z.string().trim().min(1, "Enter a title.").max(ISSUE_TITLE_MAX, `At most ${ISSUE_TITLE_MAX} characters.`);
const IssueDescription = z.string().trim().max(ISSUE_DESCRIPTION_MAX, `At most ${ISSUE_DESCRIPTION_MAX} characters.`).default("");
const IssueId = z.uuid({ error: "No such issue." });

const PartyName = z.string().trim().min(1, "Enter a name.").max(PARTY_NAME_MAX, `At most ${PARTY_NAME_MAX} characters.`);
const PartyShortName = z.string().trim().min(1, "Enter a short name, like “US”.").max(PARTY_SHORT_NAME_MAX, `At most ${PARTY_SHORT_NAME_MAX} characters.`);
export const PartyColourSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, "Choose a colour written as # and six hex digits, like #1d4ed8.");
const PartyId = z.uuid({ error: "No such party." });

function orderedIds(id: z.ZodUUID, what: string) {
  return z
    .array(id)
    .max(ORDER_MAX, `At most ${ORDER_MAX} ${what}.`)
    .refine((ids) => new Set(ids).size === ids.length, `Each of the ${what} may appear only once.`);
}

export const AddIssueSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, title: IssueTitle, description: IssueDescription });

export const RenameIssueSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, issueId: IssueId, title: IssueTitle, description: IssueDescription });

export const IssueIdSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, issueId: IssueId });

export const ReorderIssuesSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, orderedIds: orderedIds(IssueId, "issues") });

export const AddPartySchema = z.object({ workspaceSlug: WorkspaceSlugSchema, name: PartyName, shortName: PartyShortName, colour: PartyColourSchema });

export const RenamePartySchema = z.object({ workspaceSlug: WorkspaceSlugSchema, partyId: PartyId, name: PartyName, shortName: PartyShortName, colour: PartyColourSchema });

export const PartyIdSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, partyId: PartyId });

export const ReorderPartiesSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, orderedIds: orderedIds(PartyId, "parties") });

const PositionLabel = z.string().trim().min(1, "Enter a label.").max(POSITION_LABEL_MAX, `At most ${POSITION_LABEL_MAX} characters.`);

export const PositionLabelsSchema = z
  .object(Object.fromEntries(POSITIONS.map((p) => [p, PositionLabel])) as Record<Position, typeof PositionLabel>)
  .superRefine((labels, ctx) => {
    // Two positions with one label would make the legend and the cell badges ambiguous.
    const seen = new Set<string>();
    for (const position of POSITIONS) {
      const key = labels[position].toLocaleLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [position], message: "Already used for another position; each position needs its own label." });
      seen.add(key);
    }
  });

export const RenamePositionLabelsSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, labels: PositionLabelsSchema });

export type AddIssueInput = z.output<typeof AddIssueSchema>;
export type RenameIssueInput = z.output<typeof RenameIssueSchema>;
export type AddPartyInput = z.output<typeof AddPartySchema>;
export type RenamePartyInput = z.output<typeof RenamePartySchema>;
export type PositionLabelsInput = z.output<typeof PositionLabelsSchema>;
