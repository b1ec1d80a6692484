import { CalendarDate } from "@/components/ui/calendar-date";
import { DateInput } from "@/components/ui/date-input";
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat } from "@/lib/exports/schema";
import { EARLIEST_DATE } from "@/lib/matrix/dates";

// The briefings carry the digest of what moved since `from` (by default the previous change date).
const BRIEFINGS: readonly ExportFormat[] = ["md", "html"];

function exportHref(slug: string, format: ExportFormat, asOf: string, from: string | null): string {
  const query = new URLSearchParams({
    format,
    ...(EXPORT_FORMAT_LABELS[format].datedByAsOf ? { asOf } : {}),
    ...(from && BRIEFINGS.includes(format) ? { from } : {}),
  });
  return `/api/w/${encodeURIComponent(slug)}/export?${query}`;
}

/** The downloads, with the as-of date in the URL (a plain GET form), so it works without scripts. */
export function ExportLinks({
  slug,
  asOf,
  from = null,
  rejectedAsOf,
}: {
  slug: string;
  asOf: string;
  /** The start of the briefings' "What moved" (exclusive); null: the previous change date. */
  from?: string | null;
  rejectedAsOf: string | null;
}) {
  return (
    <div className="space-y-4">
      <ExportDateForm asOf={asOf} from={from} rejectedAsOf={rejectedAsOf} />
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {EXPORT_FORMATS.map((format) => (
          <ExportLink key={format} slug={slug} format={format} asOf={asOf} from={from} />
        ))}
      </ul>
    </div>
  );
}

function ExportDateForm({
  asOf,
  from,
  rejectedAsOf,
}: {
  asOf: string;
  from: string | null;
  rejectedAsOf: string | null;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="export-as-of" className="block text-sm font-medium">
          As of
        </label>
        <DateInput
          captionClassName="ml-2"
          id="export-as-of"
          name="asOf"
          defaultValue={asOf}
          min={EARLIEST_DATE}
          required
          aria-invalid={rejectedAsOf !== null}
          aria-describedby={rejectedAsOf !== null ? "export-as-of-error" : "export-as-of-hint"}
          className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
        />
      </div>
      <div>
        <label htmlFor="export-from" className="block text-sm font-medium">
          What moved since (optional)
        </label>
        <DateInput
          captionClassName="ml-2"
          id="export-from"
          name="from"
          defaultValue={from ?? ""}
          min={EARLIEST_DATE}
          aria-describedby="export-from-hint"
          className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
        />
      </div>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
      >
        Use this date
      </button>
      <p id="export-as-of-hint" className="w-full text-xs text-slate-500">
        The matrix and briefings show each cell&apos;s latest statement stated on or before this day.
      </p>
      <p id="export-from-hint" className="w-full text-xs text-slate-500">
        The briefings list what moved after the “since” date up to the as-of date; left empty, since the change date
        before the latest.
      </p>
      {rejectedAsOf !== null ? (
        <p id="export-as-of-error" role="alert" className="w-full text-sm text-red-700">
          “{rejectedAsOf}” is not a date; showing today instead. Write it as YYYY-MM-DD.
        </p>
      ) : null}
    </form>
  );
}

function ExportLink({
  slug,
  format,
  asOf,
  from,
}: {
  slug: string;
  format: ExportFormat;
  asOf: string;
  from: string | null;
}) {
  const { label, description, datedByAsOf } = EXPORT_FORMAT_LABELS[format];
  return (
    <li className="flex items-center gap-4 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-medium">{label}</p>
        <p className="text-sm text-slate-600">
          {description}{" "}
          {datedByAsOf ? (
            <span className="text-slate-500">
              As of <CalendarDate value={asOf} />.
            </span>
          ) : (
            <span className="text-slate-500">Not dated: everything as it stands.</span>
          )}
        </p>
      </div>
      <a
        href={exportHref(slug, format, asOf, from)}
        download
        className="shrink-0 rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800"
      >
        Download<span className="sr-only"> {label}</span>
      </a>
    </li>
  );
}
