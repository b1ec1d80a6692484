"use client";

import { type DragEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from "react";

type Direction = "up" | "down";

export function moveItem(ids: string[], from: number, to: number): string[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  if (id !== undefined) next.splice(to, 0, id);
  return next;
}

/**
 * An ordered list that can be rearranged two ways: by dragging an item's handle (native HTML5
 * drag and drop) or with its "Move up" / "Move down" buttons, which keep keyboard focus on the
 * moved item and announce its new place. It only proposes orders; the caller saves them.
 */
export function ReorderableList<T extends { id: string }>({
  items,
  labelOf,
  listLabel,
  onReorder,
  renderItem,
}: {
  items: T[];
  labelOf: (item: T) => string;
  listLabel: string;
  onReorder: (orderedIds: string[]) => void;
  renderItem: (item: T) => ReactNode;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const setRefocus = useFocusAfterMove(listRef, items);
  const ids = items.map((item) => item.id);

  function commit(from: number, to: number) {
    if (from === to) return;
    const item = items[from];
    onReorder(moveItem(ids, from, to));
    if (item) setAnnouncement(`Moved “${labelOf(item)}” to position ${to + 1} of ${items.length}.`);
  }

  const { dragId, dropIndex, setDragId, endDrag, handleDragOver, handleDrop } = useDragToReorder(ids, commit);

  return (
    <>
      <ol
        ref={listRef}
        aria-label={listLabel}
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
      >
        {items.map((item, index) => {
          const label = labelOf(item);
          const marker =
            dropIndex === index
              ? "shadow-[0_-2px_0_0_var(--color-indigo-600)]"
              : dropIndex === index + 1 && index === items.length - 1
                ? "shadow-[0_2px_0_0_var(--color-indigo-600)]"
                : "";
          return (
            <li
              key={item.id}
              onDragOver={(event) => handleDragOver(event, index)}
              onDrop={handleDrop}
              className={`flex items-start gap-3 px-3 py-3 ${dragId === item.id ? "opacity-50" : ""} ${marker}`}
            >
              <DragHandle label={label} onStart={() => setDragId(item.id)} onEnd={endDrag} />
              <div className="min-w-0 flex-1">{renderItem(item)}</div>
              <div className="flex shrink-0 gap-1">
                {(["up", "down"] as const).map((direction) => (
                  <MoveButton
                    key={direction}
                    id={item.id}
                    direction={direction}
                    label={label}
                    disabled={direction === "up" ? index === 0 : index === items.length - 1}
                    onClick={() => {
                      commit(index, direction === "up" ? index - 1 : index + 1);
                      setRefocus({ id: item.id, direction });
                    }}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}

/** Dragging by the handle: where the dragged item would land, and the move when it is dropped. */
function useDragToReorder(ids: string[], commit: (from: number, to: number) => void) {
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);

  function endDrag() {
    setDragId(null);
    setDropIndex(null);
  }

  function handleDragOver(event: DragEvent<HTMLLIElement>, index: number) {
    if (dragId === null) return; // only drags that started in this list
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    const box = event.currentTarget.getBoundingClientRect();
    setDropIndex(event.clientY < box.top + box.height / 2 ? index : index + 1);
  }

  function handleDrop(event: DragEvent<HTMLLIElement>) {
    event.preventDefault();
    const from = dragId === null ? -1 : ids.indexOf(dragId);
    if (from >= 0 && dropIndex !== null) commit(from, from < dropIndex ? dropIndex - 1 : dropIndex);
    endDrag();
  }

  return { dragId, dropIndex, setDragId, endDrag, handleDragOver, handleDrop };
}

/**
 * React moves DOM nodes to reorder keyed children, and a moved node loses focus: after a move by
 * button, this puts focus back on the moved item's button (the other one at either end of the list).
 */
function useFocusAfterMove(listRef: RefObject<HTMLOListElement | null>, items: unknown[]) {
  const [refocus, setRefocus] = useState<{ id: string; direction: Direction } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `items` is the trigger: the reordered list has rendered
  useEffect(() => {
    if (!refocus || !listRef.current) return;
    const find = (direction: Direction) =>
      listRef.current?.querySelector<HTMLButtonElement>(
        `button[data-move-id="${refocus.id}"][data-direction="${direction}"]`,
      );
    const button = find(refocus.direction);
    (button && !button.disabled ? button : find(refocus.direction === "up" ? "down" : "up"))?.focus();
    setRefocus(null);
  }, [refocus, items, listRef]);
  return setRefocus;
}

/** Mouse-only affordance; keyboard and screen-reader users have the buttons. */
function DragHandle({ label, onStart, onEnd }: { label: string; onStart: () => void; onEnd: () => void }) {
  return (
    <span
      draggable
      aria-hidden="true"
      title="Drag to reorder"
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", label);
        const row = event.currentTarget.closest("li");
        if (row) event.dataTransfer.setDragImage(row, 16, 16);
        onStart();
      }}
      onDragEnd={onEnd}
      className="mt-1 cursor-grab select-none px-1 text-lg leading-none text-slate-400 hover:text-slate-700 active:cursor-grabbing"
    >
      ⠿
    </span>
  );
}

function MoveButton({
  id,
  direction,
  label,
  disabled,
  onClick,
}: {
  id: string;
  direction: Direction;
  label: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      data-move-id={id}
      data-direction={direction}
      aria-label={`Move ${label} ${direction}`}
      title={direction === "up" ? "Move up" : "Move down"}
      disabled={disabled}
      onClick={onClick}
      className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-40"
    >
      <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
    </button>
  );
}

/** `items` arranged as `ids` says (an optimistic order), tolerating ids that came or went meanwhile. */
export function arrange<T extends { id: string }>(items: T[], ids: string[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const listed = new Set(ids);
  return [...ids.flatMap((id) => byId.get(id) ?? []), ...items.filter((item) => !listed.has(item.id))];
}
