import { randomBytes, randomUUID } from "node:crypto";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import { db } from "@/lib/platform/db/client";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/platform/http/action-body";
import type { LoadedWorkspace } from "@/tests/support/fixture/load";
import {
  actionId,
  baseUrl,
  type Caller,
  callAction,
  cookieHeader,
  outcome,
  signInOverHttp,
  tableStamps,
} from "../e2e/http";
import { seedUser, seedWorkspace } from "../support/seed";
import { expect, signIn, test } from "./fixtures";

// Server-action bodies that React's reply decoder or Next's body limit refuse used to make Next
// answer 500 before any of our code ran. proxy.ts now answers each with a short plain 4xx and
// nothing is written; the largest legitimate body (a 2 MB document import) still goes through.

const run = randomUUID().slice(0, 8);
const PASSWORD = `bodies-${randomBytes(12).toString("base64url")}`;
let workspace: LoadedWorkspace;
let owner: Caller;

test.beforeAll(async () => {
  const user = await seedUser({
    email: `bodies-${run}@parley.test`,
    name: "Body owner",
    password: PASSWORD,
  });
  workspace = await seedWorkspace({ title: `Action bodies ${run}`, slug: `bodies-${run}`, ownerId: user.id });
  owner = (await signInOverHttp(`bodies-${run}@parley.test`, PASSWORD)).caller;
});

type Body = { contentType: string; body: string | Uint8Array | (() => ReadableStream<Uint8Array>) };

async function post({ contentType, body }: Body): Promise<{ status: number; text: string }> {
  const streamed = typeof body === "function";
  const response = await fetch(`${baseUrl}/`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": actionId("importDocumentAction"),
      Origin: baseUrl,
      Accept: "text/x-component",
      "Content-Type": contentType,
      Cookie: cookieHeader(owner),
    },
    body: streamed ? body() : body,
    ...(streamed ? { duplex: "half" } : {}),
  } as RequestInit);
  return { status: response.status, text: await response.text() };
}

const JSON_TYPE = "text/plain;charset=UTF-8";
// Fields in the order given: the browser sends the rows a row refers to before it, the root last.
const multipart = (boundary: string, fields: [string, string][]) => ({
  contentType: `multipart/form-data; boundary=${boundary}`,
  body: `${fields
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("")}--${boundary}--\r\n`,
});
const overLimit = () => `["${"a".repeat(ACTION_BODY_LIMIT_BYTES + 1024)}"]`;
const strings = (count: number, length: number) => Array.from({ length: count }, () => "x".repeat(length));

