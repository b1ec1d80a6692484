import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

/** Integration files that `vi.mock` a module or set process.env: each needs its own module graph. */
const ISOLATED_INTEGRATION_FILES = [
  "tests/integration/api-tokens.test.ts",
  "tests/integration/export-route.test.ts",
  "tests/integration/import-title-suggestions.test.ts",
  "tests/integration/invitation-email.test.ts",
  "tests/integration/proposal-mail.test.ts",
  "tests/integration/workspaces.test.ts",
];

const integration = {
  environment: "node",
  // The files share one database and reset it between tests: one at a time.
  fileParallelism: false,
  maxWorkers: 1,
  sequence: { concurrent: false },
  globalSetup: ["tests/integration/global-setup.ts"],
  setupFiles: ["tests/integration/setup.ts"],
  // Generous for a loaded machine: ten argon2 verifications took over 30 s at load 30.
  testTimeout: 120_000,
  hookTimeout: 120_000,
} satisfies TestProjectInlineConfiguration["test"];

// `npm test` (scripts/test.mjs) runs the projects with the databases and server they need; each
// can also run alone: `npm run test:unit`, `test:integration` (both integration projects), `test:e2e`.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Next swaps `server-only` for an empty module on the server; Vitest must do the same.
      "server-only": path.join(root, "tests", "support", "empty-module.ts"),
    },
  },
  test: {
    passWithNoTests: true,
    // Global teardowns stop the app server and drop databases.
    teardownTimeout: 30_000,
    // next-auth imports `next/server` without an extension, which only resolves when Vite
    // transforms it instead of handing it to Node.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"],
          // Pure functions, no module mocks or environment changes: one module graph for all files
          // (a fresh one per file spent as long importing as testing).
          isolate: false,
          // Property tests run thousands of cases: on a busy machine (CI runs the steps side by
          // side) Vitest's 5 s default is not enough.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          ...integration,
          include: ["tests/integration/**/*.test.ts"],
          exclude: ISOLATED_INTEGRATION_FILES,
          sequence: { ...integration.sequence, groupOrder: 1 },
          // The files share one process and one module graph: a fresh one per file cost ~7 s of
          // imports each (half the lane). Files that mock modules or change process.env run in
          // the isolated project below instead.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration-isolated",
          ...integration,
          include: ISOLATED_INTEGRATION_FILES,
          // After the shared project, not beside it: both use the one database.
          sequence: { ...integration.sequence, groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          // One module graph for a shard's files, as for the integration files: no e2e file mocks a
          // module or changes process.env (the app server they drive is a process of its own).
          isolate: false,
          // One app server and one database for the run; files seed their own uniquely named data.
          fileParallelism: false,
          maxWorkers: 1,
          // `npm test` hands each shard its files (scripts/test.mjs, balanced by tests/e2e/durations.json).
          globalSetup: ["tests/e2e/global-setup.ts"],
          // Generous: on a loaded 2-core machine (CI shares it) one page load can take seconds, and
          // a test signs in and loads several. Waits inside tests are for conditions, not times.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
