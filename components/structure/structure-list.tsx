"use client";

import { useRouter } from "next/navigation";
import { useAction, useOptimisticAction } from "next-safe-action/hooks";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { AddStructureForm } from "@/components/structure/add-structure-form";
import {
  type FieldErrors,
  fieldErrorsOf,
  formErrorOf,
  primaryButtonClass,
  secondaryButtonClass,
} from "@/components/structure/field";
import { arrange, ReorderableList } from "@/components/structure/reorderable-list";
import { ActionErrorLine, actionErrorMessage } from "@/components/ui/action-error";
import { FormAlert } from "@/components/ui/form-feedback";

// One list for every kind of matrix structure (issues are rows, parties are columns): add,
// rename, reorder, archive and bring back. A kind says what differs: its words, its fields and
// its actions.

type StructureItem = { id: string; archivedAt: Date | string | null };
// The kinds' actions differ in their inputs; the list only ever passes each its own kind's.
// biome-ignore lint/suspicious/noExplicitAny: see above
type KindAction = Parameters<typeof useAction<any, any, any, any>>[0];

export type StructureKind<Item extends StructureItem> = {
  /** "issue", "party": ids of the form fields and the input's `<noun>Id`. */
  noun: string;
  /** Where a new one goes in the matrix: "row", "column". */
  place: string;
  /** The field the add action's answer names the new item by. */
  nameField: string;
  listLabel: string;
  emptyText: string;
  archivedHeading: string;
  labelOf: (item: Item) => string;
  actions: { add: KindAction; rename: KindAction; archive: KindAction; unarchive: KindAction; reorder: KindAction };
  /** The row as read: name and details; and as listed among the archived. */
  summary: (item: Item) => ReactNode;
  archivedSummary: (item: Item) => ReactNode;
  /** The form's fields: empty for a new item (add), filled with the item's values (rename). */
  fields: (item: Item | null, idPrefix: string, errors: FieldErrors) => ReactNode;
  /** The add and rename actions' input fields, read from the submitted form. */
  readFields: (form: FormData) => Record<string, string>;
};

export function StructureList<Item extends StructureItem>({
  kind,
  workspaceSlug,
  items,
}: {
  kind: StructureKind<Item>;
  workspaceSlug: string;
  items: Item[];
}) {
  const router = useRouter();
  const active = items.filter((item) => !item.archivedAt);
  const archived = items.filter((item) => item.archivedAt);
  const reorder = useOptimisticAction(kind.actions.reorder, {
    currentState: active.map((item) => item.id),
    updateFn: (_order: string[], input: { orderedIds: string[] }) => input.orderedIds,
  });
  const ordered = arrange(active, reorder.optimisticState as string[]);
  const reorderError = actionErrorMessage(reorder.result);

  return (
    <div className="space-y-4">
      <AddStructureForm kind={kind} workspaceSlug={workspaceSlug} />
      {reorderError ? (
        <FormAlert>
          {reorderError}{" "}
          <button type="button" onClick={() => router.refresh()} className="font-medium underline">
            Reload the list
          </button>
        </FormAlert>
      ) : null}
      {reorder.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          Saving the new order…
        </p>
      ) : null}
      {ordered.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          {kind.emptyText}
        </p>
      ) : (
        <ReorderableList
          items={ordered}
          listLabel={kind.listLabel}
          labelOf={kind.labelOf}
          onReorder={(orderedIds) => reorder.execute({ workspaceSlug, orderedIds })}
          renderItem={(item) => <StructureRow kind={kind} workspaceSlug={workspaceSlug} item={item} />}
        />
      )}
      {archived.length > 0 ? (
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">
            {kind.archivedHeading} ({archived.length})
          </summary>
          <ul className="divide-y divide-slate-100 border-t border-slate-200">
            {archived.map((item) => (
              <ArchivedRow key={item.id} kind={kind} workspaceSlug={workspaceSlug} item={item} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

type RowProps<Item extends StructureItem> = { kind: StructureKind<Item>; workspaceSlug: string; item: Item };

function StructureRow<Item extends StructureItem>({ kind, workspaceSlug, item }: RowProps<Item>) {
  const [editing, setEditing] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const archive = useAction(kind.actions.archive);
  const label = kind.labelOf(item);
  const idInput = { workspaceSlug, [`${kind.noun}Id`]: item.id };

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

  if (editing) return <RenameForm kind={kind} item={item} idInput={idInput} onClose={close} />;

  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        {kind.summary(item)}
        <ActionErrorLine result={archive.result} />
      </div>
      <div className="flex shrink-0 gap-2">
        <button
          ref={renameButton}
          type="button"
          aria-label={`Rename ${label}`}
          onClick={() => setEditing(true)}
          disabled={archive.isPending}
          className={secondaryButtonClass}
        >
          Rename
        </button>
        <button
          type="button"
          aria-label={`Archive ${label}`}
          disabled={archive.isPending}
          onClick={() => archive.execute(idInput)}
          className={secondaryButtonClass}
        >
          {archive.isPending ? "Archiving…" : "Archive"}
        </button>
      </div>
    </div>
  );
}

/** The row in place of itself while it is renamed; closes when saved or cancelled. */
function RenameForm<Item extends StructureItem>({
  kind,
  item,
  idInput,
  onClose,
}: {
  kind: StructureKind<Item>;
  item: Item;
  idInput: Record<string, string>;
  onClose: () => void;
}) {
  const rename = useAction(kind.actions.rename, { onSuccess: onClose });
  const formError = formErrorOf(rename.result);
  return (
    <form
      aria-label={`Rename ${kind.labelOf(item)}`}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        rename.execute({ ...idInput, ...kind.readFields(new FormData(event.currentTarget)) });
      }}
    >
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      {kind.fields(item, `${kind.noun}-${item.id}`, fieldErrorsOf(rename.result) as FieldErrors)}
      <div className="flex gap-2">
        <button type="submit" disabled={rename.isPending} className={primaryButtonClass}>
          {rename.isPending ? "Saving…" : "Save"}
        </button>
        <button type="button" disabled={rename.isPending} onClick={onClose} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ArchivedRow<Item extends StructureItem>({ kind, workspaceSlug, item }: RowProps<Item>) {
  const unarchive = useAction(kind.actions.unarchive);
  const label = kind.labelOf(item);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div className="min-w-0">
        {kind.archivedSummary(item)}
        <ActionErrorLine result={unarchive.result} />
      </div>
      <button
        type="button"
        aria-label={`Unarchive ${label}`}
        disabled={unarchive.isPending}
        onClick={() => unarchive.execute({ workspaceSlug, [`${kind.noun}Id`]: item.id })}
        className={secondaryButtonClass}
      >
        {unarchive.isPending ? "Unarchiving…" : "Unarchive"}
      </button>
    </li>
  );
}
