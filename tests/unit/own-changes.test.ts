import { describe, expect, it } from "vitest";
import { isOwnEcho, rememberOwnSubject, trackOwnSave } from "@/components/live/own-changes";

describe("the live stream's echo of this tab's own save", () => {
  it("is skipped while the save is in flight, or once for a subject the save named", async () => {
    let during = false;
    await trackOwnSave(["statement-a"], async () => {
      during = isOwnEcho({ mine: true, subjectId: "statement-new" });
    });
    expect(during).toBe(true);
    expect(isOwnEcho({ mine: true, subjectId: "statement-a" })).toBe(true);
    // Each subject is the echo once: a later change to it (another tab of the same user) is news.
    expect(isOwnEcho({ mine: true, subjectId: "statement-a" })).toBe(false);
  });

  it("is news when another user made it, or the same user elsewhere with nothing of ours in flight", () => {
    rememberOwnSubject("statement-b");
    expect(isOwnEcho({ mine: false, subjectId: "statement-b" })).toBe(false);
    expect(isOwnEcho({ mine: true, subjectId: "statement-c" })).toBe(false);
  });

  it("stops counting a failed save as in flight", async () => {
    await expect(trackOwnSave([], () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(isOwnEcho({ mine: true, subjectId: "statement-d" })).toBe(false);
  });
});
