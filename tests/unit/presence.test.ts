import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyPresence,
  diffPresence,
  type PresenceEntry,
  presenceOf,
  snapshotMessage,
} from "@/lib/platform/live/presence";

const entry = (userId: string, view: string, name = userId): PresenceEntry => ({ userId, name, view });

describe("presence", () => {
  it("is one entry per user, at the view of the connection that joined last", () => {
    const list = presenceOf([
      { userId: "a", name: "A", view: "/matrix", joinedAt: 1 },
      { userId: "a", name: "A", view: "/documents/1", joinedAt: 3 },
      { userId: "b", name: "B", view: "/matrix", joinedAt: 2 },
    ]);
    expect([...list.values()]).toEqual([entry("a", "/documents/1", "A"), entry("b", "/matrix", "B")]);
  });

  it("sends nothing when nothing changed, and joined/moved/left otherwise", () => {
    const before = new Map([
      ["a", entry("a", "/x")],
      ["b", entry("b", "/x")],
    ]);
    expect(diffPresence(before, new Map(before))).toBeNull();
    const after = new Map([
      ["a", entry("a", "/y")],
      ["c", entry("c", "/x")],
    ]);
    expect(diffPresence(before, after)).toEqual({ joined: [entry("c", "/x")], moved: [entry("a", "/y")], left: ["b"] });
  });

  it("a snapshot and the deltas after it rebuild the server's list", () => {
    const lists = fc.array(
      fc.uniqueArray(fc.record({ userId: fc.constantFrom("a", "b", "c", "d"), name: fc.string(), view: fc.string() }), {
        selector: (e) => e.userId,
      }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(lists, (states) => {
        const maps = states.map((s) => new Map(s.map((e) => [e.userId, e])));
        let client = applyPresence(new Map(), snapshotMessage(maps[0]!));
        for (let i = 1; i < maps.length; i++) {
          const delta = diffPresence(maps[i - 1]!, maps[i]!);
          if (delta) client = applyPresence(client, delta);
        }
        expect(Object.fromEntries(client)).toEqual(Object.fromEntries(maps[maps.length - 1] ?? []));
      }),
    );
  });
});
