import type { Metadata } from "next";
import { authorizePage } from "@/lib/workspaces/page-access";
import { roleAllows } from "@/lib/workspaces/access";
import { listStructure } from "@/lib/structure/data";
import { IssueList } from "@/components/structure/issue-list";
import { PartyList } from "@/components/structure/party-list";
import { PositionLabelsForm } from "@/components/structure/position-labels-form";
import { StructureOverview } from "@/components/structure/structure-overview";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/settings`);
  const canEdit = roleAllows(workspace.role, "structure:write");
  const structure = await listStructure(workspace);
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-6 py-8">
      <div>
        <h1 className="font-serif text-2xl font-semibold">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">
          The issues are the matrix&apos;s rows and the parties its columns. Archived ones leave the matrix but keep their history.
        </p>
      </div>
      {canEdit ? (
        <>
          <div className="grid gap-8 lg:grid-cols-2">
            <section aria-labelledby="issues-heading" className="space-y-3">
              <h2 id="issues-heading" className="text-lg font-semibold">Issues <span className="font-normal text-slate-500">(matrix rows)</span></h2>
              <IssueList workspaceSlug={slug} issues={structure.issues} />
            </section>
            <section aria-labelledby="parties-heading" className="space-y-3">
              <h2 id="parties-heading" className="text-lg font-semibold">Parties <span className="font-normal text-slate-500">(matrix columns)</span></h2>
              <PartyList workspaceSlug={slug} parties={structure.parties} />
            </section>
          </div>
          <PositionLabelsForm workspaceSlug={slug} labels={structure.positionLabels} />
        </>
      ) : (
        <>
          <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">Only editors and owners can change the issues, parties and position labels.</p>
          <StructureOverview structure={structure} />
        </>
      )}
    </main>
  );
}
