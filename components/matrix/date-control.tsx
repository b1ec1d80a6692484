"use client";

import { DateInput } from "@/components/ui/date-input";
import { useDates } from "@/components/ui/date-locale";
import { EARLIEST_DATE } from "@/lib/matrix/calendar";
import { useDateNavigation } from "./use-date-navigation";

type EventOption = { id: string; title: string; occurredOn: string };

/** The as-of date and the compare date live in the URL, so every view is a permalink. */
type Props = {
  slug: string;
  asOf: string;
  compare: string | null;
  previous: string | null;
  next: string | null;
  /** The workspace's events, in date order: choosing one sets the as-of date to its day. */
  events?: EventOption[];
};

type Go = (date: string, compareWith?: string | null) => void;

export function DateControl({ slug, asOf, compare, previous, next, events = [] }: Props) {
  const dates = useDates();
  const { pending, go } = useDateNavigation(slug, compare);
  return (
    <div className="flex flex-wrap items-center gap-2" aria-busy={pending}>
      <button
        type="button"
        disabled={!previous}
        onClick={() => previous && go(previous)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-40"
        title={previous ? `Previous change: ${dates.calendar(previous)}` : "No earlier change"}
      >
        ← Previous change
      </button>
      <label className="flex items-center gap-2 text-sm">
        <span className="font-medium">As of</span>
        <DateInput
          name="asOf"
          value={asOf}
          min={EARLIEST_DATE}
          onChange={(event) => event.target.value && go(event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
        />
      </label>
      <button
        type="button"
        disabled={!next}
        onClick={() => next && go(next)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-40"
        title={next ? `Next change: ${dates.calendar(next)}` : "No later change"}
      >
        Next change →
      </button>
      {events.length > 0 ? <EventJump events={events} asOf={asOf} go={go} /> : null}
      <CompareControl asOf={asOf} compare={compare} go={go} />
      {pending ? <span className="text-xs text-slate-500">Loading…</span> : null}
    </div>
  );
}

function EventJump({ events, asOf, go }: { events: EventOption[]; asOf: string; go: Go }) {
  const dates = useDates();
  return (
    <label className="flex min-w-0 max-w-full items-center gap-2 text-sm">
      <span className="whitespace-nowrap font-medium">Jump to event</span>
      <select
        name="event"
        value={events.find((e) => e.occurredOn === asOf)?.id ?? ""}
        onChange={(event) => {
          const chosen = events.find((e) => e.id === event.target.value);
          if (chosen) go(chosen.occurredOn);
        }}
        className="min-w-0 max-w-[16rem] rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        <option value="">Choose an event…</option>
        {events.map((e) => (
          <option key={e.id} value={e.id}>
            {dates.calendar(e.occurredOn)} — {e.title}
          </option>
        ))}
      </select>
    </label>
  );
}

function CompareControl({ asOf, compare, go }: { asOf: string; compare: string | null; go: Go }) {
  return (
    <>
      <label className="ml-2 flex items-center gap-2 text-sm">
        <span className="font-medium">Compare with</span>
        <DateInput
          name="compare"
          value={compare ?? ""}
          min={EARLIEST_DATE}
          onChange={(event) => go(asOf, event.target.value || null)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
        />
      </label>
      {compare ? (
        <button
          type="button"
          onClick={() => go(asOf, null)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          Stop comparing
        </button>
      ) : null}
    </>
  );
}
