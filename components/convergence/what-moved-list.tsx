import type { DigestEntry, WhatMoved } from "@/lib/convergence/digest";

function Entries({
  label,
  entries,
  empty,
}: {
  label: string;
  entries: Pick<DigestEntry, "href" | "sentence">[];
  empty: string;
}) {
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold">{label}</h3>
      {entries.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul aria-label={label} className="mt-1 list-disc space-y-1 pl-5 text-sm">
          {entries.map((entry) => (
            <li key={`${entry.href}:${entry.sentence}`} className="break-words">
              <a href={entry.href} className="underline decoration-slate-400 hover:decoration-slate-900">
                {entry.sentence}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function WhatMovedList({ digest }: { digest: WhatMoved }) {
  return (
    <>
      <Entries label="Events" entries={digest.events} empty="No event on these dates." />
      <Entries label="Positions that moved" entries={digest.moved} empty="No position moved." />
      <Entries label="Red lines drawn or dropped" entries={digest.redLines} empty="No red line was drawn or dropped." />
      {digest.stated.length > 8 ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-semibold">
            New statements ({digest.statedCount ?? digest.stated.length}), each with its summary
            {(digest.statedCount ?? 0) > digest.stated.length ? `: the latest ${digest.stated.length} shown` : ""}
          </summary>
          <Entries label="New statements" entries={digest.stated} empty="" />
        </details>
      ) : (
        <Entries label="New statements" entries={digest.stated} empty="Nothing new was stated." />
      )}
      {(digest.retractedCount ?? 0) > digest.retracted.length ? (
        <p className="mt-4 text-sm text-slate-700">
          {digest.retractedCount} statements of these dates were retracted; the latest {digest.retracted.length} are
          listed.
        </p>
      ) : null}
      <Entries
        label="Retracted statements"
        entries={digest.retracted}
        empty="No statement of these dates was retracted."
      />
    </>
  );
}
