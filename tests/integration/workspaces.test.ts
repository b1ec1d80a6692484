import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as importDocumentRoute } from "@/app/api/w/[slug]/documents/route";
import { GET as matrixRoute } from "@/app/api/w/[slug]/matrix/route";
import { POST as createWorkspaceRoute } from "@/app/api/workspaces/route";
import { Role } from "@/lib/generated/prisma/enums";
import { recordStatementAction } from "@/lib/matrix/actions";
import { DEFAULT_POSITION_LABELS, resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import { AccessError } from "@/lib/platform/errors";
import { addIssueAction } from "@/lib/structure/actions";
import { authorizeWorkspace, listMyWorkspaces, trustedWorkspace } from "@/lib/workspaces/access";
import { landingWorkspace } from "@/lib/workspaces/data";
import { archiveWorkspace, deleteWorkspace, restoreWorkspace, touchWorkspace } from "@/lib/workspaces/mutations";
import { TEMPLATE_KEYS } from "@/lib/workspaces/schema";
import { WORKSPACE_TEMPLATES } from "@/lib/workspaces/templates";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { type LoadedWorkspace, loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { resetDatabase } from "../support/database";

// The JSON route and the gate as the app runs them, with only the session faked: the proxy's verified
// session is whoever `session.userId` names. Memberships, roles and archive state are real.

const session = vi.hoisted(() => ({ userId: null as string | null }));
// The session the proxy would have verified for the request (lib/platform/auth/session-check.ts).
vi.mock("@/lib/platform/auth/session-check", async (importOriginal) =>
  (await import("../support/fake-session")).fakeSessionCheck(importOriginal, session),
);
// Outside a Next request there is no cache to revalidate.
vi.mock("next/cache", async (importOriginal) =>
  (await import("../support/fake-session")).nextCacheWithoutRevalidation(importOriginal),
);

const run = randomUUID().slice(0, 8);
const ORIGIN = "http://parley.test";
let creatorId: string;
let outsiderId: string;
let demo: LoadedWorkspace;

function create(body: unknown, headers: Record<string, string> = {}) {
  return createWorkspaceRoute(
    new Request(`${ORIGIN}/api/workspaces`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

function getMatrix(slug: string) {
  return matrixRoute(new NextRequest(`${ORIGIN}/api/w/${slug}/matrix?asOf=2022-02-16`), {
    params: Promise.resolve({ slug }),
  });
}

function importDocument(slug: string) {
  return importDocumentRoute(
    new Request(`${ORIGIN}/api/w/${slug}/documents`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        title: `Note ${randomUUID()}`,
        publishedAt: "2022-01-10",
        text: `Text ${randomUUID()}.\n`,
      }),
    }),
    { params: Promise.resolve({ slug }) },
  );
}

/** What contentCounts reads for a workspace with a structure and nothing recorded in it (or none at all). */
const NO_CONTENT = {
  statements: 0,
  documents: 0,
  evidence: 0,
  people: 0,
  comments: 0,
  invitations: 0,
  shareLinks: 0,
  cells: 0,
};

async function contentCounts(workspaceId: string) {
  const where = { workspaceId };
  return {
    statements: await db().stanceStatement.count({ where }),
    documents: await db().document.count({ where }),
    evidence: await db().evidence.count({ where }),
    people: await db().person.count({ where }),
    comments: await db().comment.count({ where }),
    invitations: await db().invitation.count({ where }),
    shareLinks: await db().shareLink.count({ where }),
    cells: await db().stanceCell.count({ where }),
  };
}

async function structureOf(slug: string) {
  const workspace = await db().workspace.findUniqueOrThrow({
    where: { slug },
    select: {
      id: true,
      title: true,
      description: true,
      positionLabels: true,
      parties: { where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { name: true, shortName: true } },
      issues: { where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { title: true } },
      memberships: { select: { userId: true, role: true } },
    },
  });
  return { ...workspace, positionLabels: resolvePositionLabels(workspace.positionLabels) };
}

beforeAll(async () => {
  await resetDatabase();
  creatorId = (await db().user.create({ data: { email: `creator-${run}@parley.test`, name: "Creator" } })).id;
  outsiderId = (await db().user.create({ data: { email: `outsider-${run}@parley.test`, name: "Outsider" } })).id;
  demo = await loadWorkspaceFixture(securityGuarantees, {
    slug: `demo-${run}`,
    members: [{ userId: creatorId, role: Role.VIEWER }],
  });
});

describe("POST /api/workspaces", () => {
  it("creates a blank workspace owned by the caller: 201 { slug }", async () => {
    session.userId = creatorId;
    const slug = `blank-${run}`;
    const response = await create({ title: "  A blank slate ", slug, description: "Nothing yet." });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ slug });
    const created = await structureOf(slug);
    expect(created).toMatchObject({ title: "A blank slate", description: "Nothing yet.", parties: [], issues: [] });
    expect(created.positionLabels).toEqual(DEFAULT_POSITION_LABELS);
    expect(created.memberships).toEqual([{ userId: creatorId, role: Role.OWNER }]);
    expect((await authorizeWorkspace(slug, "workspace:lifecycle")).role).toBe(Role.OWNER);
    const event = await db().activityEvent.findFirstOrThrow({ where: { workspaceId: created.id } });
    expect(event).toMatchObject({ action: "workspace.created", actorId: creatorId });
  });

  it.each(TEMPLATE_KEYS.filter((key) => key !== "blank"))(
    "creates from the %s template: its placeholder parties, issues and labels",
    async (template) => {
      session.userId = creatorId;
      const slug = `${template}-${run}`;
      const response = await create({ title: `From ${template}`, slug, template });
      expect(response.status).toBe(201);
      const created = await structureOf(slug);
      const expected = WORKSPACE_TEMPLATES[template];
      expect(created.parties).toEqual(expected.parties);
      expect(created.issues.map((i) => i.title)).toEqual(expected.issues.map((i) => i.title));
      expect(created.positionLabels).toEqual(expected.positionLabels);
      expect(await contentCounts(created.id)).toEqual(NO_CONTENT);
    },
  );

  it("copies the structure of a workspace the caller belongs to, and nothing else", async () => {
    session.userId = creatorId;
    const source = await structureOf(demo.slug);
    expect((await contentCounts(demo.id)).statements).toBeGreaterThan(0);
    const slug = `copy-${run}`;
    const response = await create({ title: "Copied structure", slug, copyFrom: demo.slug });
    expect(response.status).toBe(201);
    const copy = await structureOf(slug);
    expect(copy.parties).toEqual(source.parties);
    expect(copy.issues).toEqual(source.issues);
    expect(copy.positionLabels).toEqual(source.positionLabels);
    expect(copy.memberships).toEqual([{ userId: creatorId, role: Role.OWNER }]);
    expect(await contentCounts(copy.id)).toEqual(NO_CONTENT);
    // The source's other members do not follow its structure.
    expect(source.memberships.length).toBeGreaterThan(0);
  });

  it("will not copy a workspace the caller is not a member of (the same 404 as a missing one)", async () => {
    session.userId = outsiderId;
    const foreign = await create({ title: "Stolen", slug: `stolen-${run}`, copyFrom: demo.slug });
    const missing = await create({ title: "Stolen", slug: `stolen-${run}`, copyFrom: `missing-${run}` });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await missing.text());
    expect(await db().workspace.findUnique({ where: { slug: `stolen-${run}` } })).toBeNull();
  });

  it("answers 400 with field messages for a bad slug, title or template", async () => {
    session.userId = creatorId;
    const response = await create({ title: "", slug: "Not A Slug!", template: "nonsense" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("invalid_request");
    expect(body.details.fieldErrors.slug[0]).toMatch(/lowercase letters, digits and single hyphens/);
    expect(body.details.fieldErrors.title).toEqual(["Enter a title."]);
    expect(body.details.fieldErrors.template[0]).toMatch(/Choose a template/);
    expect((await create({ title: "Too long", slug: "a".repeat(65) })).status).toBe(400);
  });

  it("answers 409 for a taken slug, and leaves the existing workspace alone", async () => {
    session.userId = outsiderId;
    const response = await create({ title: "Squatter", slug: demo.slug });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: "slug_taken" });
    expect((await structureOf(demo.slug)).title).toBe(demo.title);
  });

  it("refuses the signed-out (401) and other sites (403), creating nothing", async () => {
    session.userId = null;
    expect((await create({ title: "Anonymous", slug: `anon-${run}` })).status).toBe(401);
    session.userId = creatorId;
    const crossSite = await create({ title: "Cross site", slug: `cross-${run}` }, { Origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(await db().workspace.count({ where: { slug: { in: [`anon-${run}`, `cross-${run}`] } } })).toBe(0);
  });
});

describe("an archived workspace", () => {
  let slug: string;

  beforeAll(async () => {
    slug = (
      await loadWorkspaceFixture(securityGuarantees, {
        slug: `archived-${run}`,
        members: [{ userId: creatorId, role: Role.OWNER }],
      })
    ).slug;
  });

  it("refuses every write with a clear message, and restoring it re-enables them", async () => {
    session.userId = creatorId;
    const workspace = await authorizeWorkspace(slug, "workspace:lifecycle");
    const issue = await db().issue.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } });
    const party = await db().party.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } });
    const record = () =>
      recordStatementAction({
        workspaceSlug: slug,
        issueId: issue.id,
        partyId: party.id,
        baseVersion: 0,
        position: "SUPPORTS",
        summary: "Recorded in an archived workspace",
        statedOn: "2022-02-01",
        links: [],
      });
    const activityBefore = await db().activityEvent.count({ where: { workspaceId: workspace.id } });
    expect(await archiveWorkspace(workspace)).toEqual({ changed: true });
    const archived = await authorizeWorkspace(slug, "workspace:read");
    expect(archived.archived).toBe(true);

    const stance = await record();
    expect(stance.serverError).toMatchObject({ code: "archived", message: expect.stringMatching(/archived/) });
    const added = await addIssueAction({ workspaceSlug: slug, title: `Added while archived ${run}`, description: "" });
    expect(added.serverError).toMatchObject({ code: "archived" });
    const imported = await importDocument(slug);
    expect(imported.status).toBe(403);
    expect(await imported.json()).toMatchObject({ error: "archived", message: expect.stringMatching(/read-only/) });
    for (const permission of [
      "comment:write",
      "stance:write",
      "evidence:write",
      "document:write",
      "structure:write",
      "members:manage",
      "workspace:settings",
    ] as const)
      await expect(authorizeWorkspace(slug, permission)).rejects.toMatchObject({ code: "archived" });
    expect(await db().activityEvent.count({ where: { workspaceId: workspace.id } })).toBe(activityBefore + 1);
    // Reading still works, and it leaves the landing choice.
    expect((await getMatrix(slug)).status).toBe(200);

    expect(await restoreWorkspace(archived)).toEqual({ changed: true });
    expect((await importDocument(slug)).status).toBe(201);
    const again = await addIssueAction({ workspaceSlug: slug, title: `Added after restoring ${run}`, description: "" });
    expect(again.serverError).toBeUndefined();
    expect(
      await db().issue.count({ where: { workspaceId: workspace.id, title: `Added after restoring ${run}` } }),
    ).toBe(1);
  });
});

