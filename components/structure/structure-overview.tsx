import { PartySwatch } from "@/components/structure/party-swatch";
import { DEFAULT_POSITION_LABELS, POSITION_STYLES, POSITIONS } from "@/lib/matrix/positions";
import type { Structure } from "@/lib/structure/data";

function Archived() {
  return <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">archived</span>;
}

/** The structure for members who may read it but not change it. */
export function StructureOverview({ structure }: { structure: Structure }) {
  return (
    <div className="space-y-8">
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="issues-heading">
          <h2 id="issues-heading" className="text-lg font-semibold">
            Issues <span className="font-normal text-slate-500">(matrix rows)</span>
          </h2>
          <ol className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {structure.issues.map((issue) => (
              <li key={issue.id} className={`px-4 py-3 ${issue.archivedAt ? "text-slate-500" : ""}`}>
                <p className="font-medium">
                  {issue.title}
                  {issue.archivedAt ? <Archived /> : null}
                </p>
                {issue.description ? <p className="mt-0.5 text-sm text-slate-600">{issue.description}</p> : null}
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="parties-heading">
          <h2 id="parties-heading" className="text-lg font-semibold">
            Parties <span className="font-normal text-slate-500">(matrix columns)</span>
          </h2>
          <ol className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {structure.parties.map((party) => (
              <li
                key={party.id}
                className={`flex items-center gap-2 px-4 py-3 ${party.archivedAt ? "text-slate-500" : ""}`}
              >
                <PartySwatch colour={party.colour} />
                <span className="font-medium">{party.name}</span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{party.shortName}</span>
                {party.archivedAt ? <Archived /> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
      <section aria-labelledby="position-labels-heading">
        <h2 id="position-labels-heading" className="text-lg font-semibold">
          Position labels
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
          {POSITIONS.map((position) => (
            <div key={position} className="flex items-center gap-2">
              <dt className="flex items-center gap-2 text-slate-500">
                <span
                  aria-hidden="true"
                  className={`inline-block h-3 w-3 rounded-sm ${POSITION_STYLES[position].swatch}`}
                />
                {DEFAULT_POSITION_LABELS[position]}:
              </dt>
              <dd className="font-medium">{structure.positionLabels[position]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
