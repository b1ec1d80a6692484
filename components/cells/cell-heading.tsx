import Link from "next/link";
import { FollowCellButton } from "@/components/notifications/follow-cell-button";
import { CalendarDate } from "@/components/ui/calendar-date";

/** The cell's breadcrumb, its party and issue, and the button to follow it. */
export function CellHeading({
  slug,
  asOf,
  issue,
  party,
  following,
}: {
  slug: string;
  asOf: string;
  issue: { id: string; title: string; description: string };
  party: { id: string; name: string; colour: string };
  following: boolean;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href={`/w/${slug}?asOf=${asOf}&cell=${issue.id}:${party.id}`} className="text-indigo-700 underline">
          Matrix as of <CalendarDate value={asOf} />
        </Link>
        {" · "}
        <Link href={`/w/${slug}/activity?issue=${issue.id}&party=${party.id}`} className="text-indigo-700 underline">
          Activity of this cell
        </Link>
      </nav>
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <h1 className="font-serif text-2xl font-semibold">
          <span style={{ color: party.colour }}>{party.name}</span> on {issue.title}
        </h1>
        <FollowCellButton workspaceSlug={slug} issueId={issue.id} partyId={party.id} following={following} />
      </div>
      {issue.description ? <p className="mt-1 text-slate-600">{issue.description}</p> : null}
    </>
  );
}
