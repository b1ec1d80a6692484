import { BaseSequencer } from "vitest/node";
import durations from "./durations.json" with { type: "json" };

/** Seconds a file took on a quiet run; a file not listed yet counts as a typical one. */
const weights = durations.seconds;
const TYPICAL = 30;

/**
 * Splits the end-to-end files between the shards `npm test` runs side by side so that each has
 * about the same work (longest first, each to the lightest shard), instead of Vitest's split by
 * path hash, which can hand one shard most of the long files.
 */
export default class BalancedSequencer extends BaseSequencer {
  /** @param {import("vitest/node").TestSpecification[]} files */
  async shard(files) {
    const { index, count } = this.ctx.config.shard;
    const weighed = files
      .map((spec) => {
        const name = spec.moduleId.slice(spec.moduleId.lastIndexOf("/tests/e2e/") + "/tests/e2e/".length);
        return { spec, name, weight: weights[name] ?? TYPICAL };
      })
      .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
    const loads = Array.from({ length: count }, () => 0);
    const mine = [];
    for (const file of weighed) {
      const lightest = loads.indexOf(Math.min(...loads));
      loads[lightest] += file.weight;
      if (lightest === index - 1) mine.push(file.spec);
    }
    return mine;
  }
}
