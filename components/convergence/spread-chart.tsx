import { Group } from "@visx/group";
import { scaleLinear, scaleUtc } from "@visx/scale";
import { LinePath } from "@visx/shape";
import type { SpreadTrendPoint } from "@/lib/convergence/trend";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import type { DateFormats } from "@/lib/platform/format/dates";
import { readerDates } from "@/lib/platform/format/reader-locale";

// Drawn on the server (visx renders plain SVG): no chart code reaches the browser, and the table
// view is a <details>, so both work without JavaScript.
const WIDTH = 720;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 20, bottom: 32, left: 40 };
const STEPS = [0, 1, 2, 3, 4];
const DAY = 86_400_000;

function describePoint(day: string, point: SpreadTrendPoint): string {
  const issues = `${point.measured} ${point.measured === 1 ? "issue" : "issues"}`;
  const zone = `${point.inZone} in the zone of agreement`;
  return point.meanSpread === null
    ? `${day}: no issue with two parties on the scale; ${zone}. Open the matrix as of that date.`
    : `${day}: mean spread ${point.meanSpread.toFixed(2)} steps over ${issues}; ${zone}. Open the matrix as of that date.`;
}

/** The chart's scales over the points' dates (first and last given) and steps 0–4, and the date ticks. */
function spreadScales(points: readonly SpreadTrendPoint[], first: Date, last: Date) {
  // One column alone still needs a span to sit in the middle of.
  const domain =
    first.getTime() === last.getTime()
      ? [new Date(first.getTime() - DAY), new Date(last.getTime() + DAY)]
      : [first, last];
  const x = scaleUtc({ domain, range: [MARGIN.left, WIDTH - MARGIN.right] });
  const y = scaleLinear({ domain: [0, 4], range: [HEIGHT - MARGIN.bottom, MARGIN.top] });
  const at = (point: SpreadTrendPoint) => ({ cx: x(fromCalendarDate(point.date)), cy: y(point.meanSpread ?? 0) });
  return { x, y, at, ticks: x.ticks(Math.min(5, points.length)) };
}

type Scales = ReturnType<typeof spreadScales>;

/** The step lines with their labels, and the date ticks under the plot. */
function SpreadAxes({ scales: { x, y, ticks }, dates }: { scales: Scales; dates: DateFormats }) {
  return (
    <>
      {STEPS.map((step) => (
        <g key={step}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(step)} y2={y(step)} className="stroke-slate-200" />
          <text x={MARGIN.left - 8} y={y(step)} dy="0.32em" textAnchor="end" className="fill-slate-600 text-[11px]">
            {step}
          </text>
        </g>
      ))}
      {ticks.map((tick) => (
        <text
          key={tick.getTime()}
          x={x(tick)}
          y={HEIGHT - MARGIN.bottom + 18}
          textAnchor="middle"
          className="fill-slate-600 text-[11px]"
        >
          {dates.calendar(toCalendarDate(tick))}
        </text>
      ))}
    </>
  );
}

type PointsProps = { slug: string; points: readonly SpreadTrendPoint[]; dates: DateFormats };

/** Each measured date as a point that opens the matrix as of that date. */
function SpreadPoints({ slug, points, dates, at }: PointsProps & { at: Scales["at"] }) {
  const plotted = points.filter((point) => point.meanSpread !== null);
  return (
    <>
      {plotted.map((point) => {
        const label = describePoint(dates.calendar(point.date), point);
        return (
          <a key={point.date} href={`/w/${slug}?asOf=${point.date}`} aria-label={label} className="group outline-none">
            <title>{label}</title>
            <circle
              {...at(point)}
              r={9}
              className="fill-transparent stroke-transparent stroke-2 group-hover:stroke-slate-400 group-focus-visible:stroke-blue-700"
            />
            <circle {...at(point)} r={4} className="fill-white stroke-slate-800 stroke-2" data-date={point.date} />
          </a>
        );
      })}
    </>
  );
}

/** The chart's figures as a table, behind a <details> that works without JavaScript. */
function SpreadTable({ slug, points, dates }: PointsProps) {
  return (
    <details className="group mt-2 text-sm">
      <summary className="cursor-pointer text-slate-800 underline underline-offset-2">
        <span className="group-open:hidden">Show as table</span>
        <span className="hidden group-open:inline">Hide the table</span>
      </summary>
      <div className="mt-2 max-h-96 overflow-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-xs tabular-nums">
          <caption className="sr-only">Mean spread across issues, per date: the chart’s figures</caption>
          <thead className="sticky top-0 bg-white">
            <tr>
              {["Date", "Mean spread (steps)", "Issues measured", "In the zone of agreement"].map((heading) => (
                <th key={heading} scope="col" className="px-2 py-1 font-medium">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.date} className="border-t border-slate-100">
                <th scope="row" className="px-2 py-1 font-normal">
                  <a className="underline underline-offset-2" href={`/w/${slug}?asOf=${point.date}`}>
                    <time dateTime={point.date}>{dates.calendar(point.date)}</time>
                  </a>
                </th>
                <td className="px-2 py-1">{point.meanSpread === null ? "–" : point.meanSpread.toFixed(2)}</td>
                <td className="px-2 py-1">{point.measured}</td>
                <td className="px-2 py-1">{point.inZone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The mean spread across issues on every heat-map column, as a line chart with its table view. */
export async function SpreadChart({ slug, points }: { slug: string; points: readonly SpreadTrendPoint[] }) {
  const [start, end] = [points[0], points.at(-1)];
  if (!start || !end) return null;
  const dates = await readerDates();
  const scales = spreadScales(points, fromCalendarDate(start.date), fromCalendarDate(end.date));

  return (
    <figure className="mt-3 max-w-3xl" data-testid="spread-chart">
      <figcaption id="spread-chart-title" className="text-sm font-medium">
        Mean spread across issues, per date
      </figcaption>
      <div className="mt-1 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <svg
          aria-labelledby="spread-chart-title"
          aria-describedby="spread-chart-desc"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="block h-auto w-full min-w-[34rem]"
        >
          <title>Mean spread across issues, per date</title>
          <desc id="spread-chart-desc">
            Line chart: for each date of the heat map, the mean number of steps between the furthest-apart parties, over
            the issues with at least two parties on the scale (0 = all agree, 4 = opposite ends). Each point opens the
            matrix as of its date; the same figures are in the table view below.
          </desc>
          <Group>
            <SpreadAxes scales={scales} dates={dates} />
            <LinePath
              data={[...points]}
              defined={(point) => point.meanSpread !== null}
              x={(point) => scales.at(point).cx}
              y={(point) => scales.at(point).cy}
              className="fill-none stroke-slate-800"
              strokeWidth={2}
            />
            <SpreadPoints slug={slug} points={points} dates={dates} at={scales.at} />
          </Group>
        </svg>
      </div>
      <SpreadTable slug={slug} points={points} dates={dates} />
    </figure>
  );
}
