import type { ConvergenceView } from "@/lib/convergence/view";

function positionsLine(view: ConvergenceView, issue: ConvergenceView["issues"][number]): string {
  const name = new Map(view.parties.map((p) => [p.id, p.name]));
  return issue.positions
    .map(
      (p) =>
        `${name.get(p.partyId)}: ${view.positionLabels[p.position] ?? p.position}${p.conditionMet === true ? " (conditional offer, condition met)" : p.conditionMet === false ? " (conditional offer, condition not met)" : ""}`,
    )
    .join(" · ");
}

/** The zone of possible agreement as of the view's date, then the other issues, furthest apart first. */
export function ZoneList({ slug, view }: { slug: string; view: ConvergenceView }) {
  const inZone = view.issues.filter((i) => i.inZone);
  const apart = view.issues.filter((i) => !i.inZone).sort((a, b) => (b.spread ?? -1) - (a.spread ?? -1));
  const href = `/w/${slug}?asOf=${view.asOf}`;
  return (
    <>
      {inZone.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">No issue is in the zone of possible agreement on this date.</p>
      ) : (
        <ul aria-label="In the zone of possible agreement" className="mt-3 space-y-2">
          {inZone.map((issue) => (
            <li key={issue.issueId} className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
              <a href={href} className="font-medium text-emerald-950 underline">
                {issue.title}
              </a>{" "}
              <span className="text-emerald-900">
                ({issue.spread === null ? "agreeing offers" : issue.spread === 0 ? "same position" : "one step apart"})
              </span>
              <p className="mt-1 break-words text-slate-700">{positionsLine(view, issue)}</p>
            </li>
          ))}
        </ul>
      )}
      {apart.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-semibold">Not in the zone</h3>
          <ul aria-label="Not in the zone" className="mt-2 space-y-1 text-sm">
            {apart.map((issue) => (
              <li key={issue.issueId} className="break-words">
                <span className="font-medium">{issue.title}</span>:{" "}
                {issue.spread === null
                  ? "no party on the scale"
                  : issue.positions.filter((p) => p.step !== null).length < 2
                    ? "only one party on the scale"
                    : `${issue.spread} steps apart`}
                {issue.positions.length > 0 ? (
                  <span className="text-slate-600"> — {positionsLine(view, issue)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
