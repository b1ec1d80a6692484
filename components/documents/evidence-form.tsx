"use client";

import { useAction } from "next-safe-action/hooks";
import { useEffect, useRef, useState } from "react";
import { RelationSelect } from "@/components/evidence/relation-select";
import { actionErrorMessage } from "@/components/ui/action-error";
import { DateInput } from "@/components/ui/date-input";
import { useDates } from "@/components/ui/date-locale";
import type { EvidenceFormOptions } from "@/lib/documents/data";
import type { EvidenceRelation } from "@/lib/enums";
import { createEvidenceAction } from "@/lib/evidence/actions";
import type { TextAnchor } from "@/lib/evidence/anchor";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";
import { similarPeople } from "@/lib/people/names";

type Kind = keyof typeof EVIDENCE_KIND_LABELS;
type Relation = EvidenceRelation;

type Props = {
  slug: string;
  documentId: string;
  revisionId: string;
  publishedOn: string | null;
  anchor: TextAnchor;
  suggestion?: QuoteSuggestion;
  options: EvidenceFormOptions;
  onClose: () => void;
  /** With the date said as entered ("" when left to the server). */
  onSaved: (evidenceId: string, saidOn: string) => void;
};

export function EvidenceForm({
  slug,
  documentId,
  revisionId,
  publishedOn,
  anchor,
  suggestion,
  options,
  onClose,
  onSaved,
}: Props) {
  const dates = useDates();
  const [speakerQuery, setSpeakerQuery] = useState(suggestion?.speaker?.name ?? suggestion?.speakerName ?? "");
  const [speakerId, setSpeakerId] = useState<string | null>(suggestion?.speaker?.id ?? null);
  const [creating, setCreating] = useState(false);
  const [newSpeaker, setNewSpeaker] = useState({
    name: suggestion?.speakerName ?? "",
    role: "",
    partyId: "",
    organisation: "",
  });
  const [saidOn, setSaidOn] = useState(publishedOn && publishedOn.length === 10 ? publishedOn : "");
  const [kind, setKind] = useState<Kind>(suggestion?.kind ?? "DIRECT_QUOTE");
  const [note, setNote] = useState("");
  const [links, setLinks] = useState<{ statementId: string; relation: Relation }[]>([]);
  const [statementFilter, setStatementFilter] = useState("");
  const first = useRef<HTMLInputElement>(null);
  const save = useAction(createEvidenceAction, {
    onSuccess: ({ data }) => onSaved(data.evidenceId, saidOn),
  });
  useEffect(() => first.current?.focus(), []);

  const lookalikes = creating ? similarPeople(newSpeaker.name, options.people).slice(0, 3) : [];
  const query = speakerQuery.trim().toLowerCase();
  const matches = query
    ? options.people.filter((p) => [p.name, ...p.aliases].some((n) => n.toLowerCase().includes(query))).slice(0, 8)
    : [];
  const chosen = options.people.find((p) => p.id === speakerId);
  const refusal = actionErrorMessage(save.result);
  const statements = options.statements
    .filter((s) => !statementFilter || s.label.toLowerCase().includes(statementFilter.toLowerCase()))
    .slice(0, 50);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the panel; keyboard users press Escape
    <div
      className="fixed inset-0 z-40 flex justify-end bg-slate-900/30"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="evidence-form-title"
        onKeyDown={(e) => e.key === "Escape" && onClose()}
        className="h-full w-full max-w-xl overflow-y-auto bg-white p-6 shadow-xl"
      >
        <div className="flex items-start justify-between gap-4">
          <h2 id="evidence-form-title" className="font-serif text-xl font-semibold">
            Save as evidence
          </h2>
          <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
            Cancel
          </button>
        </div>
        <blockquote className="mt-3 rounded-md bg-amber-50 p-3 font-serif text-slate-900">“{anchor.exact}”</blockquote>
        <form
          className="mt-4 space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.execute({
              workspaceSlug: slug,
              documentId,
              revisionId,
              ...anchor,
              speakerId: creating ? null : speakerId,
              newSpeaker: creating ? { ...newSpeaker, partyId: newSpeaker.partyId || null } : null,
              saidOn,
              kind,
              note,
              links,
            });
          }}
        >
          {refusal ? (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
              {refusal}
            </div>
          ) : null}
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Speaker</legend>
            {!creating ? (
              <>
                <input
                  ref={first}
                  aria-label="Search people by name or alias"
                  value={speakerQuery}
                  onChange={(e) => {
                    setSpeakerQuery(e.target.value);
                    setSpeakerId(null);
                  }}
                  placeholder="Search people by name or alias"
                  className="w-full rounded-md border border-slate-300 px-3 py-2"
                />
                {chosen ? (
                  <p className="text-sm text-emerald-800">
                    Speaker: <strong>{chosen.name}</strong>
                    {chosen.description ? ` — ${chosen.description}` : ""}
                  </p>
                ) : null}
                {!chosen && matches.length > 0 ? (
                  <ul aria-label="Matching people" className="rounded-md border border-slate-200">
                    {matches.map((p) => (
                      <li key={p.id}>
                        <button
                          type="button"
                          onClick={() => {
                            setSpeakerId(p.id);
                            setSpeakerQuery(p.name);
                          }}
                          className="block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-50"
                        >
                          {p.name}{" "}
                          <span className="text-xs text-slate-500">
                            {p.aliases.length ? `(${p.aliases.join(", ")})` : ""} {p.description}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <button
                  type="button"
                  onClick={() => {
                    setCreating(true);
                    setNewSpeaker({ ...newSpeaker, name: newSpeaker.name || speakerQuery });
                  }}
                  className="text-sm text-indigo-700 underline"
                >
                  Create a new person
                </button>
              </>
            ) : (
              <div className="space-y-2 rounded-md border border-slate-200 p-3">
                <label className="block text-sm">
                  Name
                  <input
                    ref={first}
                    value={newSpeaker.name}
                    onChange={(e) => setNewSpeaker({ ...newSpeaker, name: e.target.value })}
                    aria-describedby={lookalikes.length ? "new-speaker-lookalikes" : undefined}
                    className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
                  />
                </label>
                {lookalikes.length ? (
                  <div
                    id="new-speaker-lookalikes"
                    role="status"
                    className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
                  >
                    <p>Already in the directory, perhaps the same person:</p>
                    <ul className="mt-1 space-y-1">
                      {lookalikes.map((p) => (
                        <li key={p.id}>
                          {p.name}
                          {p.aliases.length ? <span className="text-amber-800"> ({p.aliases.join(", ")})</span> : null}{" "}
                          <button
                            type="button"
                            onClick={() => {
                              setCreating(false);
                              setSpeakerId(p.id);
                              setSpeakerQuery(p.name);
                            }}
                            className="font-medium underline"
                          >
                            Use {p.name}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <label className="block text-sm">
                  Role or title
                  <input
                    value={newSpeaker.role}
                    onChange={(e) => setNewSpeaker({ ...newSpeaker, role: e.target.value })}
                    className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
                  />
                </label>
                <label className="block text-sm">
                  Speaks for party
                  <select
                    value={newSpeaker.partyId}
                    onChange={(e) => setNewSpeaker({ ...newSpeaker, partyId: e.target.value })}
                    className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
                  >
                    <option value="">None (outside organisation or expert)</option>
                    {options.parties.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block text-sm">
                  Organisation
                  <input
                    value={newSpeaker.organisation}
                    onChange={(e) => setNewSpeaker({ ...newSpeaker, organisation: e.target.value })}
                    placeholder="e.g. a think tank"
                    className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
                  />
                </label>
                <button type="button" onClick={() => setCreating(false)} className="text-sm text-indigo-700 underline">
                  Choose an existing person instead
                </button>
              </div>
            )}
          </fieldset>
          <div className="grid grid-cols-2 gap-3">
            <label className="block text-sm font-medium">
              Date said
              <DateInput
                captionClassName="ml-2"
                value={saidOn}
                onChange={(e) => setSaidOn(e.target.value)}
                aria-describedby="said-on-hint"
                className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
              />
              <span id="said-on-hint" className="text-xs font-normal text-slate-500">
                Defaults to the document’s date.
              </span>
            </label>
            <label className="block text-sm font-medium">
              Kind
              <select
                value={kind}
                onChange={(e) => setKind(e.target.value as Kind)}
                className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
              >
                {Object.entries(EVIDENCE_KIND_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="block text-sm font-medium">
            Note
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={2}
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
          <fieldset>
            <legend className="text-sm font-medium">Link to stances</legend>
            <input
              type="search"
              aria-label="Filter stances"
              value={statementFilter}
              onChange={(e) => setStatementFilter(e.target.value)}
              placeholder="Filter by party, issue or words"
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
            />
            <ul className="mt-2 max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-1">
              {statements.map((s) => {
                const link = links.find((l) => l.statementId === s.id);
                return (
                  <li key={s.id} className="flex items-start gap-2 p-1 text-sm">
                    <input
                      type="checkbox"
                      id={`stance-${s.id}`}
                      checked={Boolean(link)}
                      onChange={(e) =>
                        setLinks(
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
                        onChange={(relation) =>
                          setLinks(links.map((l) => (l.statementId === s.id ? { ...l, relation } : l)))
                        }
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <div className="flex gap-3">
            <button
              type="submit"
              disabled={save.isPending}
              className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
            >
              {save.isPending ? "Saving…" : "Save evidence"}
            </button>
            <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
