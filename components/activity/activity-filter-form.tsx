import Link from "next/link";
import { DateInput } from "@/components/ui/date-input";
import { FILTER_FIELD, FilterSelect } from "@/components/ui/filter-select";
import type { listActivityActors } from "@/lib/activity/data";
import { ACTIVITY_KIND_LABELS, type ActivityFilterQuery } from "@/lib/activity/schema";
import type { listStructure } from "@/lib/structure/data";

/** Who, what, which cell and when: the activity log's filters, sent as the page's query string. */
export function ActivityFilterForm({
  slug,
  query,
  actors,
  structure,
}: {
  slug: string;
  query: ActivityFilterQuery;
  actors: Awaited<ReturnType<typeof listActivityActors>>;
  structure: Awaited<ReturnType<typeof listStructure>>;
}) {
  return (
    <form
      method="get"
      className="mt-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
    >
      {query.document ? <input type="hidden" name="document" value={query.document} /> : null}
      <FilterSelect
        label="Who"
        name="person"
        value={query.person}
        empty="Anyone"
        options={actors.map((a) => ({ value: a.id, label: a.name }))}
      />
      <FilterSelect
        label="What"
        name="kind"
        value={query.kind}
        empty="Every change"
        options={Object.entries(ACTIVITY_KIND_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <FilterSelect
        label="Issue"
        name="issue"
        value={query.issue}
        empty="Any"
        options={structure.issues.map((i) => ({ value: i.id, label: i.title }))}
      />
      <FilterSelect
        label="Party"
        name="party"
        value={query.party}
        empty="Any"
        options={structure.parties.map((p) => ({ value: p.id, label: p.name }))}
      />
      <label className="text-sm">
        From
        <DateInput name="from" defaultValue={query.from ?? ""} className={FILTER_FIELD} />
      </label>
      <label className="text-sm">
        Until
        <DateInput name="to" defaultValue={query.to ?? ""} className={FILTER_FIELD} />
      </label>
      <div className="flex items-end gap-3 sm:col-span-3">
        <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
          Show
        </button>
        <Link href={`/w/${slug}/activity`} className="text-sm text-indigo-800 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
