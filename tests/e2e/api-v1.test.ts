import { randomBytes, randomUUID } from "node:crypto";
import { compileErrors, dereference, validate } from "@readme/openapi-parser";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/account/mutations";
import { EXAMPLE_BODIES, EXAMPLE_IDS, EXAMPLE_SLUG } from "@/lib/api/examples";
import { Role, TokenScope } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { createUserWithPassword } from "@/lib/users/mutations";
import { baseUrl, fetchAs, signInOverHttp } from "./http";

// /api/v1/ against the built app: the OpenAPI document it serves validates, and every documented
// operation, called with the document's own examples in document order (creates before the
// reads and edits that need their ids), answers as documented. The examples' placeholder ids are
// swapped for the ids earlier answers gave, the example workspace for one seeded here.

type Schema = Record<string, unknown>;
type Media = { schema?: Schema; examples?: Record<string, { value: unknown }> };
type Operation = {
  operationId: string;
  parameters?: { name: string; in: string; example?: unknown; schema?: { example?: unknown } }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const run = randomUUID().slice(0, 8);
const PASSWORD = `api-v1-${randomBytes(12).toString("base64url")}`;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

let slug: string;
let email: string;
let token: string;
let served: OpenApi;
let resolved: OpenApi;
/** Placeholder in the examples → the real value for this run. */
const ids = new Map<string, string>();

beforeAll(async () => {
  email = `api-v1-${run}@parley.test`;
  const user = await createUserWithPassword({ email, name: "API v1 script", password: PASSWORD });
  const workspace = await db().workspace.create({
    data: {
      slug: `api-v1-${run}`,
      title: `API v1 ${run}`,
      issues: { create: { title: "Neutrality", sortOrder: 0 } },
      parties: { create: { name: "Delegation", shortName: "DL", colour: "#1d4ed8", sortOrder: 0 } },
      memberships: { create: { userId: user.id, role: Role.EDITOR } },
    },
    select: { slug: true },
  });
  slug = workspace.slug;
  ids.set(EXAMPLE_SLUG, slug);
  token = unwrap(
    await createApiToken(user.id, {
      name: "API v1",
      scope: TokenScope.WRITE,
      workspaceSlugs: [slug],
      expiresInDays: 1,
    }),
  ).secret;
  const response = await fetchAs(undefined, "/api/v1/openapi.json");
  expect(response.status).toBe(200);
  served = (await response.json()) as OpenApi;
  resolved = (await dereference(structuredClone(served) as never)) as unknown as OpenApi;
});

const swap = (text: string) => [...ids].reduce((out, [from, to]) => out.replaceAll(from, to), text);

function schemaOf(operation: Operation, status: string, type: string): Schema | undefined {
  const content = operation.responses[status]?.content ?? {};
  return (content[type] ?? Object.entries(content).find(([t]) => type.startsWith(t))?.[1])?.schema;
}

function expectMatches(schema: Schema | undefined, body: unknown, what: string) {
  expect(schema, `${what}: no documented schema`).toBeDefined();
  const check = ajv.compile(schema!);
  expect(check(body), `${what}: ${ajv.errorsText(check.errors)}\n${JSON.stringify(body).slice(0, 2000)}`).toBe(true);
}

/** What the answers teach: the ids later examples stand for. */
function learn(operationId: string, body: Record<string, unknown>) {
  if (operationId === "getStructure") {
    const { issues, parties } = body as { issues: { id: string }[]; parties: { id: string }[] };
    ids.set(EXAMPLE_IDS.issueId, issues[0]!.id).set(EXAMPLE_IDS.partyId, parties[0]!.id);
  }
  if (operationId === "importDocument")
    ids.set(EXAMPLE_IDS.documentId, String(body.id)).set(EXAMPLE_IDS.revisionId, String(body.revisionId));
  if (operationId === "createEvidence" && !ids.has(EXAMPLE_IDS.evidenceId))
    ids.set(EXAMPLE_IDS.evidenceId, String(body.id));
  if (typeof body.statementId === "string") ids.set(EXAMPLE_IDS.statementId, body.statementId);
}

async function call(path: string, method: string, operation: Operation, example?: unknown, headers = {}) {
  let url = `/api/v1${path}`;
  const query = new URLSearchParams();
  for (const parameter of operation.parameters ?? []) {
    const value = parameter.example ?? parameter.schema?.example;
    if (value === undefined) continue;
    if (parameter.in === "path") url = url.replace(`{${parameter.name}}`, encodeURIComponent(swap(String(value))));
    if (parameter.in === "query") query.set(parameter.name, swap(String(value)));
  }
  if (query.size) url += `?${query}`;
  return fetchAs(undefined, url, {
    method: method.toUpperCase(),
    headers: {
      Authorization: `Bearer ${token}`,
      ...(example === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    ...(example === undefined ? {} : { body: swap(JSON.stringify(example)) }),
  });
}

describe("/api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validate(structuredClone(served) as never);
    expect(result.valid, compileErrors(result)).toBe(true);
    expect((served as unknown as { openapi: string }).openapi).toBe("3.1.0");
  });
});

