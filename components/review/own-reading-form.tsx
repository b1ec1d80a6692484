"use client";

import { useId } from "react";
import type { Position } from "@/lib/enums";
import { type CitedQuote, type OwnReading, useOwnReading } from "./use-own-reading";

const FIELD = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

function CitedQuotes({ quotes, reading }: { quotes: CitedQuote[]; reading: OwnReading }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">Quotes to cite</legend>
      {quotes.map((q) => (
        <label key={q.evidenceId} className="mt-1 flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            checked={reading.cited.includes(q.evidenceId)}
            onChange={(e) => reading.cite(q.evidenceId, e.target.checked)}
          />
          <span className="font-serif">“{q.exact ?? "a quote no longer in the workspace"}”</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The reading's position, summary and date, each under its label. */
function ReadingFields({
  id,
  reading,
  labels,
  positions,
}: {
  id: string;
  reading: OwnReading;
  labels: Record<string, string>;
  positions: readonly Position[];
}) {
  return (
    <>
      <label className="block text-sm font-medium" htmlFor={`${id}-position`}>
        Position
      </label>
      <select
        id={`${id}-position`}
        value={reading.position}
        onChange={(e) => reading.setPosition(e.target.value as Position)}
        className={FIELD}
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
        value={reading.summary}
        onChange={(e) => reading.setSummary(e.target.value)}
        rows={2}
        maxLength={600}
        required
        className={FIELD}
      />
      <label className="block text-sm font-medium" htmlFor={`${id}-stated`}>
        Stated on
      </label>
      <input
        id={`${id}-stated`}
        type="date"
        value={reading.statedOn}
        onChange={(e) => reading.setStatedOn(e.target.value)}
        required
        className={FIELD}
      />
    </>
  );
}

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
  const id = useId();
  const reading = useOwnReading({ workspaceSlug, issueId, partyId, baseVersion }, positions, quotes);
  return (
    <details className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer text-sm font-medium text-indigo-800">Write your own reading instead</summary>
      <form aria-label="Your own reading" className="mt-3 space-y-3" onSubmit={reading.submit}>
        <p className="text-sm text-slate-600">
          It is recorded in your name, and every reading above closes as rejected with your rationale.
        </p>
        <ReadingFields id={id} reading={reading} labels={labels} positions={positions} />
        {quotes.length > 0 ? <CitedQuotes quotes={quotes} reading={reading} /> : null}
        <label className="block text-sm font-medium" htmlFor={`${id}-rationale`}>
          Your rationale
        </label>
        <textarea
          id={`${id}-rationale`}
          value={reading.rationale}
          onChange={(e) => reading.setRationale(e.target.value)}
          rows={2}
          maxLength={2000}
          required
          className={FIELD}
        />
        {reading.error ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
            {reading.error}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={reading.isPending}
          className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Record my reading
        </button>
      </form>
    </details>
  );
}
