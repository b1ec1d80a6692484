import { z } from "zod";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { RelationSchema } from "@/lib/matrix/schema";


export const EvidenceKindSchema = z.enum(["DIRECT_QUOTE", "REPORTED_SPEECH", "EXPERT_ASSESSMENT", "OFFICIAL_DOCUMENT"], { error: "Choose what kind of evidence this is." });

export const NewPersonSchema = z.object({
  name: z.string().trim().min(1, "Give the speaker's name.").max(200),
  role: z.string().trim().max(300).default(""),
  partyId: z.uuid().nullish(),
  organisation: z.string().trim().max(200).default(""),
});

/**
 * A passage to save as evidence. Offsets count Unicode code points in the named revision's text;
 * the server checks them, the exact words and the surrounding context against that text.
 */
export const CreateEvidenceSchema = z
  .object({
    workspaceSlug: WorkspaceSlugSchema,
    documentId: z.uuid({ error: "No such document." }),
    revisionId: z.uuid({ error: "No such revision." }),
    startOffset: z.number().int().min(0, "The selection starts before the text."),
    endOffset: z.number().int().min(1),
    exact: z.string().min(1, "Select some text first.").max(10000, "Select at most 10,000 characters."),
    prefix: z.string().max(32),
    suffix: z.string().max(32),
    speakerId: z.uuid({ error: "No such speaker." }).nullish(),
    newSpeaker: NewPersonSchema.nullish(),
    saidOn: z.union([z.literal(""), CalendarDateSchema]).nullish(),
    kind: EvidenceKindSchema,
    note: z.string().trim().max(5000).default(""),
    links: z.array(z.object({ statementId: z.uuid({ error: "No such statement." }), relation: RelationSchema })).max(50).default([]),
  })
  .refine((v) => v.startOffset < v.endOffset, { path: ["endOffset"], message: "The selection is empty." })
  .refine((v) => !(v.speakerId && v.newSpeaker), { path: ["speakerId"], message: "Choose a speaker or create one, not both." });

export type CreateEvidenceInput = z.infer<typeof CreateEvidenceSchema>;
