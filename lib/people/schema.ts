import { z } from "zod";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";


export const UpdatePersonSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  personId: z.uuid({ error: "No such person." }),
  name: z.string().trim().min(1, "Give a name.").max(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  role: z.string().trim().max(300).default(""),
  partyId: z.uuid().nullish(),
  organisation: z.string().trim().max(200).default(""),
});

export const MergePeopleSchema = z
  .object({ workspaceSlug: WorkspaceSlugSchema, keepId: z.uuid({ error: "No such person." }), mergeId: z.uuid({ error: "No such person." }) })
  .refine((v) => v.keepId !== v.mergeId, { path: ["mergeId"], message: "Choose two different people." });
