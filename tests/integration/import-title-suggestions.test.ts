import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as importV1Route } from "@/app/api/v1/workspaces/[slug]/documents/route";
import { POST as importRoute } from "@/app/api/w/[slug]/documents/route";
import { createApiToken } from "@/lib/account/mutations";
import { CreateApiTokenSchema } from "@/lib/account/schema";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { createUserWithPassword } from "@/lib/users/mutations";

// The import routes suggest quotes as the web import does, with the document's title: a doorstep
// statement whose page names its speaker only in the title (a real NATO transcript of the held-out
// fixtures) gets its paragraphs attributed to the Secretary General.

vi.mock("next/cache", async (importOriginal) =>
  (await import("../support/fake-session")).nextCacheWithoutRevalidation(importOriginal),
);

const ORIGIN = "http://parley.test";
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const DOORSTEP = readFileSync(
  path.join(process.cwd(), "tests", "fixtures", "suggestions", "heldout", "t-nato-2022-01-12-doorstep.txt"),
  "utf8",
);
const TITLE =
  "Doorstep statement by NATO Secretary General Jens Stoltenberg following the meeting of the NATO-Russia Council";

let slug: string;
let secret: string;

beforeAll(async () => {
  const user = await createUserWithPassword({
    email: `${unique("importer")}@parley.test`,
    name: "Importer",
    password: "title test passphrase 4711",
  });
  const workspace = await db().workspace.create({
    data: {
      slug: unique("titles"),
      title: "Title test",
      memberships: { create: { userId: user.id, role: Role.OWNER } },
    },
    select: { id: true, slug: true },
  });
  slug = workspace.slug;
  const nato = await db().party.create({
    data: { workspaceId: workspace.id, name: "NATO", shortName: "NATO", colour: "#1f4e9b", sortOrder: 0 },
    select: { id: true },
  });
  await db().person.create({
    data: { workspaceId: workspace.id, name: "Jens Stoltenberg", role: "Secretary General", partyId: nato.id },
  });
  const token = unwrap(
    await createApiToken(
      user.id,
      CreateApiTokenSchema.parse({ name: unique("script"), scope: "WRITE", workspaceSlugs: [slug] }),
    ),
  );
  secret = token.secret;
});

const post = (url: string, text: string) =>
  new NextRequest(`${ORIGIN}${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
    body: JSON.stringify({ title: TITLE, text }),
  });

type Answer = { suggestions: { text: string; speaker: string | null }[] };

describe("importing over HTTP", () => {
  it("passes the title to the suggester on /api/w/{slug}/documents", async () => {
    const response = await importRoute(post(`/api/w/${slug}/documents`, DOORSTEP), {
      params: Promise.resolve({ slug }),
    });
    expect(response.status).toBe(201);
    const { suggestions } = (await response.json()) as Answer;
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expect(suggestions.every((s) => s.speaker === "Jens Stoltenberg")).toBe(true);
  });

  it("passes the title to the suggester on /api/v1/workspaces/{slug}/documents", async () => {
    // Another revision's text (the same one would be refused as a duplicate).
    const response = await importV1Route(post(`/api/v1/workspaces/${slug}/documents`, `${DOORSTEP}\n`), {
      params: Promise.resolve({ slug }),
    });
    expect(response.status).toBe(201);
    const { suggestions } = (await response.json()) as Answer;
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expect(suggestions.every((s) => s.speaker === "Jens Stoltenberg")).toBe(true);
  });
});
