"use client";

import { useAction } from "next-safe-action/hooks";
import { primaryButtonClass, secondaryButtonClass } from "@/components/structure/field";
import { actionErrorMessage } from "@/components/ui/action-error";
import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import { deleteIssueLinkAction } from "@/lib/issue-links/actions";
import {
  describeIssueLink,
  ISSUE_LINK_KIND_LABELS,
  ISSUE_LINK_KINDS,
  ISSUE_LINK_NOTE_MAX,
  type IssueLinkView,
} from "@/lib/issue-links/schema";
import { EARLIEST_DATE, formatCalendarDate } from "@/lib/matrix/dates";
import { type AddIssueLink, useAddIssueLink } from "./use-add-issue-link";

type Option = { id: string; name: string };
type Props = {
  slug: string;
  links: IssueLinkView[];
  issues: Option[];
  parties: Option[];
  canEdit: boolean;
};

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-normal";

/** The linked issues of the workspace (package deals, sequencing), with a form to add one. */
export function IssueLinksEditor({ slug, links, issues, parties, canEdit }: Props) {
  const remove = useAction(deleteIssueLinkAction);
  const removeError = actionErrorMessage(remove.result);
  return (
    <section id="issue-links" aria-labelledby="issue-links-heading" className="space-y-3">
      <h2 id="issue-links-heading" className="text-lg font-semibold">
        Linked issues <span className="font-normal text-slate-500">(package deals and sequencing)</span>
      </h2>
      {removeError ? <FormAlert>{removeError}</FormAlert> : null}
      {links.length === 0 ? (
        <p className="text-sm text-slate-600">No issues are linked yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {links.map((link) => (
            <li key={link.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm">
              <div className="min-w-0">
                <p>
                  <span className="font-medium">{ISSUE_LINK_KIND_LABELS[link.kind]}:</span>{" "}
                  {describeIssueLink(link, formatCalendarDate)}
                </p>
                {link.note ? <p className="mt-1 whitespace-pre-line text-slate-600">{link.note}</p> : null}
              </div>
              {canEdit ? (
                <button
                  type="button"
                  className={secondaryButtonClass}
                  disabled={remove.isPending}
                  aria-label={`Remove the link: ${describeIssueLink(link, formatCalendarDate)}`}
                  onClick={() => remove.execute({ workspaceSlug: slug, issueLinkId: link.id })}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit && issues.length >= 2 ? <AddIssueLinkForm slug={slug} issues={issues} parties={parties} /> : null}
    </section>
  );
}

/** One of the two linked issues, with its field error. */
function IssueSelect({
  name,
  label,
  initial,
  issues,
  errors,
}: {
  name: "firstIssueId" | "secondIssueId";
  label: string;
  initial: number;
  issues: Option[];
  errors: AddIssueLink;
}) {
  return (
    <label className="text-sm font-medium">
      {label}
      <select
        name={name}
        defaultValue={issues[initial]?.id}
        aria-invalid={Boolean(errors.described(name))}
        aria-describedby={errors.described(name)}
        className={INPUT}
      >
        {issues.map((issue) => (
          <option key={issue.id} value={issue.id}>
            {issue.name}
          </option>
        ))}
      </select>
      <FieldError id={errors.errorId(name)} messages={errors.fieldErrors[name]} />
    </label>
  );
}

/** Who insists on the link, from when it holds, and a note: all optional. */
function OptionalLinkFields({ parties, errors }: { parties: Option[]; errors: AddIssueLink }) {
  const { described, errorId, fieldErrors } = errors;
  return (
    <>
      <label className="text-sm font-medium">
        Insisted on by (optional)
        <select name="partyId" defaultValue="" className={INPUT}>
          <option value="">No one party</option>
          {parties.map((party) => (
            <option key={party.id} value={party.id}>
              {party.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Holds from (optional)
        <input
          name="holdsFrom"
          type="date"
          min={EARLIEST_DATE}
          aria-invalid={Boolean(described("holdsFrom"))}
          aria-describedby={described("holdsFrom")}
          className={INPUT}
        />
        <FieldError id={errorId("holdsFrom")} messages={fieldErrors.holdsFrom} />
      </label>
      <label className="text-sm font-medium sm:col-span-2">
        Note (optional)
        <textarea
          name="note"
          rows={2}
          maxLength={ISSUE_LINK_NOTE_MAX}
          aria-invalid={Boolean(described("note"))}
          aria-describedby={described("note")}
          className={INPUT}
        />
        <FieldError id={errorId("note")} messages={fieldErrors.note} />
      </label>
    </>
  );
}

function AddIssueLinkForm({ slug, issues, parties }: Omit<Props, "links" | "canEdit">) {
  const link = useAddIssueLink(slug);
  const id = link.uid;
  return (
    <form
      key={link.formKey}
      aria-labelledby={`${id}-heading`}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
      onSubmit={link.submit}
    >
      <h3 id={`${id}-heading`} className="text-sm font-semibold sm:col-span-2">
        Link two issues
      </h3>
      {link.formError ? (
        <div className="sm:col-span-2">
          <FormAlert>{link.formError}</FormAlert>
        </div>
      ) : null}
      <label className="text-sm font-medium sm:col-span-2">
        Kind of link
        <select name="kind" defaultValue="SEQUENCING" className={INPUT}>
          {ISSUE_LINK_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ISSUE_LINK_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <IssueSelect
        name="firstIssueId"
        label="First issue (settled first, for sequencing)"
        initial={0}
        issues={issues}
        errors={link}
      />
      <IssueSelect name="secondIssueId" label="Second issue" initial={1} issues={issues} errors={link} />
      <OptionalLinkFields parties={parties} errors={link} />
      <div className="sm:col-span-2">
        <button type="submit" disabled={link.isPending} className={primaryButtonClass}>
          {link.isPending ? "Linking…" : "Link issues"}
        </button>
      </div>
    </form>
  );
}
