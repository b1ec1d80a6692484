import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StanceImportForm } from "@/components/stance-import/stance-import-form";
import { listStructure } from "@/lib/structure/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Import stances from a spreadsheet" };

export default async function ImportStancesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ start?: string | string[] }>;
}) {
  const [{ slug }, { start }] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/import/stances`);
  if (!workspaceAllows(workspace, "stance:write")) notFound();
  const { positionLabels } = await listStructure(workspace);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="font-serif text-2xl font-semibold">Import stances from a spreadsheet</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        One stance a row, with the columns issue, party, position, summary and date, and optionally a source URL and a
        quote. You see every row the import would create or refuse, and why, before anything is written.{" "}
        <Link href={`/w/${slug}`} className="underline">
          Back to the matrix
        </Link>
      </p>
      {/* Arriving from a new workspace, its rows and columns are to come from the sheet. */}
      <StanceImportForm
        slug={slug}
        labels={positionLabels}
        canCreate={workspaceAllows(workspace, "structure:write")}
        createMissing={start === "sheet"}
      />
    </main>
  );
}
