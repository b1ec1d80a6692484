import type { Metadata } from "next";
import { IssueLinksEditor } from "@/components/issue-links/issue-links-editor";
import { ReviewModeForm } from "@/components/review/review-mode-form";
import { StructureEditor } from "@/components/structure/structure-editor";
import { StructureOverview } from "@/components/structure/structure-overview";
import { ArchiveControl, DeleteWorkspaceForm, WorkspaceDetailsForm } from "@/components/workspaces/workspace-settings";
import { listIssueLinks } from "@/lib/issue-links/data";
import { readReviewMode } from "@/lib/review/data";
import { listStructure } from "@/lib/structure/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { getWorkspaceDetails } from "@/lib/workspaces/data";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/settings`);
  const canEdit = workspaceAllows(workspace, "structure:write");
  const isOwner = workspaceAllows(workspace, "workspace:lifecycle");
  const [structure, details, reviewMode, issueLinks] = await Promise.all([
    listStructure(workspace),
    getWorkspaceDetails(workspace),
    readReviewMode(workspace),
    listIssueLinks(workspace),
  ]);
  const current = { slug, title: workspace.title, description: details.description, archived: workspace.archived };
  return (
    <main className="mx-auto max-w-6xl space-y-10 px-4 py-8 sm:px-6">
      <div>
        <h1 className="font-serif text-2xl font-semibold">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">
          The issues are the matrix&apos;s rows and the parties its columns. Archived ones leave the matrix but keep
          their history.
        </p>
      </div>
      {isOwner ? (
        <section aria-labelledby="details-heading" className="space-y-3">
          <h2 id="details-heading" className="text-lg font-semibold">
            Workspace
          </h2>
          <WorkspaceDetailsForm workspace={current} canEdit={workspaceAllows(workspace, "workspace:settings")} />
          {workspaceAllows(workspace, "workspace:settings") ? (
            <ReviewModeForm workspaceSlug={slug} reviewMode={reviewMode} />
          ) : null}
        </section>
      ) : null}
      {canEdit ? (
        <StructureEditor slug={slug} structure={structure} />
      ) : (
        <>
          <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
            {workspace.archived
              ? "The workspace is archived, so its issues, parties and position labels cannot be changed."
              : "Only editors and owners can change the issues, parties and position labels."}
          </p>
          <StructureOverview structure={structure} />
        </>
      )}
      <IssueLinksEditor
        slug={slug}
        links={issueLinks}
        issues={structure.issues.filter((i) => !i.archivedAt).map((i) => ({ id: i.id, name: i.title }))}
        parties={structure.parties.filter((p) => !p.archivedAt).map((p) => ({ id: p.id, name: p.name }))}
        canEdit={canEdit}
      />
      {isOwner ? (
        <section
          id="lifecycle"
          aria-labelledby="lifecycle-heading"
          className="space-y-6 rounded-lg border border-red-200 bg-white p-4 sm:p-6"
        >
          <h2 id="lifecycle-heading" className="text-lg font-semibold">
            Archive or delete
          </h2>
          <ArchiveControl workspace={current} />
          <DeleteWorkspaceForm workspace={current} />
        </section>
      ) : null}
    </main>
  );
}
