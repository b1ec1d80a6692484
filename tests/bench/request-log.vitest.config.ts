import { defineConfig, mergeConfig } from "vitest/config";
import bench from "./vitest.config";

// `npm run bench:request-log` only (scripts/bench-request-log.mjs).
export default mergeConfig(bench, defineConfig({ test: { include: ["tests/bench/request-log.overhead.ts"] } }), false);
