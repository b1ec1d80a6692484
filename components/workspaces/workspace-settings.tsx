"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/structure/field";
import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import {
  archiveWorkspaceAction,
  deleteWorkspaceAction,
  restoreWorkspaceAction,
  updateWorkspaceAction,
} from "@/lib/workspaces/actions";

type Workspace = { slug: string; title: string; description: string; archived: boolean };

export function WorkspaceDetailsForm({ workspace, canEdit }: { workspace: Workspace; canEdit: boolean }) {
  const router = useRouter();
  const update = useAction(updateWorkspaceAction, { onSuccess: () => router.refresh() });
  const fieldErrors = update.result.validationErrors?.fieldErrors;
  return (
    <form
      noValidate
      className="max-w-2xl space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        update.execute({
          workspaceSlug: workspace.slug,
          title: String(form.get("title") ?? ""),
          description: String(form.get("description") ?? ""),
        });
      }}
    >
      {update.result.serverError ? <FormAlert>{update.result.serverError.message}</FormAlert> : null}
      {update.hasSucceeded ? <FormAlert tone="success">Saved.</FormAlert> : null}
      <div>
        <label htmlFor="workspace-title" className="block text-sm font-medium">
          Title
        </label>
        <input
          id="workspace-title"
          name="title"
          defaultValue={workspace.title}
          maxLength={200}
          disabled={!canEdit}
          className={inputClass}
          aria-invalid={Boolean(fieldErrors?.title?.length)}
          aria-describedby={fieldErrors?.title?.length ? "workspace-title-error" : undefined}
        />
        <FieldError id="workspace-title-error" messages={fieldErrors?.title} />
      </div>
      <div>
        <label htmlFor="workspace-description" className="block text-sm font-medium">
          Description
        </label>
        <textarea
          id="workspace-description"
          name="description"
          rows={3}
          defaultValue={workspace.description}
          maxLength={5000}
          disabled={!canEdit}
          className={inputClass}
          aria-invalid={Boolean(fieldErrors?.description?.length)}
          aria-describedby={fieldErrors?.description?.length ? "workspace-description-error" : undefined}
        />
        <FieldError id="workspace-description-error" messages={fieldErrors?.description} />
      </div>
      {canEdit ? (
        <button type="submit" disabled={update.isPending} className={primaryButtonClass}>
          {update.isPending ? "Saving…" : "Save title and description"}
        </button>
      ) : null}
    </form>
  );
}

export function ArchiveControl({ workspace }: { workspace: Workspace }) {
  const router = useRouter();
  const archive = useAction(archiveWorkspaceAction, { onSuccess: () => router.refresh() });
  const restore = useAction(restoreWorkspaceAction, { onSuccess: () => router.refresh() });
  const error = archive.result.serverError ?? restore.result.serverError;
  return (
    <div className="space-y-2">
      {error ? <FormAlert>{error.message}</FormAlert> : null}
      {workspace.archived ? (
        <>
          <p className="text-sm text-slate-700">Archived: read-only for everyone, and left out of the switcher.</p>
          <button
            type="button"
            disabled={restore.isPending}
            onClick={() => restore.execute({ workspaceSlug: workspace.slug })}
            className={primaryButtonClass}
          >
            Restore workspace
          </button>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Archiving makes the workspace read-only for every member and hides it from the switcher; an owner can
            restore it at any time.
          </p>
          <button
            type="button"
            disabled={archive.isPending}
            onClick={() => archive.execute({ workspaceSlug: workspace.slug })}
            className={secondaryButtonClass}
          >
            Archive workspace
          </button>
        </>
      )}
    </div>
  );
}

export function DeleteWorkspaceForm({ workspace }: { workspace: Workspace }) {
  const router = useRouter();
  const [confirmation, setConfirmation] = useState("");
  const remove = useAction(deleteWorkspaceAction, {
    onSuccess: () => router.replace("/workspaces"),
  });
  const refusal = remove.result.serverError?.fields?.confirmation?.[0] ?? null;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        remove.execute({ workspaceSlug: workspace.slug, confirmation });
      }}
    >
      {remove.result.serverError && !refusal ? <FormAlert>{remove.result.serverError.message}</FormAlert> : null}
      <p className="text-sm text-slate-700">
        Deleting removes the workspace and everything in it — statements, documents, quotes, comments, the activity log
        — for every member, for good.{" "}
        <a
          href={`/api/w/${workspace.slug}/export?format=workspace`}
          download
          className="font-medium text-indigo-700 underline"
        >
          Download a final export (whole workspace, JSON)
        </a>{" "}
        first: it can be imported again as a new workspace.
      </p>
      <div>
        <label htmlFor="delete-confirmation" className="block text-sm font-medium">
          Type <span className="font-mono">{workspace.slug}</span> to confirm
        </label>
        <input
          id="delete-confirmation"
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} max-w-md`}
          aria-invalid={Boolean(refusal)}
          aria-describedby={refusal ? "delete-confirmation-error" : undefined}
        />
        <FieldError id="delete-confirmation-error" messages={refusal ? [refusal] : undefined} />
      </div>
      <button
        type="submit"
        disabled={remove.isPending || confirmation.trim() !== workspace.slug}
        className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-50"
      >
        {remove.isPending ? "Deleting…" : "Delete this workspace"}
      </button>
    </form>
  );
}
