import "server-only";
import type { QuoteOrder } from "@/lib/evidence/pairs";
import { formatBriefingHtml } from "@/lib/exports/briefing-html";
import { formatMatrixCsv } from "@/lib/exports/csv";
import { findBriefingDigest, getEvidenceExport, getMatrixExport, getWorkspaceExport } from "@/lib/exports/data";
import { formatBriefingMarkdown } from "@/lib/exports/markdown";
import { formatMatrixJson } from "@/lib/exports/matrix-json";
import type { ExportFormat } from "@/lib/exports/schema";
import { ANNOTATION_MEDIA_TYPE, formatEvidenceAnnotations } from "@/lib/exports/w3c";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { env } from "@/lib/platform/env";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

export type ExportFile = { body: string; contentType: string; filename: string };

async function getBriefing(workspace: AuthorizedWorkspace, asOf: string, quoteOrder: QuoteOrder, from?: string) {
  const [matrix, whatMoved] = await Promise.all([
    getMatrixExport(workspace, asOf, { threads: true, changes: true, quoteOrder }),
    findBriefingDigest(workspace, asOf, from, env().PARLEY_PUBLIC_URL),
  ]);
  return { ...matrix, whatMoved };
}

/** The export of `workspace` in `format`; asOf dates the matrix and briefing formats only. */
export async function renderExport(
  workspace: AuthorizedWorkspace,
  format: ExportFormat,
  asOf: string,
  quoteOrder: QuoteOrder = "original",
  digestFrom?: string,
): Promise<ExportFile> {
  const name = (what: string, extension: string) => `${workspace.slug}-${what}.${extension}`;
  switch (format) {
    case "csv":
      return {
        body: formatMatrixCsv(await getMatrixExport(workspace, asOf, { threads: false, quoteOrder })),
        contentType: "text/csv; charset=utf-8; header=present",
        filename: name(`matrix-${asOf}`, "csv"),
      };
    case "json":
      return {
        body: formatMatrixJson(await getMatrixExport(workspace, asOf, { threads: false, quoteOrder })),
        contentType: "application/json; charset=utf-8",
        filename: name(`matrix-${asOf}`, "json"),
      };
    case "md":
      return {
        body: formatBriefingMarkdown(await getBriefing(workspace, asOf, quoteOrder, digestFrom)),
        contentType: "text/markdown; charset=utf-8; variant=GFM",
        filename: name(`briefing-${asOf}`, "md"),
      };
    case "html":
      return {
        body: formatBriefingHtml(await getBriefing(workspace, asOf, quoteOrder, digestFrom)),
        contentType: "text/html; charset=utf-8",
        filename: name(`briefing-${asOf}`, "html"),
      };
    case "w3c":
      return {
        body: formatEvidenceAnnotations(await getEvidenceExport(workspace), { baseUrl: env().PARLEY_PUBLIC_URL }),
        contentType: ANNOTATION_MEDIA_TYPE,
        filename: name("quotes", "jsonld"),
      };
    case "workspace":
      return {
        body: `${JSON.stringify(await getWorkspaceExport(workspace), null, 2)}\n`,
        contentType: "application/json; charset=utf-8",
        filename: name(`workspace-${todayCalendarDate()}`, "json"),
      };
  }
}

/**
 * An export as an HTTP download: never shown inline, and sandboxed so a briefing opened from here
 * runs nothing. Slugs are [a-z0-9-], so the file name needs no encoding.
 */
export function exportDownload(file: ExportFile): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
