"use client";

import { DateInput } from "@/components/ui/date-input";
import { SidePanel } from "@/components/ui/side-panel";
import type { EvidenceFormOptions } from "@/lib/documents/data";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import { SpeakerFieldset } from "./evidence-speaker";
import { StanceLinksFieldset } from "./evidence-stance-links";
import { type EvidenceDetails, type EvidenceKind, type EvidenceTarget, useEvidenceForm } from "./use-evidence-form";

type Props = EvidenceTarget & { options: EvidenceFormOptions; onClose: () => void };

export function EvidenceForm(props: Props) {
  const { anchor, options, onClose } = props;
  const form = useEvidenceForm(props);
  return (
    <SidePanel labelledBy="evidence-form-title" onClose={onClose}>
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
          form.submit();
        }}
      >
        {form.refusal ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {form.refusal}
          </div>
        ) : null}
        <SpeakerFieldset speaker={form.speaker} options={options} />
        <DetailsFields details={form.details} />
        <StanceLinksFieldset statements={options.statements} links={form.links} onChange={form.setLinks} />
        <div className="flex gap-3">
          <button
            type="submit"
            disabled={form.saving}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
          >
            {form.saving ? "Saving…" : "Save evidence"}
          </button>
          <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
            Cancel
          </button>
        </div>
      </form>
    </SidePanel>
  );
}

/** Date said, kind of evidence and a free note. */
function DetailsFields({ details }: { details: EvidenceDetails }) {
  return (
    <>
      <div className="grid grid-cols-2 gap-3">
        <label className="block text-sm font-medium">
          Date said
          <DateInput
            captionClassName="ml-2"
            value={details.saidOn}
            onChange={(e) => details.setSaidOn(e.target.value)}
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
            value={details.kind}
            onChange={(e) => details.setKind(e.target.value as EvidenceKind)}
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
          value={details.note}
          onChange={(e) => details.setNote(e.target.value)}
          rows={2}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
    </>
  );
}
