import { useState } from "react";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";

export type NewSpeaker = { name: string; role: string; partyId: string; organisation: string };

/** Who said the quote: a person from the directory, or a new one to create with the evidence. */
export function useSpeakerChoice(suggestion?: QuoteSuggestion) {
  const [query, setQuery] = useState(suggestion?.speaker?.name ?? suggestion?.speakerName ?? "");
  const [speakerId, setSpeakerId] = useState<string | null>(suggestion?.speaker?.id ?? null);
  const [creating, setCreating] = useState(false);
  const [newSpeaker, setNewSpeaker] = useState<NewSpeaker>({
    name: suggestion?.speakerName ?? "",
    role: "",
    partyId: "",
    organisation: "",
  });

  return {
    query,
    speakerId,
    creating,
    newSpeaker,
    search(text: string) {
      setQuery(text);
      setSpeakerId(null);
    },
    choose(person: { id: string; name: string }) {
      setCreating(false);
      setSpeakerId(person.id);
      setQuery(person.name);
    },
    startCreating() {
      setCreating(true);
      setNewSpeaker({ ...newSpeaker, name: newSpeaker.name || query });
    },
    stopCreating: () => setCreating(false),
    editNewSpeaker: (change: Partial<NewSpeaker>) => setNewSpeaker({ ...newSpeaker, ...change }),
    /** The speaker fields of the save action's input. */
    payload: () => ({
      speakerId: creating ? null : speakerId,
      newSpeaker: creating ? { ...newSpeaker, partyId: newSpeaker.partyId || null } : null,
    }),
  };
}

export type SpeakerChoice = ReturnType<typeof useSpeakerChoice>;
