"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import type { Position } from "@/lib/enums";
import { recordOwnReadingAction } from "@/lib/review/actions";

type CitedQuote = { evidenceId: string; exact: string | null; relation: "SUPPORTS" | "CONTRADICTS" | "CONTEXT" };

/**
 * The reviewer's third way: neither proposed reading but their own, recorded directly on the
 * version they read; every open proposal then closes as a rejected reading with this rationale.
 */
export function OwnReadingForm({
  workspaceSlug,
  issueId,
  partyId,
  baseVersion,
  labels,
  positions,
  quotes,
}: {
  workspaceSlug: string;
  issueId: string;
  partyId: string;
  baseVersion: number;
  labels: Record<string, string>;
  positions: readonly Position[];
  /** The quotes the proposals cite, offered for the reviewer's reading. */
  quotes: CitedQuote[];
}) {
  const router = useRouter();
  const id = useId();
  const [position, setPosition] = useState<Position>(positions[0]!);
  const [summary, setSummary] = useState("");
  const [statedOn, setStatedOn] = useState("");
  const [rationale, setRationale] = useState("");
  const [cited, setCited] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const record = useAction(recordOwnReadingAction, {
    onSuccess: ({ data }) => {
      if (data && !data.ok) setRefusal(data.message);
      else router.refresh();
    },
  });
  const error = refusal ?? actionErrorMessage(record.result);
  const field = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
  return (
    <details className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer text-sm font-medium text-indigo-800">Write your own reading instead</summary>
      <form
        aria-label="Your own reading"
        className="mt-3 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          setRefusal(null);
          record.execute({
            workspaceSlug,
            issueId,
            partyId,
            baseVersion,
            position,
            summary,
            statedOn,
            links: quotes
              .filter((q) => cited.includes(q.evidenceId))
              .map(({ evidenceId, relation }) => ({ evidenceId, relation })),
            rationale,
          });
        }}
      >
        <p className="text-sm text-slate-600">
          It is recorded in your name, and every reading above closes as rejected with your rationale.
        </p>
        <label className="block text-sm font-medium" htmlFor={`${id}-position`}>
          Position
        </label>
        <select
          id={`${id}-position`}
          value={position}
          onChange={(e) => setPosition(e.target.value as Position)}
          className={field}
        >
          {positions.map((p) => (
            <option key={p} value={p}>
              {labels[p] ?? p}
            </option>
          ))}
        </select>
        <label className="block text-sm font-medium" htmlFor={`${id}-summary`}>
          Summary
        </label>
        <textarea
          id={`${id}-summary`}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          rows={2}
          maxLength={600}
          required
          className={field}
        />
        <label className="block text-sm font-medium" htmlFor={`${id}-stated`}>
          Stated on
        </label>
        <input
          id={`${id}-stated`}
          type="date"
          value={statedOn}
          onChange={(e) => setStatedOn(e.target.value)}
          required
          className={field}
        />
        {quotes.length > 0 ? (
          <fieldset>
            <legend className="text-sm font-medium">Quotes to cite</legend>
            {quotes.map((q) => (
              <label key={q.evidenceId} className="mt-1 flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={cited.includes(q.evidenceId)}
                  onChange={(e) =>
                    setCited((now) =>
                      e.target.checked ? [...now, q.evidenceId] : now.filter((x) => x !== q.evidenceId),
                    )
                  }
                />
                <span className="font-serif">“{q.exact ?? "a quote no longer in the workspace"}”</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <label className="block text-sm font-medium" htmlFor={`${id}-rationale`}>
          Your rationale
        </label>
        <textarea
          id={`${id}-rationale`}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          rows={2}
          maxLength={2000}
          required
          className={field}
        />
        {error ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={record.isPending}
          className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Record my reading
        </button>
      </form>
    </details>
  );
}