describe("every documented operation, with the document's examples", () => {
  it("answers with a documented status and a body that matches its documented schema", async () => {
    const called: string[] = [];
    for (const [path, item] of Object.entries(resolved.paths)) {
      // Writes first: the reads of the same path then have something to show.
      const methods = Object.entries(item).sort(([a], [b]) => Number(b === "post") - Number(a === "post"));
      for (const [method, operation] of methods) {
        const examples = Object.values(operation.requestBody?.content["application/json"]?.examples ?? {});
        for (const example of examples.length ? examples.map((e) => e.value) : [undefined]) {
          const what = `${method.toUpperCase()} ${path} (${operation.operationId})`;
          const response = await call(path, method, operation, example);
          const status = String(response.status);
          const type = response.headers.get("content-type")?.split(";")[0] ?? "";
          const text = await response.text();
          expect(
            status.startsWith("2") && operation.responses[status],
            `${what}: ${status} ${text.slice(0, 500)}`,
          ).toBeTruthy();
          const body = type.endsWith("json") ? JSON.parse(text) : text;
          expectMatches(schemaOf(operation, status, type), body, what);
          if (type === "application/json") learn(operation.operationId, body);
          called.push(operation.operationId);
        }
      }
    }
    const documented = Object.values(served.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
    expect(new Set(called)).toEqual(new Set(documented));
  });

  it("refuses a stale baseVersion with 409 and the cell as it now is, as documented, and saves nothing", async () => {
    const operation = resolved.paths["/workspaces/{slug}/statements"]!.post!;
    const before = await db().stanceStatement.count({ where: { workspace: { slug } } });
    const response = await call("/workspaces/{slug}/statements", "post", operation, EXAMPLE_BODIES.recordStatement);
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(409);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expectMatches(schemaOf(operation, "409", "application/problem+json"), body, "409");
    expect(body).toMatchObject({
      error: "conflict",
      status: 409,
      current: { version: 3, lastEdit: { kind: "retracted" } },
    });
    expect(await db().stanceStatement.count({ where: { workspace: { slug } } })).toBe(before);
  });
});

describe("statement objects", () => {
  it("carry confidence, red line and condition, as the example recorded them", async () => {
    const response = await fetchAs(undefined, `/api/v1/workspaces/${slug}/statements?limit=200`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const { statements } = (await response.json()) as { statements: Record<string, unknown>[] };
    const recorded = statements.find((s) => s.summary === EXAMPLE_BODIES.recordStatement.summary);
    expect(recorded).toMatchObject({
      confidence: "HIGH",
      redLine: false,
      conditional: true,
      conditionText: EXAMPLE_BODIES.recordStatement.conditionText,
      conditionIssueId: null,
      conditionPartyId: null,
      conditionMinPosition: null,
    });
    for (const statement of statements)
      expect(Object.keys(statement)).toEqual(
        expect.arrayContaining(["redLine", "conditional", "conditionMinPosition"]),
      );
  });
});

describe("problem details", () => {
  it("answer a missing token, a bad query and another site's session write in one shape", async () => {
    const problems = [
      [await fetchAs(undefined, `/api/v1/workspaces/${slug}/structure`), 401, "unauthenticated"],
      [
        await fetchAs(undefined, `/api/v1/workspaces/${slug}/matrix?asOf=2022-02-30`, {
          headers: { Authorization: `Bearer ${token}` },
        }),
        400,
        "invalid_request",
      ],
      [
        await fetchAs((await signInOverHttp(email, PASSWORD)).caller, `/api/v1/workspaces/${slug}/statements`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
          body: JSON.stringify(EXAMPLE_BODIES.retractStatement),
        }),
        403,
        "cross_origin",
      ],
    ] as const;
    const schema = (served as unknown as { components: { schemas: { Problem: Schema } } }).components.schemas.Problem;
    for (const [response, status, error] of problems) {
      const body = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expectMatches(schema, body, error);
      expect(body).toMatchObject({ status, error, title: expect.any(String), detail: expect.any(String) });
    }
    expect(baseUrl).toMatch(/^http/);
  });
});

describe("the reference page", () => {
  it("renders every operation from the document, with no script of its own", async () => {
    const response = await fetchAs(undefined, "/docs/api");
    const html = await response.text();
    expect(response.status).toBe(200);
    for (const item of Object.values(served.paths))
      for (const operation of Object.values(item)) expect(html).toContain(`id="${operation.operationId}"`);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
  });
});
