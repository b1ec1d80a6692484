import { BaseSequencer } from "vitest/node";
import { balanceShards } from "./shards.mjs";

/**
 * `vitest --shard` for the end-to-end files split by balanceShards instead of Vitest's split by
 * path hash, which can hand one shard most of the long files.
 */
export default class BalancedSequencer extends BaseSequencer {
  /** @param {import("vitest/node").TestSpecification[]} files */
  async shard(files) {
    const { index, count } = this.ctx.config.shard;
    const named = files.map((spec) => ({ spec, name: spec.moduleId.slice(spec.moduleId.lastIndexOf("/") + 1) }));
    return balanceShards(named, count)[index - 1].map((file) => file.spec);
  }
}
