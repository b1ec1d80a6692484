import { amendStatementRoute } from "@/lib/api/statement-amendments";
import { retractStatement } from "@/lib/matrix/mutations";
import { RetractStatementSchema } from "@/lib/matrix/schema";

/** Withdraws a statement, as the editor's Retract does. */
export const POST = amendStatementRoute(RetractStatementSchema, retractStatement);
