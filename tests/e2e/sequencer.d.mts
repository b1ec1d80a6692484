import { BaseSequencer } from "vitest/node";

/** See sequencer.mjs: splits the end-to-end files between shards by their recorded durations. */
export default class BalancedSequencer extends BaseSequencer {}
