import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MatrixBoard } from "@/components/matrix/matrix-board";
import { PositionLegend } from "@/components/matrix/position-legend";
import { DateInput } from "@/components/ui/date-input";
import { getMatrix } from "@/lib/matrix/data";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { packMatrix } from "@/lib/matrix/packed";
import { AsOfSchema } from "@/lib/matrix/schema";
import { readerDates } from "@/lib/platform/format/reader-locale";
import { authorizeShareLink } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Shared view", referrer: "no-referrer", robots: { index: false } };

/** What a share link shows: the matrix, read-only; frozen at the link's date if it has one. */
export default async function SharedViewPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ asOf?: string }>;
}) {
  const dates = await readerDates();
  const [{ token }, { asOf: requested }] = await Promise.all([params, searchParams]);
  const share = await authorizeShareLink(token);
  if (!share) notFound();
  const asOf = share.asOf ?? AsOfSchema.catch(todayCalendarDate()).parse(requested ?? todayCalendarDate());
  const matrix = await getMatrix(share.workspace, asOf);
  return (
    <main className="mx-auto max-w-[1400px] px-4 sm:px-6 py-8">
      <p className="font-serif text-xl font-semibold">Parley</p>
      <h1 className="mt-4 font-serif text-2xl font-semibold">{share.workspace.title}</h1>
      <p className="mt-1 text-sm text-slate-600">
        Read-only view{share.label ? ` “${share.label}”` : ""}: each party’s latest stated stance as of{" "}
        {dates.calendar(asOf)}
        {share.asOf ? " (fixed by the link)" : ""}.
      </p>
      {!share.asOf ? (
        <form method="get" className="mt-3 flex items-center gap-2 text-sm">
          <label>
            As of{" "}
            <DateInput
              captionClassName="ml-2"
              name="asOf"
              defaultValue={asOf}
              className="rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1">
            Show
          </button>
        </form>
      ) : null}
      <div className="mt-6">
        <MatrixBoard
          matrix={packMatrix(matrix)}
          canEdit={false}
          changes={null}
          compareFrom={null}
          selectedCell={null}
          shared
          shareBase={`/s/${token}`}
        />
      </div>
      <PositionLegend labels={matrix.positionLabels} />
    </main>
  );
}