const bad: Record<string, { expected: number } & Body> = {
  "arrays holding 1.2 million characters": {
    expected: 413,
    contentType: JSON_TYPE,
    body: JSON.stringify([{ workspaceSlug: "x" }, strings(4, 300_000)]),
  },
  "one row referenced many times (1.2 million characters by reference)": {
    expected: 413,
    ...multipart("b0", [
      ["1", JSON.stringify(strings(1, 300_000))],
      ["0", JSON.stringify(["$1", "$1", "$1", "$1"])],
    ]),
  },
  "a body over the limit, with its Content-Length": { expected: 413, contentType: JSON_TYPE, body: overLimit() },
  "a body over the limit, streamed without a Content-Length": {
    expected: 413,
    contentType: JSON_TYPE,
    body: () => {
      const bytes = new TextEncoder().encode(overLimit());
      return new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 256 * 1024) controller.enqueue(bytes.slice(at, at + 256 * 1024));
          controller.close();
        },
      });
    },
  },
  "garbage bytes as JSON": { expected: 400, contentType: JSON_TYPE, body: new Uint8Array([0, 255, 123, 34, 1, 2]) },
  "garbage bytes as multipart": {
    expected: 400,
    contentType: "multipart/form-data; boundary=zzz",
    body: "this is not multipart at all",
  },
  "multipart without a boundary": { expected: 400, contentType: "multipart/form-data", body: "--x\r\n" },
  "multipart without row 0": { expected: 400, ...multipart("b1", [["1", "[]"]]) },
  "a row that is not JSON": {
    expected: 400,
    ...multipart("b2", [
      ["1", "{nope"],
      ["0", '["$1"]'],
    ]),
  },
  "a reference to a row that comes later": {
    expected: 400,
    ...multipart("b3", [
      ["0", '["$1"]'],
      ["1", "[]"],
    ]),
  },
  "a reference to a missing row": { expected: 400, contentType: JSON_TYPE, body: JSON.stringify(["$5"]) },
  "an invalid BigInt": { expected: 400, contentType: JSON_TYPE, body: JSON.stringify(["$nnot-a-number"]) },
  // Found by the fuzzer: strings a real client would have escaped as "$$…", read as references.
  "a bare “$” inside a list": {
    expected: 400,
    contentType: JSON_TYPE,
    body: JSON.stringify([{ orderedIds: [["$", "<I=s", "^"]] }]),
  },
  "a “$” reference to no row": { expected: 400, contentType: JSON_TYPE, body: JSON.stringify(["$<I=s"]) },
  "arrays nested 100,000 deep": {
    expected: 400,
    contentType: JSON_TYPE,
    body: `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
  },
};

test.describe("server-action bodies that the decoder refuses", () => {
  for (const [name, { expected, ...body }] of Object.entries(bad))
    test(`answers ${expected} to ${name}, and writes nothing`, async () => {
      const before = await tableStamps();
      const reply = await post(body);
      expect(reply.status, reply.text.slice(0, 300)).toBe(expected);
      expect(reply.text.length).toBeLessThan(200);
      expect(reply.text).toMatch(/^(Malformed request|The request)/);
      expect(await tableStamps()).toEqual(before);
    });
});

// Lines with quotes and backslashes, which JSON escapes: the body is larger than the text.
const LINE = `He said "no" \\ then "yes" to article ${"x".repeat(40)}.\n`;
const TWO_MB = LINE.repeat(Math.floor(MAX_DOCUMENT_BYTES / LINE.length));

test.describe("legitimate action bodies", () => {
  test("still imports a 2 MB file through the form", async ({ page }) => {
    await signIn(page, { email: `bodies-${run}@parley.test`, password: PASSWORD });
    await page.goto(`${baseUrl}/w/${workspace.slug}/documents/new`);
    const title = `Two megabyte file ${run}`;
    await page.getByLabel("Title").fill(title);
    await page
      .getByLabel(/Upload a file/)
      .setInputFiles({ name: "two-megabytes.txt", mimeType: "text/plain", buffer: Buffer.from(TWO_MB) });
    await expect(page.getByText(/Will import “two-megabytes.txt”/)).toBeVisible();
    await page.getByRole("button", { name: "Import document" }).click();
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    const stored = await db().document.findFirstOrThrow({
      where: { workspaceId: workspace.id, title },
      include: { revisions: { select: { text: true } } },
    });
    expect(stored.revisions[0]!.text.length).toBe(TWO_MB.length);
  });

  test("still imports a 2 MB document", async () => {
    // Not the form test's text, which the workspace would refuse as a duplicate.
    const text = `S${TWO_MB.slice(1)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_DOCUMENT_BYTES - LINE.length);
    const title = `Two megabytes ${run}`;
    const reply = await callAction(
      "importDocumentAction",
      [{ workspaceSlug: workspace.slug, title, outlet: "", url: "", language: "en", text }],
      owner,
    );
    expect(reply.status).toBe(200);
    expect(outcome(reply).data, JSON.stringify(reply.result).slice(0, 500)).toMatchObject({
      documentId: expect.any(String),
    });
    const stored = await db().document.findFirstOrThrow({
      where: { workspaceId: workspace.id, title },
      include: { revisions: { select: { text: true } } },
    });
    expect(stored.revisions[0]!.text.length).toBe(text.length);
  });

  test("still answers an ordinary call, refused by validation as before", async () => {
    const reply = await callAction("importDocumentAction", [{ workspaceSlug: workspace.slug, title: "" }], owner);
    expect(reply.status).toBe(200);
    expect(outcome(reply).validationErrors).toBeTruthy();
  });
});
