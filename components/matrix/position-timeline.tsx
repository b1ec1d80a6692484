import Link from "next/link";
import type { Position } from "@/lib/enums";
import { POSITION_STYLES, POSITIONS } from "@/lib/matrix/positions";
import type { DateFormats } from "@/lib/platform/format/dates";
import { readerDates } from "@/lib/platform/format/reader-locale";

type Point = { id: string; position: Position; statedOn: string };
type EventMark = { id: string; title: string; occurredOn: string };

const WIDTH = 720;
const ROW = 26;
const LEFT = 150;
const RIGHT = 24;
const TOP = 12;

function dayNumber(date: string) {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** Where the chart draws things: its time and position scales, its height, and the step line through the points. */
type TimelineScale = {
  sorted: Point[];
  earliest: Point;
  latest: Point;
  /** Whether the axis stops before the as-of date (see timelineScale). */
  cut: boolean;
  shownEvents: EventMark[];
  x: (date: string) => number;
  y: (position: Position) => number;
  height: number;
  path: string;
};

function timelineScale(points: Point[], asOf: string, events: EventMark[]): TimelineScale | null {
  const sorted = [...points].sort((a, b) => (a.statedOn < b.statedOn ? -1 : a.statedOn > b.statedOn ? 1 : 0));
  const [earliest, latest] = [sorted[0], sorted.at(-1)];
  if (!earliest || !latest) return null;
  const first = dayNumber(earliest.statedOn);
  const lastStated = dayNumber(latest.statedOn);
  const span = Math.max(lastStated - first, 1);
  // An as-of date long after the last statement (today, on talks that ended years ago) would
  // squeeze the whole history into a sliver at the left: the axis then stops a little after the
  // last statement, and the as-of line stands at its right edge.
  const cut = dayNumber(asOf) > lastStated + span;
  const last = cut ? lastStated + span * 0.15 : Math.max(lastStated, dayNumber(asOf), first + 1);
  const shownEvents = events.filter((e) => dayNumber(e.occurredOn) >= first && dayNumber(e.occurredOn) <= last);
  const x = (date: string) =>
    LEFT + ((Math.min(dayNumber(date), last) - first) / (last - first)) * (WIDTH - LEFT - RIGHT);
  const y = (position: Position) => TOP + POSITIONS.indexOf(position) * ROW + ROW / 2;
  const height = TOP * 2 + POSITIONS.length * ROW;
  const path = sorted
    .map((p, i) => {
      const next = sorted[i + 1];
      const end = next ? x(next.statedOn) : x(asOf > p.statedOn ? asOf : p.statedOn);
      return `${i === 0 ? "M" : "L"}${x(p.statedOn)},${y(p.position)} H${end}`;
    })
    .join(" ");
  return { sorted, earliest, latest, cut, shownEvents, x, y, height, path };
}

/**
 * The party's position on the issue over time, as a step chart on the ordinal scale. Each point
 * links to its statement in the history below. Only statements in force (not amended) are drawn.
 */
export async function PositionTimeline({
  points,
  labels,
  asOf,
  events = [],
}: {
  points: Point[];
  labels: Record<string, string>;
  asOf: string;
  /** The party's events, drawn as marks on the time axis within the chart's span. */
  events?: EventMark[];
}) {
  const dates = await readerDates();
  const scale = timelineScale(points, asOf, events);
  if (!scale) return null;
  const { x, y, height } = scale;
  return (
    <figure className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} aria-labelledby="timeline-title" className="w-full">
        <title id="timeline-title">Position over time</title>
        {POSITIONS.map((position) => (
          <g key={position}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(position)} y2={y(position)} stroke="#e2e8f0" />
            <text x={LEFT - 8} y={y(position) + 4} textAnchor="end" fontSize="11" fill="#475569">
              {labels[position]}
            </text>
          </g>
        ))}
        <path d={scale.path} fill="none" stroke="#4338ca" strokeWidth="2" />
        <line x1={x(asOf)} x2={x(asOf)} y1={TOP} y2={height - TOP} stroke="#a21caf" strokeDasharray="4 3" />
        {scale.shownEvents.map((e) => (
          <EventDiamond key={e.id} event={e} scale={scale} dates={dates} />
        ))}
        {scale.sorted.map((p) => (
          <StatementDot key={p.id} point={p} scale={scale} labels={labels} dates={dates} />
        ))}
      </svg>
      <TimelineCaption scale={scale} asOf={asOf} dates={dates} />
    </figure>
  );
}

function EventDiamond({ event: e, scale, dates }: { event: EventMark; scale: TimelineScale; dates: DateFormats }) {
  const { x, height } = scale;
  return (
    <Link href={`#event-${e.id}`}>
      <line x1={x(e.occurredOn)} x2={x(e.occurredOn)} y1={TOP} y2={height - TOP} stroke="#f59e0b" strokeOpacity="0.5" />
      <rect
        x={x(e.occurredOn) - 5}
        y={height - TOP - 5}
        width="10"
        height="10"
        transform={`rotate(45 ${x(e.occurredOn)} ${height - TOP})`}
        className="fill-amber-500 stroke-white"
        strokeWidth="1.5"
      >
        <title>{`Event: ${e.title} — ${dates.calendar(e.occurredOn)}`}</title>
      </rect>
    </Link>
  );
}

function StatementDot({
  point: p,
  scale,
  labels,
  dates,
}: {
  point: Point;
  scale: TimelineScale;
  labels: Record<string, string>;
  dates: DateFormats;
}) {
  return (
    <Link href={`#statement-${p.id}`}>
      <circle
        cx={scale.x(p.statedOn)}
        cy={scale.y(p.position)}
        r="6"
        className={`${POSITION_STYLES[p.position].fill} stroke-white`}
        strokeWidth="2"
      >
        <title>{`${labels[p.position]} — ${dates.calendar(p.statedOn)}`}</title>
      </circle>
    </Link>
  );
}

function TimelineCaption({ scale, asOf, dates }: { scale: TimelineScale; asOf: string; dates: DateFormats }) {
  const { earliest, latest, cut } = scale;
  return (
    <figcaption className="mt-1 flex justify-between text-xs text-slate-500">
      <span>{dates.calendar(earliest.statedOn)}</span>
      <span className="text-fuchsia-800">
        dashed line: {dates.calendar(asOf)}
        {scale.shownEvents.length > 0 ? <span className="text-amber-800"> · diamonds: events</span> : null}
      </span>
      <span>
        {cut
          ? `${dates.calendar(latest.statedOn)} … ${dates.calendar(asOf)}`
          : dates.calendar(latest.statedOn > asOf ? latest.statedOn : asOf)}
      </span>
    </figcaption>
  );
}
