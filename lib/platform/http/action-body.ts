// Server-action request bodies checked before Next and React decode them. Whatever their decoder
// refuses (a body over `serverActions.bodySizeLimit`, a body that is not JSON or multipart, a
// reference to a row that is not there, arrays holding over 1,000,000 characters in total, an
// invalid BigInt, nesting deep enough to overflow its recursion) Next answers with HTTP 500 before
// any of our code runs; proxy.ts answers these with a 4xx instead. The walk below mirrors React's
// reply decoder (react-server-dom-webpack `decodeReply`: parseModelString, reviveModel,
// bumpArrayCount) closely enough to over-approximate what it refuses, never to under-approximate
// what a real client sends.

/** Must equal next.config.js `experimental.serverActions.bodySizeLimit` ("5mb" = 5 × 1024 × 1024). */
export const ACTION_BODY_LIMIT_BYTES = 5 * 1024 * 1024;
/** React refuses above 1,000,000 (its `arraySizeLimit` default); we refuse well before, with margin for approximation. */
export const ACTION_ARRAY_CHARACTER_LIMIT = 500_000;
const MAX_DEPTH = 256;
const MAX_VISITS = 2_000_000;

export type BodyRefusal = { status: 400 | 413; message: string };

const tooLarge: BodyRefusal = {
  status: 413,
  message: `The request is larger than ${ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB.`,
};
const malformed = (why: string): BodyRefusal => ({ status: 400, message: `Malformed request: ${why}.` });

/** A refusal for a Content-Length over the limit, before anything is read. */
export function checkActionLength(contentLength: string | null): BodyRefusal | null {
  if (contentLength === null) return null;
  const length = Number(contentLength);
  if (!Number.isSafeInteger(length) || length < 0) return malformed("invalid Content-Length");
  return length > ACTION_BODY_LIMIT_BYTES ? tooLarge : null;
}

class Refused extends Error {
  constructor(readonly refusal: BodyRefusal) {
    super(refusal.message);
  }
}

// After "$": the tags whose rest is a hexadecimal row id (parseModelString's outlined models).
const ROW_REFERENCE = /^\$([@hQWiBRrXxAOoUSsLlGgMmVb]?)([0-9a-fA-F]+)$/;
// Values that stand alone, told apart by the character after "$" alone ("$undefined", "$Infinity",
// "$-0", "$NaN", a date, a BigInt (checked above), a FormData prefix, "$H"). Temporary references
// ($T) are refused: no action of ours takes one.
const LITERAL = /^\$[INu\-DnKH]/;

// Promises and streams: resolved when their row arrives, so they may come later.
const ASYNC_TAGS = ["@", "R", "r", "X", "x"];

type Rows = Map<string, FormDataEntryValue>;
type ArrayContext = { count: number; fork: boolean };

/**
 * What React reads a string of the model as: text counting some characters towards its array, a
 * reference to a row (with the tag after "$"), or null for a value that stands alone.
 */
function readModelString(value: string): { characters: number } | { row: string; tag: string } | null {
  if (value[0] !== "$") return { characters: value.length };
  if (value[1] === "$") return { characters: value.length - 1 };
  if (value[1] === "n" && !/^\$n-?\d{1,300}$/.test(value)) throw new Refused(malformed("an invalid BigInt"));
  const reference = ROW_REFERENCE.exec(value);
  if (reference) return { row: String(Number.parseInt(reference[2] ?? "", 16)), tag: reference[1] ?? "" };
  if (LITERAL.test(value)) return null;
  // Anything else React reads as a reference to the row named by the hex id before any ":".
  const id = value.slice(1).split(":")[0] ?? "";
  if (!/^[0-9a-fA-F]{1,8}$/.test(id)) throw new Refused(malformed("a “$” reference that names no row"));
  return { row: String(Number.parseInt(id, 16)), tag: "" };
}

/** Walks row 0 the way React revives it, following references into the other rows. */
function checkRows(rows: Rows): BodyRefusal | null {
  let visits = 0;
  const parsed = new Map<string, unknown>();
  const contexts: ArrayContext[] = [];
  const onPath = new Set<string>();

  const order = [...rows.keys()];
  const path: string[] = [];
  const row = (id: string, depth: number, context: ArrayContext | null, tag: string) => {
    const entry = rows.get(id);
    if (entry === undefined) throw new Refused(malformed(`a reference to row ${id}, which is missing`));
    // React decodes rows as they stream in: a synchronous reference to a row that comes later fails.
    const from = path.at(-1);
    if (from !== undefined && !ASYNC_TAGS.includes(tag) && order.indexOf(id) > order.indexOf(from))
      throw new Refused(malformed(`row ${from} refers to row ${id}, which comes after it`));
    const blob = tag === "B";
    if (blob) return;
    if (typeof entry !== "string") throw new Refused(malformed(`row ${id} is a file`));
    if (onPath.has(id)) {
      // A cycle: React resolves a plain reference to the object already being built, but a Map,
      // Set, iterator or typed array is constructed from that unfinished object, and throws.
      if (tag !== "")
        throw new Refused(malformed(`row ${id} holds a ${tag === "Q" ? "Map" : "value"} built from itself`));
      return;
    }
    if (!parsed.has(id)) {
      try {
        parsed.set(id, JSON.parse(entry));
      } catch {
        throw new Refused(malformed(`row ${id} is not JSON`));
      }
    }
    onPath.add(id);
    path.push(id);
    walk(parsed.get(id), depth + 1, context);
    path.pop();
    onPath.delete(id);
  };

  const walk = (value: unknown, depth: number, context: ArrayContext | null): void => {
    if (++visits > MAX_VISITS || depth > MAX_DEPTH) throw new Refused(malformed("the arguments nest too deeply"));
    if (typeof value === "string") {
      const read = readModelString(value);
      if (read === null) return;
      if ("characters" in read) {
        if (context) context.count += read.characters;
      } else row(read.row, depth, context, read.tag);
      return;
    }
    if (Array.isArray(value)) {
      const own = context ?? { count: 0, fork: false };
      if (!context) contexts.push(own);
      if (value.length > 1) own.fork = true;
      own.count += value.length + 1;
      for (const item of value) walk(item, depth + 1, own);
      return;
    }
    if (value && typeof value === "object") for (const item of Object.values(value)) walk(item, depth + 1, null);
  };

  try {
    row("0", 0, null, "");
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
  if (contexts.some((c) => c.fork && c.count > ACTION_ARRAY_CHARACTER_LIMIT))
    return {
      status: 413,
      message: `The request holds lists of more than ${ACTION_ARRAY_CHARACTER_LIMIT.toLocaleString("en")} characters in total.`,
    };
  return null;
}

/**
 * Checks a server-action request's body (read from a clone; Next hands the action its own copy).
 * Next decodes a multipart body as form rows, anything else as one UTF-8 JSON row "0".
 */
export async function checkActionBody(request: Request): Promise<BodyRefusal | null> {
  const contentType = request.headers.get("content-type") ?? "";
  // Next answers urlencoded action posts itself (404, or the page for a no-JS form post).
  if (contentType.startsWith("application/x-www-form-urlencoded")) return null;
  const bytes = new Uint8Array(await request.clone().arrayBuffer());
  if (bytes.byteLength > ACTION_BODY_LIMIT_BYTES) return tooLarge;
  const rows: Rows = new Map();
  if (contentType.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
    } catch {
      return malformed("the multipart body cannot be read");
    }
    for (const [key, value] of form) rows.set(key, value);
  } else {
    rows.set("0", new TextDecoder().decode(bytes));
  }
  return checkRows(rows);
}
