import { describe, expect, it } from "vitest";
import type { HeatMapCell } from "@/lib/convergence/heat-map";
import { spreadTrend } from "@/lib/convergence/trend";

const cell = (date: string, spread: number | null, placed: number, inZone = false): HeatMapCell => ({
  date,
  spread,
  placed,
  inZone,
});

describe("spreadTrend", () => {
  it("averages the spread of the issues with two or more parties counting, per column", () => {
    const columns = ["2022-01-10", "2022-01-27"];
    const issues = [
      { cells: [cell("2022-01-10", 0, 1), cell("2022-01-27", 4, 3)] },
      { cells: [cell("2022-01-10", 1, 2, true), cell("2022-01-27", 1, 2, true)] },
      { cells: [cell("2022-01-10", null, 0), cell("2022-01-27", 2, 2)] },
    ];
    expect(spreadTrend(columns, issues)).toEqual([
      { date: "2022-01-10", meanSpread: 1, measured: 1, inZone: 1 },
      { date: "2022-01-27", meanSpread: 2.33, measured: 3, inZone: 1 },
    ]);
  });

  it("has no mean on a column where no issue is measured, and counts met offers towards the zone", () => {
    const trend = spreadTrend(["2022-01-10"], [{ cells: [cell("2022-01-10", null, 2, true)] }]);
    expect(trend).toEqual([{ date: "2022-01-10", meanSpread: null, measured: 0, inZone: 1 }]);
  });
});
