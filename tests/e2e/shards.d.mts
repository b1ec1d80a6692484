/** See shards.mjs: splits files between shards by their recorded durations (tests/e2e/durations.json). */
export declare function balanceShards<T extends { name: string }>(files: T[], count: number): T[][];
