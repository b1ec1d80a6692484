"use client";

import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { updatePersonAction } from "@/lib/people/actions";
import type { PersonListItem } from "@/lib/people/data";

/** Whether the person's row is being edited, and the action saving it; a success closes the form. */
export function usePersonEdit(slug: string, person: PersonListItem) {
  const [editing, setEditing] = useState(false);
  const update = useAction(updatePersonAction, { onSuccess: () => setEditing(false) });
  const error = actionErrorMessage(update.result);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "");
    update.execute({
      workspaceSlug: slug,
      personId: person.id,
      name: get("name"),
      aliases: get("aliases")
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
      role: get("role"),
      partyId: get("partyId") || null,
      organisation: get("organisation"),
    });
  };

  return { editing, setEditing, error, isPending: update.isPending, onSubmit };
}

export type PersonEditState = ReturnType<typeof usePersonEdit>;
