import { describe, expect, it } from "vitest";
import { diffCellWording, diffWording } from "@/lib/matrix/compare";

const side = (parts: ReturnType<typeof diffWording>, drop: "added" | "removed") =>
  parts
    .filter((p) => p.change !== drop)
    .map((p) => p.text)
    .join("");

describe("diffWording", () => {
  it("marks whole words, and each side reads back as its summary", () => {
    const before = "Russia rejects any further NATO enlargement to the east.";
    const after = "Russia is open to talks on NATO enlargement to the east.";
    const parts = diffWording(before, after);
    expect(side(parts, "added")).toBe(before);
    expect(side(parts, "removed")).toBe(after);
    expect(parts.filter((p) => p.change === "removed").map((p) => p.text.trim())).toContain("rejects any further");
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    for (const part of parts.filter((p) => p.change === "removed"))
      for (const word of words(part.text)) expect(words(before)).toContain(word);
    for (const part of parts.filter((p) => p.change === "added"))
      for (const word of words(part.text)) expect(words(after)).toContain(word);
  });

  it("finds nothing changed in the same words", () => {
    expect(diffWording("Same words.", "Same words.")).toEqual([{ change: "same", text: "Same words." }]);
  });

  it("gives the wording of cells that show a statement on both dates, keyed by cell", () => {
    const cell = (id: string, summary: string) => ({
      issueId: "i",
      partyId: "p",
      version: 1,
      statement: {
        id,
        position: "OPPOSES",
        summary,
        statedOn: "2022-01-10",
        confidence: "MEDIUM" as const,
        confidenceRationale: null,
        evidenceCount: 0,
        links: [],
      },
    });
    const wording = diffCellWording({ cells: [cell("a", "No to bases.")] }, { cells: [cell("b", "Maybe to bases.")] }, [
      { issueId: "i", partyId: "p", before: { id: "a", position: "OPPOSES" }, after: { id: "b", position: "OPEN" } },
    ]);
    expect(Object.keys(wording)).toEqual(["i:p"]);
    expect(side(wording["i:p"]!, "removed")).toBe("Maybe to bases.");
  });
});