describe("deleting a workspace", () => {
  it("needs the slug typed, then removes it and all its content; its URLs answer as for a missing one", async () => {
    session.userId = creatorId;
    const loaded = await loadWorkspaceFixture(securityGuarantees, {
      slug: `doomed-${run}`,
      members: [
        { userId: creatorId, role: Role.OWNER },
        { userId: outsiderId, role: Role.EDITOR },
      ],
    });
    const workspace = await authorizeWorkspace(loaded.slug, "workspace:lifecycle");
    expect((await contentCounts(loaded.id)).evidence).toBeGreaterThan(0);

    expect(await deleteWorkspace(workspace, "not-the-slug")).toMatchObject({ ok: false, code: "confirmation" });
    expect(await db().workspace.count({ where: { id: loaded.id } })).toBe(1);

    expect(await deleteWorkspace(workspace, loaded.slug)).toEqual({ ok: true });
    expect(await db().workspace.count({ where: { id: loaded.id } })).toBe(0);
    expect(await contentCounts(loaded.id)).toEqual(NO_CONTENT);
    expect(await db().activityEvent.count({ where: { workspaceId: loaded.id } })).toBe(0);
    for (const userId of [creatorId, outsiderId])
      expect((await listMyWorkspaces(userId)).map((m) => m.workspace.slug)).not.toContain(loaded.slug);

    const gone = await getMatrix(loaded.slug);
    const missing = await getMatrix(`never-${run}`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe(await missing.text());
    await expect(authorizeWorkspace(loaded.slug, "workspace:read")).rejects.toBeInstanceOf(AccessError);
    // The address is free again.
    expect((await create({ title: "Reborn", slug: loaded.slug })).status).toBe(201);
  });

  it("the activity log stays append-only for workspaces that exist", async () => {
    await expect(db().activityEvent.deleteMany({ where: { workspaceId: demo.id } })).rejects.toThrow(/append-only/);
  });
});

describe("landing after sign-in", () => {
  it("remembers a member's visit at most once a minute", async () => {
    const user = (await db().user.create({ data: { email: `toucher-${run}@parley.test` } })).id;
    const loaded = await loadWorkspaceFixture(securityGuarantees, {
      slug: `touch-${run}`,
      members: [{ userId: user, role: Role.VIEWER }],
    });
    const lastUsed = async () =>
      (
        await db().membership.findUniqueOrThrow({
          where: { workspaceId_userId: { workspaceId: loaded.id, userId: user } },
        })
      ).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await touchWorkspace(trustedWorkspace(loaded, user));
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await touchWorkspace(trustedWorkspace(loaded, user));
    expect(await lastUsed()).toEqual(first);
  });

  it("is the only workspace, the most recently used one, or the list (null)", async () => {
    const user = (await db().user.create({ data: { email: `lander-${run}@parley.test` } })).id;
    expect(await landingWorkspace(user)).toBeNull();
    const first = await loadWorkspaceFixture(securityGuarantees, {
      slug: `land-a-${run}`,
      members: [{ userId: user, role: Role.VIEWER }],
    });
    expect(await landingWorkspace(user)).toBe(first.slug);
    const second = await loadWorkspaceFixture(securityGuarantees, {
      slug: `land-b-${run}`,
      members: [{ userId: user, role: Role.VIEWER }],
    });
    expect(await landingWorkspace(user)).toBeNull();
    await touchWorkspace(trustedWorkspace(second, user));
    expect(await landingWorkspace(user)).toBe(second.slug);
    await archiveWorkspace(trustedWorkspace(second));
    expect(await landingWorkspace(user)).toBe(first.slug);
  });
});
