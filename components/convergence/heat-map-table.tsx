import type { HeatMap } from "@/lib/convergence/data";
import { readerDates } from "@/lib/platform/format/reader-locale";

// Spread in steps on the five-step scale (0–4), from agreement to opposite ends. The number is
// printed in every cell, so colour is never the only carrier.
const SPREAD_STYLES = [
  "bg-emerald-200 text-emerald-950",
  "bg-lime-200 text-lime-950",
  "bg-amber-200 text-amber-950",
  "bg-orange-300 text-orange-950",
  "bg-red-400 text-red-950",
];
const NO_SPREAD = "bg-slate-50 text-slate-600";

/** A lone party on the scale has nobody to be apart from: greyed, whatever its spread of 0. */
export function spreadStyle(spread: number | null, placed = 2): string {
  if (spread === null || placed < 2) return NO_SPREAD;
  return SPREAD_STYLES[Math.min(spread, SPREAD_STYLES.length - 1)] ?? NO_SPREAD;
}

function describeCell(title: string, day: string, cell: HeatMap["issues"][number]["cells"][number]): string {
  const spread =
    cell.spread === null
      ? "– (no party on the scale)"
      : cell.placed < 2
        ? `${cell.spread} (only one party on the scale)`
        : `spread ${cell.spread} ${cell.spread === 1 ? "step" : "steps"} across ${cell.placed} ${cell.placed === 1 ? "party" : "parties"}`;
  return `${title}, ${day}: ${spread}${cell.inZone ? ", in the zone of agreement" : ""}. Open the matrix as of that date.`;
}

/** Issues × dates, each cell a link to the matrix on that date; scrolls sideways inside its own box. */
export async function HeatMapTable({ slug, heatMap }: { slug: string; heatMap: HeatMap }) {
  const dates = await readerDates();
  if (heatMap.columns.length === 0)
    return (
      <p className="mt-3 text-sm text-slate-600">No statement has been recorded yet, so there is nothing to map.</p>
    );
  return (
    <div className="mt-3 max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white" data-testid="heat-map">
      <table className="border-separate border-spacing-0.5 text-xs">
        <caption className="sr-only">
          Spread of the parties’ positions per issue and date, in steps on the scale from Rejects to Demands
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-white px-2 text-left align-bottom font-medium">
              Issue
            </th>
            {heatMap.columns.map((date) => (
              <th key={date} scope="col" className="px-0.5 pb-1 align-bottom font-normal text-slate-600">
                <time dateTime={date} className="whitespace-nowrap [writing-mode:vertical-rl] rotate-180">
                  {dates.calendar(date)}
                </time>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatMap.issues.map((issue) => (
            <tr key={issue.issueId}>
              <th
                scope="row"
                className="sticky left-0 z-10 w-36 min-w-36 max-w-36 bg-white px-2 py-1 text-left font-medium break-words sm:w-56 sm:min-w-56 sm:max-w-56"
              >
                {issue.title}
              </th>
              {issue.cells.map((cell) => (
                <td key={cell.date} className="p-0">
                  <a
                    href={`/w/${slug}?asOf=${cell.date}`}
                    aria-label={describeCell(issue.title, dates.calendar(cell.date), cell)}
                    title={describeCell(issue.title, dates.calendar(cell.date), cell)}
                    data-date={cell.date}
                    className={`flex h-7 min-w-7 items-center justify-center rounded-sm font-medium tabular-nums focus:outline-2 focus:outline-offset-1 focus:outline-slate-900 ${spreadStyle(cell.spread, cell.placed)} ${cell.inZone ? "ring-2 ring-inset ring-emerald-700" : ""}`}
                  >
                    {cell.spread ?? "–"}
                  </a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SpreadLegend() {
  return (
    <ul aria-label="Spread" className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
      {[0, 1, 2, 3, 4].map((spread) => (
        <li key={spread} className="flex items-center gap-1">
          <span className={`inline-flex h-5 w-5 items-center justify-center rounded-sm ${spreadStyle(spread)}`}>
            {spread}
          </span>
          {spread === 0
            ? "same position"
            : spread === 4
              ? "opposite ends"
              : `${spread} steps apart`.replace("1 steps", "1 step")}
        </li>
      ))}
      <li className="flex items-center gap-1">
        <span className={`inline-flex h-5 w-5 items-center justify-center rounded-sm ${NO_SPREAD}`}>–</span>
        fewer than two parties on the scale
      </li>
      <li className="flex items-center gap-1">
        <span className="inline-block h-5 w-5 rounded-sm ring-2 ring-inset ring-emerald-700" />
        outlined: in the zone of agreement
      </li>
    </ul>
  );
}
