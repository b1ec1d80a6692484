import { z } from "zod";
import { EvidenceKindSchema } from "@/lib/evidence/schema";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { id, searchText } from "@/lib/platform/validation";

const optionalUuid = z
  .union([z.literal(""), id()])
  .optional()
  .transform((v) => v || undefined);
const optionalDate = z
  .union([z.literal(""), CalendarDateSchema])
  .optional()
  .transform((v) => v || undefined);

export const SearchQuerySchema = z.object({
  q: searchText(200),
  speaker: optionalUuid,
  party: optionalUuid,
  issue: optionalUuid,
  kind: z
    .union([z.literal(""), EvidenceKindSchema])
    .optional()
    .transform((v) => v || undefined),
  from: optionalDate,
  to: optionalDate,
});

export type SearchQuery = z.infer<typeof SearchQuerySchema>;
