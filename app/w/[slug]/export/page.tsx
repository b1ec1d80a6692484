import type { Metadata } from "next";
import { ExportLinks } from "@/components/exports/export-links";
import { ImportWorkspaceForm } from "@/components/exports/import-workspace-form";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { AsOfSchema } from "@/lib/matrix/schema";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Export" };

export default async function ExportPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ asOf?: string; from?: string }>;
}) {
  const [{ slug }, { asOf: rawAsOf, from: rawFrom }] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/export`);
  const asOf = rawAsOf ? AsOfSchema.safeParse(rawAsOf) : null;
  const shownAsOf = asOf?.success ? asOf.data : todayCalendarDate();
  const from = rawFrom ? AsOfSchema.safeParse(rawFrom) : null;
  return (
    <main className="mx-auto max-w-4xl space-y-10 px-4 sm:px-6 py-8">
      <section aria-labelledby="export-heading" className="space-y-4">
        <div>
          <h1 id="export-heading" className="font-serif text-2xl font-semibold">
            Export
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            Download {workspace.title} as a table, a briefing, annotations, or a complete copy.
          </p>
        </div>
        <ExportLinks
          slug={workspace.slug}
          asOf={shownAsOf}
          from={from?.success && from.data < shownAsOf ? from.data : null}
          rejectedAsOf={asOf && !asOf.success ? rawAsOf! : null}
        />
      </section>
      <section aria-labelledby="import-heading" className="space-y-3">
        <div>
          <h2 id="import-heading" className="text-lg font-semibold">
            Import a workspace
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Recreates an exported workspace — documents, quotes, statements and comments — as a new workspace. This one
            is not changed.
          </p>
        </div>
        <ImportWorkspaceForm />
      </section>
    </main>
  );
}
