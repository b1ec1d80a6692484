import { describe, expect, it } from "vitest";
import { findDisagreements, roundFigures, type UnitCode } from "@/lib/coding/figures";
import { cohenKappa, krippendorffAlpha } from "@/lib/review/agreement";

const code = (evidenceId: string, coderId: string, issueId: string, position: UnitCode["position"]): UnitCode => ({
  evidenceId,
  coderId,
  partyId: "p",
  issueId,
  position,
});

describe("a round's agreement figures", () => {
  const codes = [
    code("u1", "a", "i1", "SUPPORTS"),
    code("u1", "b", "i1", "SUPPORTS"),
    code("u2", "a", "i1", "OPPOSES"),
    code("u2", "b", "i1", "CONDITIONAL"),
    code("u3", "a", "i2", "REJECTS"),
    code("u3", "b", "i1", "REJECTS"),
    code("u4", "a", "i2", "NO_POSITION"),
  ];
  const figures = roundFigures(["a", "b"], ["u1", "u2", "u3", "u4"], codes);

  it("counts the units coded by two coders or more", () => {
    expect(figures.units).toBe(3);
  });

  it("leaves 'no stated position' out of the ordinal scale", () => {
    expect(figures.alpha.position).toEqual(
      krippendorffAlpha(
        [
          ["SUPPORTS", "SUPPORTS"],
          ["OPPOSES", "CONDITIONAL"],
          ["REJECTS", "REJECTS"],
          [null, null],
        ],
        { level: "ordinal", order: ["DEMANDS", "SUPPORTS", "OPEN", "CONDITIONAL", "OPPOSES", "REJECTS"] },
      ),
    );
  });

  it("counts a coder's position per issue only under the issue they chose", () => {
    const i1 = figures.issues.find((i) => i.issueId === "i1")!;
    expect(i1.position.units).toBe(2);
    expect(i1.pairs[0]!.position).toEqual(
      cohenKappa([
        ["SUPPORTS", "SUPPORTS"],
        ["OPPOSES", "CONDITIONAL"],
        [null, "REJECTS"],
        [null, null],
      ]),
    );
  });

  it("lists the units coded differently, with the fields", () => {
    expect(findDisagreements(["u1", "u2", "u3", "u4"], codes).map((d) => [d.evidenceId, d.fields])).toEqual([
      ["u2", ["position"]],
      ["u3", ["issue"]],
    ]);
  });
});
