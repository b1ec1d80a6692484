import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CorrectForm } from "@/components/documents/correct-form";
import { getDocument } from "@/lib/documents/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Correct a document" };

export default async function CorrectDocumentPage({
  params,
}: {
  params: Promise<{ slug: string; documentId: string }>;
}) {
  const { slug, documentId } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/documents/${documentId}/correct`);
  if (!workspaceAllows(workspace, "document:write") || !z.uuid().safeParse(documentId).success) notFound();
  const document = await getDocument(workspace, documentId);
  if (!document) notFound();
  return (
    <main className="mx-auto max-w-4xl px-4 sm:px-6 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/w/${slug}/documents/${documentId}`} className="text-indigo-700 underline">
          {document.title}
        </Link>
      </nav>
      <h1 className="mt-3 font-serif text-2xl font-semibold">Correct the text</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        The correction becomes revision {document.revision.number + 1}; revision {document.revision.number} is kept.
        Every quote is re-anchored and marked anchored, moved, changed or orphaned; changed and orphaned quotes go to
        the review list.
      </p>
      <CorrectForm slug={slug} documentId={documentId} revision={document.revision} />
    </main>
  );
}
