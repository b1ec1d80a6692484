import type { Metadata } from "next";
import { MatrixBoard } from "@/components/matrix/matrix-board";
import { DateControl } from "@/components/matrix/date-control";
import { PositionLegend } from "@/components/matrix/position-legend";
import { authorizePage } from "@/lib/workspaces/page-access";
import { getMatrix, listChangeDates } from "@/lib/matrix/data";
import { AsOfSchema } from "@/lib/matrix/schema";
import { formatCalendarDate, todayCalendarDate } from "@/lib/matrix/dates";

export const metadata: Metadata = { title: "Stance matrix" };

export default async function MatrixPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ asOf?: string }> }) {
  const [{ slug }, { asOf: rawAsOf }] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}${rawAsOf ? `?asOf=${encodeURIComponent(rawAsOf)}` : ""}`);
  const asOf = AsOfSchema.safeParse(rawAsOf ?? todayCalendarDate());
  if (!asOf.success) {
    return (
      <main className="mx-auto max-w-3xl px-6 py-10">
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
          “{rawAsOf}” is not a date Parley understands. Write it as YYYY-MM-DD, for example <a className="underline" href={`/w/${slug}?asOf=2022-01-27`}>2022-01-27</a>.
        </div>
      </main>
    );
  }
  const [matrix, changeDates] = await Promise.all([getMatrix(workspace, asOf.data), listChangeDates(workspace)]);
  return (
    <main className="mx-auto max-w-[1400px] px-6 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-2xl font-semibold">{workspace.title}</h1>
          <p className="mt-1 text-sm text-slate-600">Each cell shows the party’s latest stated stance as of {formatCalendarDate(matrix.asOf)}.</p>
        </div>
        <DateControl slug={slug} asOf={matrix.asOf} changeDates={changeDates} />
      </div>
      <div className="mt-6">
        <MatrixBoard initial={matrix} />
      </div>
      <PositionLegend labels={matrix.positionLabels} />
    </main>
  );
}
