"use client";

import { Fragment } from "react";
import { RelationSelect } from "@/components/evidence/relation-select";
import type { QuoteLink } from "@/components/matrix/use-stance-fields";
import { useDates } from "@/components/ui/date-locale";
import type { EvidenceOption } from "@/lib/evidence/data";

type Quotes = {
  filter: string;
  setFilter: (filter: string) => void;
  isLoading: boolean;
  shown: EvidenceOption[];
  unlisted: QuoteLink[];
};

/** The quotes to link to the statement, the cell's own first, each with how it bears on the stance. */
export function EvidenceFieldset({
  quotes,
  links,
  onLinks,
  cellName,
}: {
  quotes: Quotes;
  links: QuoteLink[];
  onLinks: (links: QuoteLink[]) => void;
  /** The cell's own quotes' heading: `Party · Issue`. */
  cellName: string;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">
        Evidence{" "}
        <span className="font-normal text-slate-500">
          ({links.length === 0 ? "no quotes linked" : `${links.length} linked`})
        </span>
      </legend>
      <input
        type="search"
        placeholder="Filter quotes by words, speaker or source"
        aria-label="Filter quotes"
        value={quotes.filter}
        onChange={(e) => quotes.setFilter(e.target.value)}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      />
      <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-1">
        {quotes.isLoading ? <li className="p-2 text-sm text-slate-500">Loading quotes…</li> : null}
        {quotes.unlisted.map((link) => (
          <li key={link.evidenceId} className="flex items-start gap-2 rounded p-1.5 text-sm">
            <input
              type="checkbox"
              id={`link-${link.evidenceId}`}
              checked
              onChange={() => onLinks(links.filter((l) => l.evidenceId !== link.evidenceId))}
              className="mt-1"
            />
            <label htmlFor={`link-${link.evidenceId}`} className="flex-1 text-slate-600">
              A linked quote not in this list ({link.relation.toLowerCase()})
            </label>
          </li>
        ))}
        {quotes.shown.map((e, index) => (
          <Fragment key={e.id}>
            {index === 0 || quotes.shown[index - 1]!.forCell !== e.forCell ? (
              <li
                data-testid="quote-group"
                className="px-1.5 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600"
              >
                {e.forCell ? cellName : "Other quotes"}
              </li>
            ) : null}
            <QuoteOption quote={e} links={links} onLinks={onLinks} />
          </Fragment>
        ))}
      </ul>
    </fieldset>
  );
}

/** One quote: linked or not, and if linked, its relation to the stance. */
function QuoteOption({
  quote,
  links,
  onLinks,
}: {
  quote: EvidenceOption;
  links: QuoteLink[];
  onLinks: (links: QuoteLink[]) => void;
}) {
  const dates = useDates();
  const link = links.find((l) => l.evidenceId === quote.id);
  return (
    <li className="flex items-start gap-2 rounded p-1.5 text-sm hover:bg-slate-50">
      <input
        type="checkbox"
        id={`link-${quote.id}`}
        checked={Boolean(link)}
        onChange={(ev) =>
          onLinks(
            ev.target.checked
              ? [...links, { evidenceId: quote.id, relation: "SUPPORTS" }]
              : links.filter((l) => l.evidenceId !== quote.id),
          )
        }
        className="mt-1"
      />
      <label htmlFor={`link-${quote.id}`} className="flex-1">
        <span className="line-clamp-2 font-serif">“{quote.exact}”</span>
        <span className="text-xs text-slate-500">
          {quote.speaker ?? "No speaker"} · {dates.calendar(quote.saidOn)} · {quote.documentTitle}
        </span>
      </label>
      {link ? (
        <RelationSelect
          value={link.relation}
          onChange={(relation) => onLinks(links.map((l) => (l.evidenceId === quote.id ? { ...l, relation } : l)))}
          className="px-1 py-0.5"
        />
      ) : null}
    </li>
  );
}
