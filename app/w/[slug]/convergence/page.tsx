import type { Metadata } from "next";
import { DateForm } from "@/components/convergence/date-form";
import { HeatMapTable, SpreadLegend } from "@/components/convergence/heat-map-table";
import { SpreadChart } from "@/components/convergence/spread-chart";
import { WhatMovedList } from "@/components/convergence/what-moved-list";
import { ZoneList } from "@/components/convergence/zone-list";
import { CalendarDate } from "@/components/ui/calendar-date";
import { getConvergence, getHeatMap, getWhatMoved, type HeatMap } from "@/lib/convergence/data";
import type { WhatMoved } from "@/lib/convergence/digest";
import { type ConvergenceQuery, ConvergenceQuerySchema } from "@/lib/convergence/schema";
import { spreadTrend } from "@/lib/convergence/trend";
import type { ConvergenceView } from "@/lib/convergence/view";
import { convergenceDates } from "@/lib/convergence/window";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { readerLocale } from "@/lib/platform/format/reader-locale";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Convergence" };

export default async function ConvergencePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ asOf?: string; from?: string; to?: string }>;
}) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/convergence`);
  const query = ConvergenceQuerySchema.safeParse({ asOf: raw.asOf, from: raw.from, to: raw.to });
  if (!query.success) return <BadQuery slug={slug} message={query.error.issues[0]?.message} />;
  const heatMap = await getHeatMap(workspace);
  const { asOf, from, to } = convergenceDates(heatMap.columns, query.data, todayCalendarDate());
  const [view, digest] = await Promise.all([
    getConvergence(workspace, asOf),
    getWhatMoved(workspace, from, to, await readerLocale()),
  ]);
  const here = `/w/${slug}/convergence`;

  return (
    <main className="mx-auto max-w-[1400px] px-4 py-6 sm:px-6 sm:py-8">
      <h1 className="font-serif text-2xl font-semibold">Convergence</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        How far apart the parties are on each issue, in steps on the scale Rejects · Opposes · Open to negotiate ·
        Supports · Demands. Conditional stances and “no stated position” are not on the scale and do not count;
        retracted statements never do.
      </p>
      <SpreadSection slug={slug} heatMap={heatMap} />
      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <ZoneSection slug={slug} here={here} view={view} query={query.data} />
        <MovedSection here={here} digest={digest} query={query.data} />
      </div>
    </main>
  );
}

function BadQuery({ slug, message }: { slug: string; message: string | undefined }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
        {message} Try{" "}
        <a className="underline" href={`/w/${slug}/convergence?asOf=2022-01-27`}>
          a date written as YYYY-MM-DD
        </a>
        .
      </div>
    </main>
  );
}

function SpreadSection({ slug, heatMap }: { slug: string; heatMap: HeatMap }) {
  return (
    <section aria-labelledby="heat-map-heading" className="mt-6">
      <h2 id="heat-map-heading" className="text-lg font-semibold">
        Spread over time
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        One column per {heatMap.columns.length > 0 && heatMap.columns.length <= 60 ? "change date" : "week"}; choose a
        cell to open the matrix on that date.
      </p>
      <SpreadChart slug={slug} points={spreadTrend(heatMap.columns, heatMap.issues)} />
      <HeatMapTable slug={slug} heatMap={heatMap} />
      <SpreadLegend />
    </section>
  );
}

function ZoneSection({
  slug,
  here,
  view,
  query,
}: {
  slug: string;
  here: string;
  view: ConvergenceView;
  query: ConvergenceQuery;
}) {
  return (
    <section aria-labelledby="zone-heading" className="min-w-0">
      <h2 id="zone-heading" className="text-lg font-semibold">
        Zone of possible agreement as of <CalendarDate value={view.asOf} />
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Issues on which at least two parties are on the scale and every one is within one step of the others; a
        conditional offer whose condition is met counts as agreeing.
      </p>
      <DateForm
        action={here}
        fields={[{ name: "asOf", label: "As of", value: view.asOf }]}
        keep={{ from: query.from, to: query.to }}
        submit="Show"
      />
      <ZoneList slug={slug} view={view} />
    </section>
  );
}

function MovedSection({ here, digest, query }: { here: string; digest: WhatMoved; query: ConvergenceQuery }) {
  return (
    <section aria-labelledby="moved-heading" className="min-w-0">
      <h2 id="moved-heading" className="text-lg font-semibold">
        What moved from <CalendarDate value={digest.from} /> to <CalendarDate value={digest.to} />
      </h2>
      <DateForm
        action={here}
        fields={[
          { name: "from", label: "From", value: digest.from },
          { name: "to", label: "To", value: digest.to },
        ]}
        keep={{ asOf: query.asOf }}
        submit="Compare"
      />
      <WhatMovedList digest={digest} />
    </section>
  );
}
