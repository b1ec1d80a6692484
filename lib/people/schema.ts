import { z } from "zod";
import { id, line } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

export const UpdatePersonSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  personId: id("No such person."),
  name: line({ min: 1, max: 200, tooShort: "Give a name." }),
  aliases: z
    .array(line({ min: 1, max: 200 }))
    .max(50)
    .default([]),
  role: line({ max: 300 }).default(""),
  partyId: id("No such party.").nullish(),
  organisation: line({ max: 200 }).default(""),
});

export const MergePeopleSchema = z
  .object({
    workspaceSlug: WorkspaceSlugSchema,
    keepId: id("No such person."),
    mergeId: id("No such person."),
  })
  .refine((v) => v.keepId !== v.mergeId, { path: ["mergeId"], message: "Choose two different people." });
