import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/platform/db/client";
import { testServer } from "../support/test-server";

// Calling the built app over HTTP as a browser would: server actions by their id from the build's
// server-reference manifest (React Flight in and out), route handlers with a session cookie, and a
// digest of every table to prove that a refused call wrote nothing. Shared by policy.test.ts and
// fuzz.test.ts and by browser tests that also call the app directly.

const root = process.cwd();
export const baseUrl = testServer().baseUrl;
export const SESSION_COOKIE = "__Host-parley.session-token";
export const ACCESS_CODES = ["unauthenticated", "not_found", "forbidden"];

// ---------------------------------------------------------------- what exists

export type BuiltAction = { id: string; file: string; name: string };

/** The actions the running build can be called with: `<distDir>/server/server-reference-manifest.json`. */
export function readBuiltActions(): BuiltAction[] {
  const file = path.join(root, process.env.PARLEY_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  if (!existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: build the app first`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<
    "node" | "edge",
    Record<string, { filename: string; exportedName: string }>
  >;
  return Object.entries({ ...manifest.node, ...manifest.edge })
    .map(([id, entry]) => ({ id, file: entry.filename, name: entry.exportedName }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes("generated"))
    .map((f) => path.join(dir, f));
}

/** Exports of every module that starts with "use server": each one is a callable endpoint. */
export function readSourceActions(): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  for (const file of [...sourceFiles("app"), ...sourceFiles("lib"), ...sourceFiles("components")]) {
    const text = readFileSync(path.join(root, file), "utf8");
    if (!/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use server["']/.test(text)) continue;
    for (const match of text.matchAll(/^export\s+(?:async\s+)?(?:const|function)\s+(\w+)/gm))
      found.push({ file, name: match[1]! });
  }
  return found;
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** "METHOD /path" for every exported method of every app/**\/route.ts. */
export function readRoutes(): string[] {
  const routes: string[] = [];
  for (const file of sourceFiles("app").filter((f) => /(^|\/)route\.ts$/.test(f))) {
    const segments = path
      .dirname(path.relative("app", file))
      .split(path.sep)
      .filter((s) => s !== "." && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
    const text = readFileSync(path.join(root, file), "utf8");
    const names = new Set<string>();
    for (const m of text.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/g)) names.add(m[1]!);
    for (const m of text.matchAll(/export\s+(?:const|let)\s*\{([^}]*)\}/g))
      for (const n of m[1]!.split(",")) names.add(n.split(":").pop()!.trim());
    for (const m of text.matchAll(/export\s*\{([^}]*)\}/g))
      for (const n of m[1]!.split(","))
        names.add(
          n
            .split(/\s+as\s+/)
            .pop()!
            .trim(),
        );
    for (const name of names) if (HTTP_METHODS.includes(name)) routes.push(`${name} /${segments.join("/")}`);
  }
  return routes.sort();
}

export const builtActions = readBuiltActions();
export const routes = readRoutes();

// ---------------------------------------------------------------- HTTP

export type Caller = { jar: Map<string, string> };

export function cookieHeader(caller: Caller | undefined): string {
  return caller ? [...caller.jar].map(([k, v]) => `${k}=${v}`).join("; ") : "";
}

export function absorbCookies(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

/** A cookie jar with Auth.js's CSRF cookie, and the token that goes with it. */
export async function csrf(jar = new Map<string, string>()): Promise<{ jar: Map<string, string>; csrfToken: string }> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { Cookie: cookieHeader({ jar }) } });
  absorbCookies(jar, response);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { jar, csrfToken };
}

/** Signs in through Auth.js's credentials endpoint, as the sign-in form's server action does. */
export async function signInOverHttp(
  email: string,
  password: string,
): Promise<{ caller: Caller; sessionSetCookie: string }> {
  const { jar, csrfToken } = await csrf();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader({ jar }) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  const sessionSetCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!sessionSetCookie)
    throw new Error(
      `Signing in as ${email} set no session cookie (HTTP ${response.status}, Location ${response.headers.get("location")})`,
    );
  absorbCookies(jar, response);
  return { caller: { jar }, sessionSetCookie };
}

export type ActionReply = { status: number; redirect: string | null; setCookies: string[]; result: unknown };

/**
 * Reads the action's return value out of a React Flight response: row 0 is `{"a": "$@1", …}` and
 * row 1 the value (or `E{…}` for a thrown error). A redirect answers with a page payload and no
 * row 0: the result is then undefined and `redirect` says where to.
 */
export function decodeActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const row = (id: string): unknown => {
    const raw = rows.get(id);
    if (raw === undefined) return undefined;
    if (raw.startsWith("E{")) return { $error: JSON.parse(raw.slice(1)) };
    try {
      return revive(JSON.parse(raw));
    } catch {
      return raw;
    }
  };
  const revive = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (value.startsWith("$@")) return row(value.slice(2));
      if (value === "$undefined") return undefined;
      return value.startsWith("$$") ? value.slice(1) : value;
    }
    if (Array.isArray(value)) return value.map(revive);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
    return value;
  };
  const head = rows.get("0");
  if (!head) return undefined;
  return revive((JSON.parse(head) as { a?: unknown }).a);
}

export function actionId(name: string): string {
  const action = builtActions.find((a) => a.name === name);
  if (!action) throw new Error(`${name} is not in the build's server-reference-manifest.json`);
  return action.id;
}

/**
 * Calls a server action the way the browser does. Arguments go as JSON, or, when one is a
 * FormData (form actions), as React's multipart reply encoding with the fields before the root.
 */
export async function callAction(
  name: string,
  args: unknown[],
  caller: Caller | undefined,
  origin = baseUrl,
  extraHeaders: Record<string, string> = {},
): Promise<ActionReply> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    "Next-Action": actionId(name),
    Origin: origin,
    Accept: "text/x-component",
  };
  if (caller) headers.Cookie = cookieHeader(caller);
  let body: string | FormData;
  const formAt = args.findIndex((a) => a instanceof FormData);
  if (formAt === -1) {
    headers["Content-Type"] = "text/plain;charset=UTF-8";
    body = JSON.stringify(args);
  } else {
    body = new FormData();
    for (const [key, value] of args[formAt] as FormData) body.append(`_1_${key}`, value);
    body.append("0", JSON.stringify(args.map((a, i) => (i === formAt ? "$K1" : a))));
  }
  const response = await fetch(`${baseUrl}/`, { method: "POST", headers, body, redirect: "manual" });
  return {
    status: response.status,
    redirect: response.headers.get("x-action-redirect"),
    setCookies: response.headers.getSetCookie(),
    result: decodeActionResult(await response.text()),
  };
}

