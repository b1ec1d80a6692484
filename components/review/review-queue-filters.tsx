import Link from "next/link";
import type { listReviewQueue, ReviewQueueFilter } from "@/lib/review/data";

/** The queue's filters by issue, party and author, each option with how many proposals it has. */
export function ReviewQueueFilters({
  slug,
  queue,
  filter,
}: {
  slug: string;
  queue: Awaited<ReturnType<typeof listReviewQueue>>;
  filter: ReviewQueueFilter;
}) {
  const filtered = Boolean(filter.issue || filter.party || filter.author);
  const selects = [
    { name: "issue", label: "Issue", options: queue.issues, value: filter.issue },
    { name: "party", label: "Party", options: queue.parties, value: filter.party },
    { name: "author", label: "Author", options: queue.authors, value: filter.author },
  ];
  return (
    <form method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Filter proposals">
      {selects.map((select) => (
        <div key={select.name}>
          <label htmlFor={`filter-${select.name}`} className="block text-sm font-medium">
            {select.label}
          </label>
          <select
            id={`filter-${select.name}`}
            name={select.name}
            defaultValue={select.value ?? ""}
            className="mt-1 max-w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            <option value="">All</option>
            {select.options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label} ({option.count})
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white">
        Filter
      </button>
      {filtered ? (
        <Link href={`/w/${slug}/review/proposals`} className="py-1.5 text-sm text-indigo-700 underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
