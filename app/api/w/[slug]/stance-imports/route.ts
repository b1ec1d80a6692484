import { isSameOrigin } from "@/lib/platform/http/public-origin";
import { takeRateLimit, withRateLimit } from "@/lib/platform/http/rate-limit";
import { handleRoute, jsonError } from "@/lib/platform/http/route";
import { requireDirectEditing } from "@/lib/review/mutations";
import { commitStanceImport, previewStanceImport } from "@/lib/stance-import/mutations";
import { readImportRequest } from "@/lib/stance-import/upload";
import { authenticateRequest, authorizeWorkspace } from "@/lib/workspaces/access";

const REQUEST_STATUS = { too_large: 413, bad_file: 400, invalid_request: 400 } as const;
const REFUSAL_STATUS = { changed: 409, nothing_to_import: 422, conflict: 409 } as const;

/**
 * A spreadsheet of stances (multipart/form-data: `file`, CSV or .xlsx; `options`, JSON; `step`).
 * `step=preview` answers with every row it would create or refuse and writes nothing;
 * `step=confirm` with the preview's `digest` writes the good rows in one transaction.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { slug } = await params;
    // A multipart form is a simple request a foreign page could send with the session cookie.
    if (
      !isSameOrigin(request.headers) ||
      !["same-origin", "none", null].includes(request.headers.get("sec-fetch-site"))
    )
      return jsonError(403, "cross_origin", "Requests from other sites are refused.");
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data"))
      return jsonError(
        415,
        "unsupported_media_type",
        "Upload the spreadsheet as multipart/form-data with a `file` field (CSV or .xlsx).",
      );
    const caller = await authenticateRequest(request);
    const workspace = await authorizeWorkspace(slug, "stance:write", caller);
    await requireDirectEditing(workspace);
    // Counted before the file is read: reading a workbook is the expensive part.
    const limit = await takeRateLimit(caller, "writes");
    const read = await readImportRequest(request);
    if (!read.ok) return withRateLimit(jsonError(REQUEST_STATUS[read.code], read.code, read.message), limit);
    if (read.options.createMissing) await authorizeWorkspace(slug, "structure:write", caller);
    if (read.step.step === "preview")
      return withRateLimit(
        Response.json(
          { preview: await previewStanceImport(workspace, read.upload, read.options) },
          { headers: { "Cache-Control": "no-store" } },
        ),
        limit,
      );
    const outcome = await commitStanceImport(workspace, read.upload, read.options, read.step.digest);
    if (!outcome.ok)
      return withRateLimit(
        jsonError(REFUSAL_STATUS[outcome.code], outcome.code, outcome.message, outcome.details),
        limit,
      );
    return withRateLimit(Response.json(outcome, { status: 201 }), limit);
  });
}
