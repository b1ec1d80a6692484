import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

// Only for `npm run bench` (scripts/bench.mjs), which hands the run its database and plan; it is
// not one of the projects `npm test` runs.
export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests", "support", "empty-module.ts"),
    },
  },
  test: {
    include: ["tests/bench/**/*.bench-run.ts"],
    environment: "node",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ["next-auth"] } },
  },
});
