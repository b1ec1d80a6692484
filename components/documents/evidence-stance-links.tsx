"use client";

import { useState } from "react";
import { RelationSelect } from "@/components/evidence/relation-select";
import { useDates } from "@/components/ui/date-locale";
import type { EvidenceFormOptions } from "@/lib/documents/data";
import type { StanceLink } from "./use-evidence-form";

type Props = {
  statements: EvidenceFormOptions["statements"];
  links: StanceLink[];
  onChange: (links: StanceLink[]) => void;
};

/** Stances the quote bears on, each ticked with how it relates (supports by default). */
export function StanceLinksFieldset({ statements, links, onChange }: Props) {
  const dates = useDates();
  const [filter, setFilter] = useState("");
  const shown = statements.filter((s) => !filter || s.label.toLowerCase().includes(filter.toLowerCase())).slice(0, 50);
  return (
    <fieldset>
      <legend className="text-sm font-medium">Link to stances</legend>
      <input
        type="search"
        aria-label="Filter stances"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder="Filter by party, issue or words"
        className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <ul className="mt-2 max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-1">
        {shown.map((s) => {
          const link = links.find((l) => l.statementId === s.id);
          return (
            <li key={s.id} className="flex items-start gap-2 p-1 text-sm">
              <input
                type="checkbox"
                id={`stance-${s.id}`}
                checked={Boolean(link)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? [...links, { statementId: s.id, relation: "SUPPORTS" }]
                      : links.filter((l) => l.statementId !== s.id),
                  )
                }
                className="mt-1"
              />
              <label htmlFor={`stance-${s.id}`} className="flex-1 line-clamp-2">
                {s.label} <span className="text-xs text-slate-500">({dates.calendar(s.statedOn)})</span>
              </label>
              {link ? (
                <RelationSelect
                  value={link.relation}
                  onChange={(relation) => onChange(links.map((l) => (l.statementId === s.id ? { ...l, relation } : l)))}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
