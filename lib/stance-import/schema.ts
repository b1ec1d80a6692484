import { z } from "zod";
import { PositionSchema } from "@/lib/matrix/schema";
import { IMPORT_FIELDS, type ImportField } from "@/lib/stance-import/fields";

const ColumnIndex = z.number().int().min(-1).max(49);

/** The `options` field of an import request: the column mapping, the position words, new rows. */
export const ImportOptionsSchema = z.object({
  columns: z
    .object(
      Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ColumnIndex.nullable().optional()])) as Record<
        ImportField,
        z.ZodOptional<z.ZodNullable<typeof ColumnIndex>>
      >,
    )
    .partial()
    .optional(),
  positions: z
    .record(z.string().max(200), z.union([PositionSchema, z.literal("")]))
    .refine((words) => Object.keys(words).length <= 500, "Map at most 500 position words.")
    .optional(),
  createMissing: z.boolean().optional(),
});

/** `preview` answers with the plan; `confirm` writes it, if it still is the plan of `digest`. */
export const ImportStepSchema = z.discriminatedUnion("step", [
  z.object({ step: z.literal("preview") }),
  z.object({
    step: z.literal("confirm"),
    digest: z.string().regex(/^[0-9a-f]{64}$/, "The preview's digest is missing."),
  }),
]);

export type ImportStep = z.infer<typeof ImportStepSchema>;
