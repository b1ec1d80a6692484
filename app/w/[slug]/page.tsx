import type { Metadata } from "next";
import { MatrixBoard } from "@/components/matrix/matrix-board";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { DateControl } from "@/components/matrix/date-control";
import { PositionLegend } from "@/components/matrix/position-legend";
import { authorizePage } from "@/lib/workspaces/page-access";
import { adjacentChangeDates, getMatrix } from "@/lib/matrix/data";
import { AsOfSchema } from "@/lib/matrix/schema";
import { formatCalendarDate, todayCalendarDate } from "@/lib/matrix/dates";
import { diffMatrices } from "@/lib/matrix/compare";
import { roleAllows } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Stance matrix" };

type SearchParams = Promise<{ asOf?: string; compare?: string; cell?: string }>;

export default async function MatrixPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const [{ slug }, { asOf: rawAsOf, compare: rawCompare, cell }] = await Promise.all([params, searchParams]);
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
  const compareFrom = rawCompare ? AsOfSchema.safeParse(rawCompare) : null;
  if (compareFrom && !compareFrom.success) {
    return (
      <main className="mx-auto max-w-3xl px-6 py-10">
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
          “{rawCompare}” is not a date to compare with. Write it as YYYY-MM-DD.
        </div>
      </main>
    );
  }
  const [matrix, changeDates, earlier] = await Promise.all([
    getMatrix(workspace, asOf.data),
    adjacentChangeDates(workspace, asOf.data),
    compareFrom ? getMatrix(workspace, compareFrom.data) : null,
  ]);
  const changes = earlier ? diffMatrices(earlier, matrix) : null;
  return (
    <main className="mx-auto max-w-[1400px] px-6 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-2xl font-semibold">{workspace.title}</h1>
          <p className="mt-1 text-sm text-slate-600">Each cell shows the party’s latest stated stance as of {formatCalendarDate(matrix.asOf)}.</p>
        </div>
        <CopyLinkButton label="Copy link to this view" />
        <DateControl slug={slug} asOf={matrix.asOf} compare={compareFrom?.data ?? null} previous={changeDates.previous} next={changeDates.next} />
      </div>
      <div className="mt-6">
        <MatrixBoard initial={matrix} canEdit={roleAllows(workspace.role, "stance:write")} changes={changes} compareFrom={compareFrom?.data ?? null} selectedCell={cell ?? null} />
      </div>
      <PositionLegend labels={matrix.positionLabels} />
    </main>
  );
}
