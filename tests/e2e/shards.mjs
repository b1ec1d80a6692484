import durations from "./durations.json" with { type: "json" };

/** Seconds a file took on a quiet run; a file not listed yet counts as a typical one. */
const weights = durations.seconds;
const TYPICAL = 30;

/**
 * Splits files (named by their base name, as tests/e2e/durations.json lists them) between `count`
 * shards so that each has about the same work: longest first, each to the lightest shard.
 * scripts/test.mjs splits the Vitest and the Playwright files together this way.
 * @template {{ name: string }} T
 * @param {T[]} files
 * @param {number} count
 * @returns {T[][]}
 */
export function balanceShards(files, count) {
  const weighed = files
    .map((file) => ({ file, weight: weights[file.name] ?? TYPICAL }))
    .sort((a, b) => b.weight - a.weight || a.file.name.localeCompare(b.file.name));
  const loads = Array.from({ length: count }, () => 0);
  const shards = Array.from({ length: count }, () => []);
  for (const { file, weight } of weighed) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest] += weight;
    shards[lightest].push(file);
  }
  return shards;
}