export type Outcome = {
  serverError?: { code?: string; message?: string };
  validationErrors?: unknown;
  data?: unknown;
  $error?: unknown;
};

export const outcome = (reply: ActionReply) => (reply.result ?? {}) as Outcome;
export const accessRefusal = (reply: ActionReply) => {
  const code = outcome(reply).serverError?.code;
  return code && ACCESS_CODES.includes(code) ? code : null;
};

export async function fetchAs(caller: Caller | undefined, pathname: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl}${pathname}`, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), Cookie: cookieHeader(caller) },
  });
}

// ---------------------------------------------------------------- the database

/**
 * Written by design on every attempt, allowed or not (sign-ins, and the registrations and code
 * requests that are throttled per client address); everything else must stay put when a call is
 * refused.
 */
const UNSTAMPED_TABLES = ["_prisma_migrations", "login_attempts", "throttle_events"];
let stampSql: string | undefined;

/**
 * Each table's row count and newest row version (xmin), by table name so a failure says which one
 * changed: any insert, update or delete moves one of them (an update writes a new row version even
 * when the values are the same), so two equal stamps around a call mean it wrote nothing. Cheap
 * enough to take around every call (an md5 of every row cost 33–190 ms on the e2e database). The
 * e2e files run one at a time, so nothing else writes while a test compares two of these.
 */
export async function tableStamps(): Promise<Record<string, string>> {
  if (!stampSql) {
    const tables = await db().$queryRaw<
      { name: string }[]
    >`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
    stampSql = `SELECT ${tables
      .map((t) => t.name)
      .filter((name) => !UNSTAMPED_TABLES.includes(name))
      .map((name) => {
        const quoted = `"${name.replaceAll('"', '""')}"`;
        return `(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM ${quoted}) AS ${quoted}`;
      })
      .join(", ")}`;
  }
  const [row] = await db().$queryRawUnsafe<Record<string, string>[]>(stampSql);
  return row!;
}
