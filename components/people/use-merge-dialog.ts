"use client";

import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { mergePeopleAction } from "@/lib/people/actions";
import type { PersonListItem } from "@/lib/people/data";
import { similarPeople } from "@/lib/people/names";

/**
 * The entry to merge with (the most similar name first), which of the two keeps its name, and the
 * merge itself; the dialog opens as a modal when mounted.
 */
export function useMergeDialog(
  slug: string,
  person: PersonListItem,
  people: PersonListItem[],
  onMerged: (message: string) => void,
) {
  const dialog = useRef<HTMLDialogElement>(null);
  const others = people.filter((p) => p.id !== person.id);
  const [otherId, setOtherId] = useState(() => similarPeople(person.name, others)[0]?.id ?? "");
  const [keepId, setKeepId] = useState(person.id);
  const other = others.find((p) => p.id === otherId);
  const keep = keepId === person.id ? person : other;
  const gone = keepId === person.id ? other : person;
  const merge = useAction(mergePeopleAction, {
    onSuccess: ({ data }) => {
      if (!keep || !gone) return;
      onMerged(`Merged ${gone.name} into ${keep.name}; ${data.moved} ${data.moved === 1 ? "quote" : "quotes"} moved.`);
    },
  });
  const error = actionErrorMessage(merge.result);
  useEffect(() => dialog.current?.showModal(), []);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (keep && gone) merge.execute({ workspaceSlug: slug, keepId: keep.id, mergeId: gone.id });
  };

  return {
    dialog,
    others,
    otherId,
    setOtherId,
    keepId,
    setKeepId,
    other,
    keep,
    gone,
    error,
    isPending: merge.isPending,
    onSubmit,
  };
}
