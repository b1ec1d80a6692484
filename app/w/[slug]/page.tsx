import type { Metadata } from "next";
import Link from "next/link";
import { DateControl } from "@/components/matrix/date-control";
import { MatrixBoard } from "@/components/matrix/matrix-board";
import { PositionLegend } from "@/components/matrix/position-legend";
import { CalendarDate } from "@/components/ui/calendar-date";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { countCellComments } from "@/lib/comments/data";
import { listEventDates } from "@/lib/events/data";
import { listIssueLinks } from "@/lib/issue-links/data";
import { diffCellWording, diffMatrices } from "@/lib/matrix/compare";
import { adjacentChangeDates, getMatrix } from "@/lib/matrix/data";
import { EARLIEST_DATE, nearestCalendarDate, todayCalendarDate } from "@/lib/matrix/dates";
import { packMatrix } from "@/lib/matrix/packed";
import { AsOfSchema } from "@/lib/matrix/schema";
import { readMatrixReviewState } from "@/lib/review/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Stance matrix" };

type SearchParams = Promise<{ asOf?: string; compare?: string; cell?: string }>;

export default async function MatrixPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const [{ slug }, { asOf: rawAsOf, compare: rawCompare, cell }] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(
    slug,
    "workspace:read",
    `/w/${slug}${rawAsOf ? `?asOf=${encodeURIComponent(rawAsOf)}` : ""}`,
  );
  const asOf = AsOfSchema.safeParse(rawAsOf ?? todayCalendarDate());
  if (!asOf.success) return <BadDate slug={slug} raw={rawAsOf ?? ""} />;
  const compareFrom = rawCompare ? AsOfSchema.safeParse(rawCompare) : null;
  if (compareFrom && !compareFrom.success) return <BadCompareDate raw={rawCompare ?? ""} />;
  const [matrix, changeDates, earlier, commentCounts, review, events, issueLinks] = await Promise.all([
    getMatrix(workspace, asOf.data),
    adjacentChangeDates(workspace, asOf.data),
    compareFrom ? getMatrix(workspace, compareFrom.data) : null,
    countCellComments(workspace),
    readMatrixReviewState(workspace),
    listEventDates(workspace),
    listIssueLinks(workspace),
  ]);
  const changes = earlier ? diffMatrices(earlier, matrix) : null;
  const wording = earlier && changes ? diffCellWording(earlier, matrix, changes) : {};
  return (
    <main className="mx-auto max-w-[1400px] px-4 py-6 sm:px-6 sm:py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="font-serif text-2xl font-semibold break-words">{workspace.title}</h1>
          <p className="mt-1 text-sm text-slate-600">
            Each cell shows the party’s latest stated stance as of <CalendarDate value={matrix.asOf} />.
          </p>
        </div>
        <CopyLinkButton label="Copy link to this view" />
        <DateControl
          slug={slug}
          asOf={matrix.asOf}
          compare={compareFrom?.data ?? null}
          previous={changeDates.previous}
          next={changeDates.next}
          events={events}
        />
      </div>
      <EventsOnThisDay slug={slug} events={events.filter((e) => e.occurredOn === matrix.asOf)} />
      <PositionLegend labels={matrix.positionLabels} />
      <div className="mt-4">
        <MatrixBoard
          matrix={packMatrix(matrix)}
          canEdit={workspaceAllows(workspace, "stance:write")}
          changes={changes}
          wording={wording}
          commentCounts={commentCounts}
          proposalCounts={review.proposalCounts}
          proposing={review.reviewMode && !workspaceAllows(workspace, "proposal:review")}
          compareFrom={compareFrom?.data ?? null}
          selectedCell={cell ?? null}
          issueLinks={issueLinks}
        />
      </div>
      {workspaceAllows(workspace, "stance:write") ? (
        <p className="mt-4 text-sm">
          <Link href={`/w/${slug}/import/stances`} className="text-indigo-700 underline">
            Import stances from a spreadsheet
          </Link>
        </p>
      ) : null}
    </main>
  );
}

function EventsOnThisDay({ slug, events }: { slug: string; events: { id: string; title: string }[] }) {
  if (events.length === 0) return null;
  return (
    <p className="mt-3 text-sm text-slate-700">
      <span className="font-medium">On this day:</span>{" "}
      {events.map((e, i) => (
        <span key={e.id}>
          {i > 0 ? "; " : ""}
          <Link href={`/w/${slug}/events#event-${e.id}`} className="text-indigo-700 underline">
            {e.title}
          </Link>
        </span>
      ))}
    </p>
  );
}

function BadCompareDate({ raw }: { raw: string }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
        “{raw}” is not a date to compare with. Write it as YYYY-MM-DD.
      </div>
    </main>
  );
}

function BadDate({ slug, raw }: { slug: string; raw: string }) {
  const nearest = nearestCalendarDate(raw);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
        <p>
          “{raw}” is not a date the matrix can show: dates are written YYYY-MM-DD, from{" "}
          <CalendarDate value={EARLIEST_DATE} /> to ten years from now.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-5">
          {nearest ? (
            <li>
              <a className="font-medium underline" href={`/w/${slug}?asOf=${nearest}`}>
                The matrix as of <CalendarDate value={nearest} />
              </a>
              , the nearest date there is
            </li>
          ) : null}
          <li>
            <a className="font-medium underline" href={`/w/${slug}`}>
              The matrix as of today
            </a>
          </li>
        </ul>
      </div>
    </main>
  );
}
