import { amendStatementRoute } from "@/lib/api/statement-amendments";
import { correctStatement } from "@/lib/matrix/mutations";
import { CorrectStatementSchema } from "@/lib/matrix/schema";

/** Replaces a statement with a corrected one, as the editor's Correct does. */
export const POST = amendStatementRoute(CorrectStatementSchema, correctStatement);
