#!/usr/bin/env node
import { readFileSync } from "node:fs";
// A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
//
// The Prisma CLI (7.x) spawns its schema engine and talks JSON-RPC to it over stdin/stdout;
// `cli <command>` invocations answer with an exit code and JSON log lines on stderr.
// This script answers the same protocol with the WebAssembly build of the schema engine
// (@prisma/schema-engine-wasm), reaching PostgreSQL through @prisma/adapter-pg.
//
// Use: PRISMA_SCHEMA_ENGINE_BINARY=path/to/schema-engine.mjs npx prisma migrate deploy
// Needs, in the project's node_modules: @prisma/schema-engine-wasm, @prisma/driver-adapter-utils,
// @prisma/adapter-pg and pg (versions matching the installed prisma CLI).
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";

const projectRequire = createRequire(path.join(process.cwd(), "package.json"));
const load = async (name) => import(projectRequire.resolve(name));

const args = process.argv.slice(2);
if (args.includes("--version")) {
  console.log("schema-engine-cli wasm");
  process.exit(0);
}
const datamodelPaths = [];
let datasource = {};
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--datamodels") datamodelPaths.push(args[++i]);
  else if (args[i] === "--datasource") datasource = JSON.parse(args[++i]);
  else if (args[i].startsWith("--")) i++;
}
const url = datasource.url ?? process.env.DATABASE_URL;
const pg = (await load("pg")).default;

const logLine = (level, fields, target = "schema_engine::logger") =>
  process.stderr.write(JSON.stringify({ level, fields, target }) + "\n");
