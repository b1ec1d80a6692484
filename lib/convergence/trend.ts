import type { HeatMapCell } from "@/lib/convergence/heat-map";

/** One heat-map column summed up over every issue: the chart of spread over time plots these. */
export type SpreadTrendPoint = {
  date: string;
  /** Mean spread, in steps, of the issues measured that day; null when none is. */
  meanSpread: number | null;
  /** Issues with at least two parties counting (placed), the only ones a spread means something for. */
  measured: number;
  inZone: number;
};

/**
 * Per column, the mean spread of the issues on which at least two parties count, rounded to two
 * decimals (as the table view prints it). A lone party's spread of 0 is no agreement, so it is left out.
 */
export function spreadTrend(
  columns: readonly string[],
  issues: readonly { cells: readonly HeatMapCell[] }[],
): SpreadTrendPoint[] {
  return columns.map((date, column) => {
    let total = 0;
    let measured = 0;
    let inZone = 0;
    for (const issue of issues) {
      const cell = issue.cells[column];
      if (!cell) continue;
      if (cell.inZone) inZone++;
      if (cell.spread === null || cell.placed < 2) continue;
      total += cell.spread;
      measured++;
    }
    return { date, meanSpread: measured === 0 ? null : Math.round((total / measured) * 100) / 100, measured, inZone };
  });
}
