import { z } from "zod";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { distinctIds, id, int4, line, text } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

// A party's proposals in the negotiation and their provisions. Not the review-mode proposals of
// lib/review (StanceProposal): those are edits waiting for a reviewer. Limits mirror the CHECK
// constraints of the negotiation_proposals migration.

export const PROPOSAL_TITLE_MAX = 200;
export const DOCUMENT_PART_MAX = 200;
export const PROVISION_LABEL_MAX = 120;
/** Far above any real treaty; bounds what one request can ask to link. */
const LINKS_MAX = 100;

export const NEGOTIATION_PROPOSAL_KINDS = [
  "DRAFT_TREATY",
  "NON_PAPER",
  "WRITTEN_RESPONSE",
  "PUBLIC_OFFER",
  "OTHER",
] as const;
export type NegotiationProposalKind = (typeof NEGOTIATION_PROPOSAL_KINDS)[number];

export const NEGOTIATION_PROPOSAL_KIND_LABELS: Record<NegotiationProposalKind, string> = {
  DRAFT_TREATY: "Draft treaty",
  NON_PAPER: "Non-paper",
  WRITTEN_RESPONSE: "Written response",
  PUBLIC_OFFER: "Public offer",
  OTHER: "Other",
};

const optionalId = (notFound: string) =>
  z
    .union([z.literal(""), id(notFound)])
    .nullish()
    .transform((value) => value || null);

const ProposalFields = {
  partyId: id("No such party."),
  kind: z.enum(NEGOTIATION_PROPOSAL_KINDS, { error: "Choose what kind of proposal this is." }),
  title: line({ min: 1, max: PROPOSAL_TITLE_MAX, tooShort: "Give the proposal a title." }),
  proposedOn: CalendarDateSchema,
  documentId: optionalId("No such document."),
  documentPart: line({ max: DOCUMENT_PART_MAX }).default(""),
  answersId: optionalId("No such proposal."),
};

function partNeedsDocument<T extends z.ZodType<{ documentId: string | null; documentPart: string }>>(schema: T) {
  return schema.refine((v) => v.documentPart === "" || v.documentId !== null, {
    path: ["documentPart"],
    message: "Choose the document this part belongs to.",
  });
}

export const CreateNegotiationProposalSchema = partNeedsDocument(
  z.object({ workspaceSlug: WorkspaceSlugSchema, ...ProposalFields }),
);

export const UpdateNegotiationProposalSchema = partNeedsDocument(
  z.object({ workspaceSlug: WorkspaceSlugSchema, proposalId: id("No such proposal."), ...ProposalFields }),
);

export const NegotiationProposalIdSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  proposalId: id("No such proposal."),
});

export type NegotiationProposalInput = Omit<z.output<typeof CreateNegotiationProposalSchema>, "workspaceSlug">;

const ProvisionLinks = {
  label: line({ min: 1, max: PROVISION_LABEL_MAX, tooShort: "Give the provision a label, such as “Article 4”." }),
  issueIds: distinctIds("No such issue.", "issues", LINKS_MAX).refine(
    (ids) => ids.length > 0,
    "Map the provision to an issue.",
  ),
  answersProvisionIds: distinctIds("No such provision.", "answered provisions", LINKS_MAX),
};

const PassageText = text({
  min: 1,
  max: 10000,
  multiline: true,
  trim: false,
  tooShort: "Select or paste the provision's words.",
  tooLong: "At most 10,000 characters.",
});

/**
 * A provision's passage, either by its place in the revision the reader showed (a selection) or
 * by its exact words (pasted); the server anchors and verifies both against the document's text.
 */
const PassageSchema = z.union([
  z.object({
    by: z.literal("selection"),
    revisionId: id("No such revision."),
    startOffset: int4({ min: 0, message: "The selection starts before the text." }),
    endOffset: int4({ min: 1 }),
    exact: PassageText,
    prefix: text({ max: 32, multiline: true, trim: false }),
    suffix: text({ max: 32, multiline: true, trim: false }),
  }),
  z.object({ by: z.literal("quote"), quote: PassageText, occurrence: int4({ max: 10000 }).default(0) }),
]);
export type Passage = z.output<typeof PassageSchema>;

export const AddProvisionSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  proposalId: id("No such proposal."),
  passage: PassageSchema,
  ...ProvisionLinks,
});
export type AddProvisionInput = Omit<z.output<typeof AddProvisionSchema>, "workspaceSlug">;

export const UpdateProvisionSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  provisionId: id("No such provision."),
  ...ProvisionLinks,
});
export type UpdateProvisionInput = Omit<z.output<typeof UpdateProvisionSchema>, "workspaceSlug">;

export const ProvisionIdSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  provisionId: id("No such provision."),
});
