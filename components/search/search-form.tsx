import { DateInput } from "@/components/ui/date-input";
import { FILTER_FIELD, FilterSelect } from "@/components/ui/filter-select";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import type { listSearchFilters } from "@/lib/search/data";
import type { SearchQuery } from "@/lib/search/schema";

type SearchFilters = Awaited<ReturnType<typeof listSearchFilters>>;

/** The words and filters of a search, sent as the page's query string. */
export function SearchForm({ query, filters }: { query: SearchQuery; filters: SearchFilters }) {
  return (
    <search>
      <form
        method="get"
        className="mt-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4"
      >
        <label className="col-span-2 text-sm font-medium sm:col-span-4">
          Words
          <input
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder="e.g. moratorium, open door, “legally binding”"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <FilterSelect
          label="Speaker"
          name="speaker"
          value={query.speaker}
          empty="Anyone"
          options={filters.people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <FilterSelect
          label="Party"
          name="party"
          value={query.party}
          empty="Any"
          options={filters.parties.map((p) => ({ value: p.id, label: p.name }))}
        />
        <FilterSelect
          label="Issue"
          name="issue"
          value={query.issue}
          empty="Any"
          options={filters.issues.map((i) => ({ value: i.id, label: i.name }))}
        />
        <FilterSelect
          label="Kind"
          name="kind"
          value={query.kind}
          empty="Any"
          options={Object.entries(EVIDENCE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <label className="text-sm">
          Said from
          <DateInput name="from" defaultValue={query.from ?? ""} className={FILTER_FIELD} />
        </label>
        <label className="text-sm">
          Said until
          <DateInput name="to" defaultValue={query.to ?? ""} className={FILTER_FIELD} />
        </label>
        <div className="flex items-end">
          <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
            Search
          </button>
        </div>
      </form>
    </search>
  );
}
