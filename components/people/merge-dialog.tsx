"use client";

import { useDates } from "@/components/ui/date-locale";
import type { PersonListItem } from "@/lib/people/data";
import { useMergeDialog } from "./use-merge-dialog";

function PersonCard({ person, survives }: { person: PersonListItem; survives: boolean }) {
  const dates = useDates();
  return (
    <div className={`rounded-md border p-3 ${survives ? "border-emerald-400 bg-emerald-50/50" : "border-slate-200"}`}>
      <p className="font-medium">
        {person.name}{" "}
        <span className={`text-xs font-semibold ${survives ? "text-emerald-800" : "text-slate-600"}`}>
          {survives ? "(name kept)" : "(becomes an alias)"}
        </span>
      </p>
      {person.aliases.length ? (
        <p className="text-xs text-slate-600">Also written: {person.aliases.join(", ")}</p>
      ) : null}
      <p className="text-xs text-slate-600">
        {person.evidenceCount} {person.evidenceCount === 1 ? "quote" : "quotes"}
      </p>
      {person.quotes.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {person.quotes.map((q) => (
            <li key={q.id} className="line-clamp-2 font-serif text-slate-800">
              “{q.exact}” <span className="font-sans text-xs text-slate-500">{dates.calendar(q.saidOn)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Which name survives, both entries side by side, and what the merge will do, in plain words. */
function MergeComparison({
  person,
  other,
  keep,
  gone,
  keepId,
  onKeep,
}: {
  person: PersonListItem;
  other: PersonListItem;
  keep: PersonListItem;
  gone: PersonListItem;
  keepId: string;
  onKeep: (id: string) => void;
}) {
  return (
    <>
      <fieldset>
        <legend className="text-sm font-medium">Which name survives?</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {[person, other].map((p) => (
            <label key={p.id} className="flex items-center gap-1.5">
              <input type="radio" name="keep" checked={keepId === p.id} onChange={() => onKeep(p.id)} />
              Keep “{p.name}”
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <PersonCard person={keep} survives />
        <PersonCard person={gone} survives={false} />
      </div>
      <p role="status" className="rounded-md bg-amber-50 p-2 text-sm text-amber-950">
        “{keep.name}” survives. “{gone.name}” becomes an alias of “{keep.name}”, and {gone.evidenceCount}{" "}
        {gone.evidenceCount === 1 ? "quote moves" : "quotes move"} to “{keep.name}”. This cannot be undone.
      </p>
    </>
  );
}

/**
 * Merging one directory entry with another, in a modal <dialog>: both entries side by side with
 * their quotes, and in plain words which name survives and which becomes an alias.
 */
export function MergeDialog({
  slug,
  person,
  people,
  onClose,
  onMerged,
}: {
  slug: string;
  person: PersonListItem;
  people: PersonListItem[];
  onClose: () => void;
  onMerged: (message: string) => void;
}) {
  const { dialog, others, otherId, setOtherId, keepId, setKeepId, other, keep, gone, error, isPending, onSubmit } =
    useMergeDialog(slug, person, people, onMerged);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="merge-dialog-title"
      onCancel={onClose}
      className="m-auto w-[min(44rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="merge-dialog-title" className="font-semibold">
        Merge {person.name} with another entry
      </h2>
      <form className="mt-3 space-y-3" onSubmit={onSubmit}>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <label className="block text-sm">
          The same person as
          <select
            value={otherId}
            onChange={(e) => setOtherId(e.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="">Choose someone…</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.evidenceCount} {p.evidenceCount === 1 ? "quote" : "quotes"})
              </option>
            ))}
          </select>
        </label>
        {other && keep && gone ? (
          <MergeComparison person={person} other={other} keep={keep} gone={gone} keepId={keepId} onKeep={setKeepId} />
        ) : null}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={onClose}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={!other || isPending}
            className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-50"
          >
            {isPending ? "Merging…" : gone && keep ? `Merge “${gone.name}” into “${keep.name}”` : "Merge"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
