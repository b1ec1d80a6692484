import { z } from "zod";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { EvidenceKindSchema } from "@/lib/evidence/schema";

const optionalUuid = z.union([z.literal(""), z.uuid()]).optional().transform((v) => v || undefined);
const optionalDate = z.union([z.literal(""), CalendarDateSchema]).optional().transform((v) => v || undefined);

export const SearchQuerySchema = z.object({
  q: z.string().trim().max(200, "Search for at most 200 characters.").default(""),
  speaker: optionalUuid,
  party: optionalUuid,
  issue: optionalUuid,
  kind: z.union([z.literal(""), EvidenceKindSchema]).optional().transform((v) => v || undefined),
  from: optionalDate,
  to: optionalDate,
});

export type SearchQuery = z.infer<typeof SearchQuerySchema>;
