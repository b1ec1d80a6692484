// Presence as one entry per user per workspace (a user with ten tabs open is one viewer), sent as
// a snapshot when a stream opens and as deltas after that. Shared by the server, which computes
// the deltas, and the browser, which applies them.

export type PresenceEntry = { userId: string; name: string; view: string };
export type PresenceMessage = {
  /** The whole list (replaces what the client had), not a change. */
  reset?: true;
  joined?: PresenceEntry[];
  moved?: PresenceEntry[];
  left?: string[];
};
export type PresenceList = ReadonlyMap<string, PresenceEntry>;

/** One entry per user: the view of the connection that joined last. */
export function presenceOf(
  connections: Iterable<{ userId: string; name: string; view: string; joinedAt: number }>,
): Map<string, PresenceEntry> {
  const latest = new Map<string, { entry: PresenceEntry; joinedAt: number }>();
  for (const c of connections) {
    const known = latest.get(c.userId);
    if (!known || c.joinedAt >= known.joinedAt)
      latest.set(c.userId, { entry: { userId: c.userId, name: c.name, view: c.view }, joinedAt: c.joinedAt });
  }
  return new Map([...latest].map(([userId, { entry }]) => [userId, entry]));
}

/** What changed from `before` to `after`, or null when nothing did. */
export function diffPresence(before: PresenceList, after: PresenceList): PresenceMessage | null {
  const joined: PresenceEntry[] = [];
  const moved: PresenceEntry[] = [];
  const left: string[] = [];
  for (const [userId, entry] of after) {
    const was = before.get(userId);
    if (!was) joined.push(entry);
    else if (was.view !== entry.view || was.name !== entry.name) moved.push(entry);
  }
  for (const userId of before.keys()) if (!after.has(userId)) left.push(userId);
  if (joined.length + moved.length + left.length === 0) return null;
  return {
    ...(joined.length ? { joined } : {}),
    ...(moved.length ? { moved } : {}),
    ...(left.length ? { left } : {}),
  };
}

export function snapshotMessage(list: PresenceList): PresenceMessage {
  return { reset: true, joined: [...list.values()] };
}

/** The client's side: the list after a snapshot or a delta. */
export function applyPresence(list: PresenceList, message: PresenceMessage): Map<string, PresenceEntry> {
  const next = message.reset ? new Map<string, PresenceEntry>() : new Map(list);
  for (const entry of [...(message.joined ?? []), ...(message.moved ?? [])]) next.set(entry.userId, entry);
  for (const userId of message.left ?? []) next.delete(userId);
  return next;
}
