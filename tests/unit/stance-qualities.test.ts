import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redLineMarks } from "@/lib/matrix/qualities";

const statement = (id: string, statedOn: string, redLine: boolean) => ({ id, statedOn, redLine });

describe("red line marks in a cell's history", () => {
  it("say when a red line was first drawn, softened and drawn again (histories come newest first)", () => {
    const marks = redLineMarks([
      statement("e", "2022-02-16", true),
      statement("d", "2022-02-01", false),
      statement("c", "2022-01-26", true),
      statement("b", "2021-12-20", true),
      statement("a", "2021-12-17", false),
    ]);
    expect(Object.fromEntries(marks)).toEqual({ b: "drawn", d: "softened", e: "redrawn" });
  });

  it("order two statements of one day by their place in the history", () => {
    const marks = redLineMarks([statement("later", "2022-01-10", false), statement("earlier", "2022-01-10", true)]);
    expect(Object.fromEntries(marks)).toEqual({ earlier: "drawn", later: "softened" });
  });

  it("mark exactly the statements where the red line changes, against a plain walk", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 12 }), (reds) => {
        // Oldest first here, one day apart; the function is given them newest first.
        const oldestFirst = reds.map((red, i) => statement(`s${i}`, `2022-01-${String(i + 1).padStart(2, "0")}`, red));
        const marks = redLineMarks([...oldestFirst].reverse());
        let ever = false;
        reds.forEach((red, i) => {
          const before = i > 0 ? reds[i - 1] : false;
          const expected = red && !before ? (ever ? "redrawn" : "drawn") : !red && before ? "softened" : undefined;
          expect(marks.get(`s${i}`)).toBe(expected);
          ever ||= red;
        });
      }),
      { seed: 20_211_217, numRuns: 200 },
    );
  });
});
