import type { Metadata } from "next";
import Link from "next/link";
import { listDocuments } from "@/lib/documents/data";
import { readerDates } from "@/lib/platform/format/reader-locale";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Documents" };

export default async function DocumentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const dates = await readerDates();
  const { slug } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/documents`);
  const documents = await listDocuments(workspace);
  return (
    <main className="mx-auto max-w-4xl px-4 sm:px-6 py-8">
      <div className="flex items-center justify-between">
        <h1 className="font-serif text-2xl font-semibold">Documents</h1>
        {workspaceAllows(workspace, "document:write") ? (
          <Link
            href={`/w/${slug}/documents/new`}
            className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white"
          >
            Import a document
          </Link>
        ) : null}
      </div>
      <ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {documents.map((d) => (
          <li key={d.id} className="p-4">
            <Link href={`/w/${slug}/documents/${d.id}`} className="font-medium text-indigo-800 hover:underline">
              {d.title}
            </Link>
            <p className="mt-1 text-sm text-slate-600">
              {[d.outlet, d.publishedOn ? dates.calendar(d.publishedOn) : "no date", `${d.evidenceCount} quotes`].join(
                " · ",
              )}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
