"use client";

import { useEffect, useRef } from "react";
import { PartyOptions } from "@/components/ui/party-options";
import type { EvidenceFormOptions } from "@/lib/documents/data";
import { similarPeople } from "@/lib/people/names";
import type { SpeakerChoice } from "./use-speaker-choice";

type Person = EvidenceFormOptions["people"][number];
type FieldsProps = {
  speaker: SpeakerChoice;
  options: EvidenceFormOptions;
  first: React.RefObject<HTMLInputElement | null>;
};

/** The speaker of the quote: search the directory, or describe a new person. */
export function SpeakerFieldset({ speaker, options }: { speaker: SpeakerChoice; options: EvidenceFormOptions }) {
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Speaker</legend>
      {!speaker.creating ? (
        <SpeakerSearch speaker={speaker} options={options} first={first} />
      ) : (
        <NewSpeakerFields speaker={speaker} options={options} first={first} />
      )}
    </fieldset>
  );
}

function SpeakerSearch({ speaker, options, first }: FieldsProps) {
  const query = speaker.query.trim().toLowerCase();
  const matches = query
    ? options.people.filter((p) => [p.name, ...p.aliases].some((n) => n.toLowerCase().includes(query))).slice(0, 8)
    : [];
  const chosen = options.people.find((p) => p.id === speaker.speakerId);
  return (
    <>
      <input
        ref={first}
        aria-label="Search people by name or alias"
        value={speaker.query}
        onChange={(e) => speaker.search(e.target.value)}
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
                onClick={() => speaker.choose(p)}
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
      <button type="button" onClick={speaker.startCreating} className="text-sm text-indigo-700 underline">
        Create a new person
      </button>
    </>
  );
}

function NewSpeakerFields({ speaker, options, first }: FieldsProps) {
  const { newSpeaker, editNewSpeaker } = speaker;
  const lookalikes = similarPeople(newSpeaker.name, options.people).slice(0, 3);
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3">
      <label className="block text-sm">
        Name
        <input
          ref={first}
          value={newSpeaker.name}
          onChange={(e) => editNewSpeaker({ name: e.target.value })}
          aria-describedby={lookalikes.length ? "new-speaker-lookalikes" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      {lookalikes.length ? <Lookalikes people={lookalikes} onUse={speaker.choose} /> : null}
      <label className="block text-sm">
        Role or title
        <input
          value={newSpeaker.role}
          onChange={(e) => editNewSpeaker({ role: e.target.value })}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="block text-sm">
        Speaks for party
        <select
          value={newSpeaker.partyId}
          onChange={(e) => editNewSpeaker({ partyId: e.target.value })}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
        >
          <option value="">None (outside organisation or expert)</option>
          <PartyOptions parties={options.parties} />
        </select>
      </label>
      <label className="block text-sm">
        Organisation
        <input
          value={newSpeaker.organisation}
          onChange={(e) => editNewSpeaker({ organisation: e.target.value })}
          placeholder="e.g. a think tank"
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      <button type="button" onClick={speaker.stopCreating} className="text-sm text-indigo-700 underline">
        Choose an existing person instead
      </button>
    </div>
  );
}

/** People already in the directory whose names resemble the new one. */
function Lookalikes({ people, onUse }: { people: Person[]; onUse: (person: Person) => void }) {
  return (
    <div
      id="new-speaker-lookalikes"
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
    >
      <p>Already in the directory, perhaps the same person:</p>
      <ul className="mt-1 space-y-1">
        {people.map((p) => (
          <li key={p.id}>
            {p.name}
            {p.aliases.length ? <span className="text-amber-800"> ({p.aliases.join(", ")})</span> : null}{" "}
            <button type="button" onClick={() => onUse(p)} className="font-medium underline">
              Use {p.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
