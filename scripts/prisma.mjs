#!/usr/bin/env node
// Runs the Prisma CLI, choosing the schema engine the way an air-gapped machine needs:
// an engine named by PRISMA_SCHEMA_ENGINE_BINARY wins; a native engine already installed is
// used as Prisma would; otherwise Prisma is given one chance to download it, and if the
// network refuses, the project's WebAssembly stand-in (prisma/wasm-schema-engine.mjs) is used
// from then on for this node_modules.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");
const wasmEngine = path.join(root, "prisma", "wasm-schema-engine.mjs");
const offlineMarker = path.join(root, "node_modules", ".cache", "parley", "prisma-engine-offline");
const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|fetch failed|request to https?:\/\/\S+ failed/;

function hasNativeEngine() {
  const dirs = [path.join(root, "node_modules", "@prisma", "engines"), path.join(root, "node_modules", "prisma")];
  return dirs.some((dir) => existsSync(dir) && readdirSync(dir).some((name) => name.startsWith("schema-engine")));
}

export function resolveSchemaEngine(env = process.env) {
  if (env.PRISMA_SCHEMA_ENGINE_BINARY) return env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (hasNativeEngine()) return undefined;
  if (existsSync(offlineMarker)) return wasmEngine;
  const probe = spawnSync(process.execPath, [prismaCli, "version"], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (probe.status === 0 && hasNativeEngine()) return undefined;
  if (NETWORK_FAILURE.test(`${probe.stdout}${probe.stderr}`) || probe.error) {
    mkdirSync(path.dirname(offlineMarker), { recursive: true });
    writeFileSync(offlineMarker, "Prisma's engine download failed; using prisma/wasm-schema-engine.mjs\n");
    return wasmEngine;
  }
  return undefined;
}

/**
 * Runs the CLI asynchronously, resolving to { status, stdout, stderr } like spawnSync. It must
 * not block: the embedded database may be served from this very process.
 */
export function runPrisma(args, { env = process.env, stdio = "inherit" } = {}) {
  const engine = resolveSchemaEngine(env);
  const childEnv = {
    ...env,
    ...(engine ? { PRISMA_SCHEMA_ENGINE_BINARY: engine } : {}),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [prismaCli, ...args], { cwd: root, env: childEnv, stdio });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => resolve({ status: 1, stdout, stderr: `${stderr}${error.message}` }));
    child.on("close", (status) => resolve({ status: status ?? 1, stdout, stderr }));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await runPrisma(process.argv.slice(2));
  process.exit(result.status);
}
