"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useAction, useOptimisticAction } from "next-safe-action/hooks";
import { archiveIssueAction, renameIssueAction, reorderIssuesAction, unarchiveIssueAction } from "@/lib/structure/actions";
import { ISSUE_DESCRIPTION_MAX, ISSUE_TITLE_MAX } from "@/lib/structure/schema";
import type { StructureIssue } from "@/lib/structure/data";
import { actionErrorMessage } from "@/components/ui/action-error";
import { FormAlert } from "@/components/ui/form-feedback";
import { arrange, ReorderableList } from "@/components/structure/reorderable-list";
import { fieldErrorsOf, formErrorOf, primaryButtonClass, secondaryButtonClass, TextField } from "@/components/structure/field";
import { AddIssueForm } from "@/components/structure/add-issue-form";

/** The matrix's rows: add, rename, reorder, archive and bring back. */
export function IssueList({ workspaceSlug, issues }: { workspaceSlug: string; issues: StructureIssue[] }) {
  const router = useRouter();
  const active = issues.filter((issue) => !issue.archivedAt);
  const archived = issues.filter((issue) => issue.archivedAt);
  const reorder = useOptimisticAction(reorderIssuesAction, {
    currentState: active.map((issue) => issue.id),
    updateFn: (_order, input) => input.orderedIds,
  });
  const ordered = arrange(active, reorder.optimisticState);
  const reorderError = actionErrorMessage(reorder.result);

  return (
    <div className="space-y-4">
      <AddIssueForm workspaceSlug={workspaceSlug} />
      {reorderError ? (
        <FormAlert>
          {reorderError}{" "}
          <button type="button" onClick={() => router.refresh()} className="font-medium underline">Reload the list</button>
        </FormAlert>
      ) : null}
      {reorder.isPending ? <p role="status" className="text-sm text-slate-600">Saving the new order…</p> : null}
      {ordered.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">No issues yet: add the first one above.</p>
      ) : (
        <ReorderableList
          items={ordered}
          listLabel="Issues, in matrix row order"
          labelOf={(issue) => issue.title}
          onReorder={(orderedIds) => reorder.execute({ workspaceSlug, orderedIds })}
          renderItem={(issue) => <IssueRow workspaceSlug={workspaceSlug} issue={issue} />}
        />
      )}
      {archived.length > 0 ? (
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">Archived issues ({archived.length})</summary>
          <ul className="divide-y divide-slate-100 border-t border-slate-200">
            {archived.map((issue) => (
              <ArchivedIssue key={issue.id} workspaceSlug={workspaceSlug} issue={issue} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function IssueRow({ workspaceSlug, issue }: { workspaceSlug: string; issue: StructureIssue }) {
  const [editing, setEditing] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const rename = useAction(renameIssueAction, { onSuccess: () => close() });
  const archive = useAction(archiveIssueAction);
  const archiveError = actionErrorMessage(archive.result);
  const fieldErrors = fieldErrorsOf(rename.result);
  const formError = formErrorOf(rename.result);
  const idPrefix = `issue-${issue.id}`;

  function close() {
    returnFocus.current = true;
    setEditing(false);
  }

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      renameButton.current?.focus();
    }
  }, [editing]);

  if (editing) {
    return (
      <form
        aria-label={`Rename ${issue.title}`}
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          rename.execute({ workspaceSlug, issueId: issue.id, title: String(form.get("title") ?? ""), description: String(form.get("description") ?? "") });
        }}
      >
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <TextField id={`${idPrefix}-title`} name="title" label="Title" defaultValue={issue.title} maxLength={ISSUE_TITLE_MAX} errors={fieldErrors?.title} autoFocus />
        <TextField id={`${idPrefix}-description`} name="description" label="Description" defaultValue={issue.description} maxLength={ISSUE_DESCRIPTION_MAX} errors={fieldErrors?.description} required={false} multiline />
        <div className="flex gap-2">
          <button type="submit" disabled={rename.isPending} className={primaryButtonClass}>{rename.isPending ? "Saving…" : "Save"}</button>
          <button type="button" disabled={rename.isPending} onClick={() => { rename.reset(); close(); }} className={secondaryButtonClass}>Cancel</button>
        </div>
      </form>
    );
  }

  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <p className="font-medium">{issue.title}</p>
        {issue.description ? <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{issue.description}</p> : null}
        {archiveError ? <p role="alert" className="mt-1 text-sm text-red-700">{archiveError}</p> : null}
      </div>
      <div className="flex shrink-0 gap-2">
        <button ref={renameButton} type="button" aria-label={`Rename ${issue.title}`} onClick={() => setEditing(true)} disabled={archive.isPending} className={secondaryButtonClass}>Rename</button>
        <button
          type="button"
          aria-label={`Archive ${issue.title}`}
          disabled={archive.isPending}
          onClick={() => archive.execute({ workspaceSlug, issueId: issue.id })}
          className={secondaryButtonClass}
        >
          {archive.isPending ? "Archiving…" : "Archive"}
        </button>
      </div>
    </div>
  );
}

function ArchivedIssue({ workspaceSlug, issue }: { workspaceSlug: string; issue: StructureIssue }) {
  const unarchive = useAction(unarchiveIssueAction);
  const error = actionErrorMessage(unarchive.result);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div className="min-w-0">
        <p className="text-slate-700">{issue.title}</p>
        {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
      </div>
      <button
        type="button"
        aria-label={`Unarchive ${issue.title}`}
        disabled={unarchive.isPending}
        onClick={() => unarchive.execute({ workspaceSlug, issueId: issue.id })}
        className={secondaryButtonClass}
      >
        {unarchive.isPending ? "Unarchiving…" : "Unarchive"}
      </button>
    </li>
  );
}
