import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/documents/import-form";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Import a document" };

export default async function ImportDocumentPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/documents/new`);
  if (!workspaceAllows(workspace, "document:write")) notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 sm:px-6 py-8">
      <h1 className="font-serif text-2xl font-semibold">Import a document</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        After the import, Parley proposes the passages that look like attributed statements.
      </p>
      <ImportForm slug={slug} />
    </main>
  );
}