const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// `schema-engine cli <command>`: one-shot commands judged by exit code.
const cliIndex = args.indexOf("cli");
if (cliIndex >= 0) {
  const command = args[cliIndex + 1];
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const fail = (code, message) => {
    process.stderr.write("\n");
    logLine("ERROR", { error_code: code, message });
    process.exit(1);
  };
  try {
    if (command === "can-connect-to-database") await withClient(url, async () => {});
    else if (command === "create-database")
      await withClient(maintenance.toString(), (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
    else if (command === "drop-database")
      await withClient(maintenance.toString(), (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`));
    else fail("P1000", `unsupported schema-engine cli command: ${command}`);
    process.exit(0);
  } catch (e) {
    fail(e.code === "3D000" ? "P1003" : "P1001", e.message);
  }
}

// The adapter does not map a few catalog-only types that the engine's introspection reads.
// "char" (oid 18) must reach the engine as a Character column; the others read fine as text.
const CHAR_OID = 18;
const TEXT_OID = 25;
const CATALOG_TEXT_OIDS = new Set([22, 24, 27, 28, 29, 30, 194, 1033, 2205, 2206, 3769, 4096]);
const CHAR_MARK = "\u0000char";
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

function retype(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        field.name += CHAR_MARK;
      } else if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CatalogAwareClient extends pg.Client {
  query(...a) {
    const callback = typeof a.at(-1) === "function" ? a.pop() : null;
    if (callback) return super.query(...a, (err, r) => callback(err, err ? r : retype(r)));
    const result = super.query(...a);
    return typeof result?.then === "function" ? result.then(retype) : result;
  }
}

function restoreCharColumns(resultSet) {
  resultSet.columnNames.forEach((name, i) => {
    if (!name.endsWith(CHAR_MARK)) return;
    resultSet.columnNames[i] = name.slice(0, -CHAR_MARK.length);
    resultSet.columnTypes[i] = CHARACTER_COLUMN;
  });
  return resultSet;
}

function restoringChars(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => restoreCharColumns(await queryRaw(query));
  return queryable;
}

// adapter-pg's executeScript splits a script on every ";", which breaks PL/pgSQL bodies in
// migrations. PostgreSQL's simple query protocol runs a multi-statement script as it is, as
// the native engine does. (Parley's change to the shared stand-in.)
function executingScriptsWhole(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

function restoringCharsInTransactions(adapter) {
  executingScriptsWhole(adapter);
  restoringChars(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...a) => restoringChars(await startTransaction(...a));
  return adapter;
}

const pools = [];
function pool(connectionString) {
  const p = new pg.Pool({ connectionString, Client: CatalogAwareClient });
  p.on("error", () => {}); // a dropped shadow database ends its idle connections
  pools.push(p);
  return p;
}

const { PrismaPg } = await load("@prisma/adapter-pg");
const { bindMigrationAwareSqlAdapterFactory } = await load("@prisma/driver-adapter-utils");

const factory = new PrismaPg(pool(url));
const connect = factory.connect.bind(factory);
factory.connect = async () => restoringCharsInTransactions(await connect());
factory.connectToShadowDb = async () => {
  if (datasource.shadowDatabaseUrl) {
    // A shadow database the user names is reused: empty it first, as the native engine does.
    await withClient(datasource.shadowDatabaseUrl, (c) =>
      c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"),
    );
    return restoringCharsInTransactions(await new PrismaPg(pool(datasource.shadowDatabaseUrl)).connect());
  }
  // Like the native engine: a temporary shadow database beside the main one, dropped after use.
  const name = `prisma_shadow_${process.pid}_${Date.now()}`;
  await withClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const shadowUrl = new URL(url);
  shadowUrl.pathname = `/${name}`;
  const shadowPool = pool(shadowUrl.toString());
  const adapter = restoringCharsInTransactions(await new PrismaPg(shadowPool).connect());
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose().catch(() => {});
    await shadowPool.end().catch(() => {});
    await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  };
  return adapter;
};

// The Wasm engine reports a panic's message through this global before it throws.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  },
};

// The Wasm module, instantiated by hand: its package exports no path to the .wasm file.
const wasmEntry = projectRequire.resolve("@prisma/schema-engine-wasm");
const bindings = await import(path.join(path.dirname(wasmEntry), "schema_engine_bg.js"));
const wasmModule = new WebAssembly.Module(readFileSync(path.join(path.dirname(wasmEntry), "schema_engine_bg.wasm")));
const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bindings });
bindings.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start();

// Commands such as `migrate diff` start the engine with no schema; the Wasm build still needs one
// to know its connector.
const datamodels = datamodelPaths.length
  ? datamodelPaths.map((file) => [file, readFileSync(file, "utf8")])
  : [["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n']];
const engine = await bindings.SchemaEngine.new(
  { datamodels },
  (message) => logLine("INFO", { message: String(message) }, "schema_engine::wasm"),
  bindMigrationAwareSqlAdapterFactory(factory),
);

const RENAMED = { getDatabaseVersion: "version" };
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");

async function answer(line) {
  if (!line.trim()) return;
  const request = JSON.parse(line);
  if (request.method === undefined) return; // the CLI acknowledging a print
  try {
    let result = await engine[RENAMED[request.method] ?? request.method](request.params ?? {});
    if (request.method === "diff" && result?.stdout !== undefined) {
      // The Wasm engine returns what the native one prints through a `print` request.
      const { stdout, ...rest } = result;
      if (stdout) send({ id: 0, method: "print", params: { content: stdout.replace(/\n$/, "") } });
      result = rest;
    }
    send({ id: request.id, result: result ?? null });
  } catch (e) {
    const data = e?.code
      ? { error_code: e.code, message: e.message, is_panic: false }
      : e?.name === "RuntimeError"
        ? { message: globalThis.PRISMA_WASM_PANIC_REGISTRY.message || String(e), is_panic: true }
        : { message: String(e?.message ?? e), is_panic: false };
    send({ id: request.id, error: { code: 4466, message: "An error happened", data } });
  }
}

const pending = new Set();
const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on("line", (line) => {
  const p = answer(line);
  pending.add(p);
  p.finally(() => pending.delete(p));
});
input.on("close", async () => {
  await Promise.allSettled([...pending]);
  await Promise.allSettled(pools.map((p) => p.end()));
  process.exit(0);
});
