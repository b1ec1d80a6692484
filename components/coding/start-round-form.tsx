"use client";

import { FormAlert } from "@/components/ui/form-feedback";
import { type RoundChoices, type StartRoundState, useStartRound } from "./use-start-round";

type SectionProps = { state: StartRoundState; choices: RoundChoices };

/** Which quotes the round codes: a random sample of the workspace's, or all of one document's. */
function QuotesFieldset({ state, choices }: SectionProps) {
  const { ids, scope, setScope, size, setSize, documentId, setDocumentId } = state;
  return (
    <fieldset>
      <legend className="text-sm font-medium">Quotes</legend>
      <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="radio" name="scope" checked={scope === "sample"} onChange={() => setScope("sample")} />A random
          sample of the workspace’s {choices.quotes} quotes
        </label>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name="scope"
            checked={scope === "document"}
            disabled={choices.documents.length === 0}
            onChange={() => setScope("document")}
          />
          All quotes of one document
        </label>
      </div>
      {scope === "sample" ? (
        <div className="mt-2">
          <label htmlFor={ids.size} className="block text-sm font-medium">
            Number of quotes
          </label>
          <input
            id={ids.size}
            type="number"
            min={2}
            max={Math.max(2, choices.quotes)}
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
            className="mt-1 w-24 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </div>
      ) : (
        <div className="mt-2">
          <label htmlFor={ids.document} className="block text-sm font-medium">
            Document
          </label>
          <select
            id={ids.document}
            value={documentId}
            onChange={(e) => setDocumentId(e.target.value)}
            className="mt-1 w-full max-w-md rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            {choices.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} ({d.quotes} quotes)
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}

function CodersFieldset({ state, choices }: SectionProps) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">Coders (two or more)</legend>
      <ul className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
        {choices.coders.map((coder) => (
          <li key={coder.id}>
            <label className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={state.coderIds.includes(coder.id)}
                onChange={(e) => state.toggle(coder.id, e.target.checked)}
              />
              {coder.name}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** An owner's or reviewer's form to start a blind coding round. */
export function StartRoundForm({ workspaceSlug, choices }: { workspaceSlug: string; choices: RoundChoices }) {
  const state = useStartRound(workspaceSlug, choices);
  return (
    <form
      onSubmit={state.submit}
      aria-label="Start a coding round"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 className="font-serif text-lg font-semibold">Start a blind coding round</h2>
      <div>
        <label htmlFor={state.ids.title} className="block text-sm font-medium">
          Title
        </label>
        <input
          id={state.ids.title}
          value={state.title}
          onChange={(e) => state.setTitle(e.target.value)}
          required
          maxLength={200}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
      </div>
      <QuotesFieldset state={state} choices={choices} />
      <CodersFieldset state={state} choices={choices} />
      {state.error ? <FormAlert>{state.error}</FormAlert> : null}
      <button
        type="submit"
        disabled={state.isPending}
        className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
      >
        Start the round
      </button>
    </form>
  );
}
