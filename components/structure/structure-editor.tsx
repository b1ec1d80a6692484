import { IssueList } from "@/components/structure/issue-list";
import { PartyList } from "@/components/structure/party-list";
import { PositionLabelsForm } from "@/components/structure/position-labels-form";
import type { Structure } from "@/lib/structure/data";

/** The matrix's rows and columns side by side, then its position labels, for an editor to change. */
export function StructureEditor({ slug, structure }: { slug: string; structure: Structure }) {
  return (
    <>
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="issues-heading" className="min-w-0 space-y-3">
          <h2 id="issues-heading" className="text-lg font-semibold">
            Issues <span className="font-normal text-slate-500">(matrix rows)</span>
          </h2>
          <IssueList workspaceSlug={slug} issues={structure.issues} />
        </section>
        <section aria-labelledby="parties-heading" className="min-w-0 space-y-3">
          <h2 id="parties-heading" className="text-lg font-semibold">
            Parties <span className="font-normal text-slate-500">(matrix columns)</span>
          </h2>
          <PartyList workspaceSlug={slug} parties={structure.parties} />
        </section>
      </div>
      <PositionLabelsForm workspaceSlug={slug} labels={structure.positionLabels} />
    </>
  );
}
