// This tab's own edits, so that the live stream's echo of them does not read the page again: the
// action that saved an edit already answered with the page re-rendered after it (revalidatePath).
// The stream marks an event `mine` when the same user made it, which could be another tab; only an
// event for a subject this tab saved, or one arriving while this tab's save is in flight (whose
// re-render reads after that commit), is skipped.

const ownSubjects = new Set<string>();
let savesInFlight = 0;
const REMEMBERED = 50;

/** Wraps one save: the stream's `mine` events during it are answered by its own re-render. */
export async function trackOwnSave<T>(subjectIds: (string | null | undefined)[], save: () => Promise<T>): Promise<T> {
  savesInFlight += 1;
  for (const id of subjectIds) if (id) remember(id);
  try {
    return await save();
  } finally {
    savesInFlight -= 1;
  }
}

export function rememberOwnSubject(id: string | null | undefined) {
  if (id) remember(id);
}

function remember(id: string) {
  ownSubjects.add(id);
  if (ownSubjects.size > REMEMBERED) ownSubjects.delete(ownSubjects.values().next().value as string);
}

/** Whether an activity event from the live stream is the echo of this tab's own save. */
export function isOwnEcho(event: { mine?: boolean; subjectId?: string | null }): boolean {
  if (!event.mine) return false;
  if (event.subjectId && ownSubjects.delete(event.subjectId)) return true;
  return savesInFlight > 0;
}
