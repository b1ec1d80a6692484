import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkActionBody } from "@/lib/platform/http/action-body";

// The check must never refuse what a real client sends: bodies here are encoded by the very
// encoder the browser runs (React's `encodeReply`, as Next bundles it).
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.edge") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

async function check(args: unknown[]) {
  const body = await encodeReply(args);
  const request =
    typeof body === "string"
      ? new Request("http://parley.test/", { method: "POST", body, headers: { "content-type": "text/plain" } })
      : new Request("http://parley.test/", { method: "POST", body });
  return checkActionBody(request);
}

function form(entries: [string, string][], withFile: boolean) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  if (withFile) data.append("file", new Blob(["Lavrov said"]), "article.txt");
  return data;
}

const leaf = fc.oneof(
  fc.string(),
  fc.constantFrom("$", "$$", "$undefined", "$1", "$K1", "$<I=s", "$Infinity"),
  fc.double(),
  fc.constantFrom(undefined, null, true, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
  fc.bigInt(),
  fc.date({ noInvalidDate: true }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object"), tie("map"), tie("set")),
  array: fc.array(tie("value"), { maxLength: 5 }),
  object: fc.dictionary(fc.string(), tie("value"), { maxKeys: 5, noNullPrototype: true }),
  map: fc.array(fc.tuple(fc.string(), tie("value")), { maxLength: 3 }).map((entries) => new Map(entries)),
  set: fc.array(leaf, { maxLength: 3 }).map((items) => new Set(items)),
}));

describe("server-action body check", () => {
  it("accepts the values a form action sends: a previous state with undefined, then the form", async () => {
    const data = form(
      [
        ["title", "$x"],
        ["text", "Lavrov on dialogue"],
      ],
      true,
    );
    await expect(check([{ error: undefined, values: { a: Number.NaN } }, data])).resolves.toBeNull();
    await expect(check([undefined])).resolves.toBeNull();
    await expect(check([])).resolves.toBeNull();
  });

  it("accepts anything React's own encoder produces", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(value, { maxLength: 4 }),
        fc.option(fc.tuple(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 4 }), fc.boolean())),
        async (args, formArgs) => {
          const all = formArgs ? [...args, form(...formArgs)] : args;
          expect(await check(all)).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it("still refuses what React would fail on", async () => {
    const refused = async (body: string) =>
      (
        await checkActionBody(
          new Request("http://parley.test/", { method: "POST", body, headers: { "content-type": "text/plain" } }),
        )
      )?.status;
    await expect(refused(JSON.stringify(["$5"]))).resolves.toBe(400);
    await expect(refused(JSON.stringify(["$<I=s"]))).resolves.toBe(400);
    await expect(refused(JSON.stringify([["$", "x"]]))).resolves.toBe(400);
    await expect(refused(JSON.stringify(["$nnot-a-number"]))).resolves.toBe(400);
    await expect(refused("not json")).resolves.toBe(400);
    // A Map or Set built from the row that holds it (found by the fuzz test: a 500 before).
    await expect(refused(JSON.stringify(["$Q0"]))).resolves.toBe(400);
    await expect(refused(JSON.stringify([{ a: "$W0" }]))).resolves.toBe(400);
  });
});
