import { z } from "zod";
import { CalendarDateSchema } from "@/lib/matrix/dates";

export const ConvergenceQuerySchema = z
  .object({
    asOf: CalendarDateSchema.optional(),
    from: CalendarDateSchema.optional(),
    to: CalendarDateSchema.optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    message: "Give both from and to for the digest of what moved, or neither.",
    path: ["from"],
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be later than to.", path: ["to"] });

export type ConvergenceQuery = z.infer<typeof ConvergenceQuerySchema>;
