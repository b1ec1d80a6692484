import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { earliestQuoteId } from "../support/demo-copy";
import { seedUser, seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, newContext, screenshot, signIn, test, testServer } from "./fixtures";

const server = testServer();
const { baseUrl } = server;

// Comments, mentions, permalinks and the inbox through the real UI, in a workspace of this file's
// own: the admin owns it, Mina comments, Vic only views. Everyone's accounts are made here.

const run = randomBytes(4).toString("hex");
const password = `Comments-${randomBytes(12).toString("base64url")}`;
const mina = { name: "Mina Marsh", email: `mina-${run}@parley.test` };
const vic = { name: "Vic Viewer", email: `vic-${run}@parley.test` };

let slug: string;
let evidenceId: string;
let adminId: string;
let minaId: string;
let statement: { id: string; issueId: string; partyId: string };

test.beforeAll(async () => {
  adminId = await userIdByEmail(server.admin.email);
  minaId = (await seedUser({ ...mina, password })).id;
  const vicId = (await seedUser({ ...vic, password })).id;
  const workspace = await seedWorkspace({
    title: `Comments ${run}`,
    slug: `comments-${run}`,
    ownerId: adminId,
    members: [
      { userId: minaId, role: Role.COMMENTER },
      { userId: vicId, role: Role.VIEWER },
    ],
  });
  slug = workspace.slug;
  evidenceId = await earliestQuoteId(workspace.id);
  statement = await db().stanceStatement.findFirstOrThrow({
    where: { workspaceId: workspace.id },
    orderBy: { statedOn: "asc" },
    select: { id: true, issueId: true, partyId: true },
  });
});

const targetId = (page: Page) => page.evaluate(() => document.querySelector(":target")?.id ?? null);

async function newSignedInPage(context: BrowserContext, email: string) {
  const page = await context.newPage();
  await signIn(page, { email: email, password: password });
  return page;
}

async function latestComment(body: string) {
  return db().comment.findFirstOrThrow({
    where: { body: { contains: body } },
    orderBy: { createdAt: "desc" },
    select: { id: true, body: true },
  });
}

test.describe("comments on a quote", () => {
  // The viewer reads the thread the first test writes.
  test.describe.configure({ mode: "serial" });

  test("mentions a member picked with the keyboard, links to the comment, and brings it to their inbox", async ({
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await signIn(page, server.admin);
    const evidencePath = `/w/${slug}/evidence/${evidenceId}`;
    await page.goto(evidencePath);

    const composer = page.getByRole("textbox", { name: "Comment on this quote" });
    await composer.click();
    await composer.pressSequentially("Could you check the date, @Mi");
    const listbox = page.getByRole("listbox", { name: "Mention someone" });
    await expect(listbox).toBeVisible();
    // "Mi" matches the Administrator and Mina, in name order; the arrow moves to Mina.
    expect(await listbox.getByRole("option").allInnerTexts()).toEqual([
      expect.stringContaining("Administrator"),
      expect.stringContaining("Mina Marsh"),
    ]);
    await composer.press("ArrowDown");
    await expect(listbox.getByRole("option", { selected: true })).toContainText("Mina Marsh");
    await composer.press("Enter");
    await expect(listbox).toBeHidden();
    await expect(composer).toHaveValue("Could you check the date, @Mina Marsh ");
    await composer.pressSequentially(`in **this** quote? (${run})`);
    await page.getByRole("button", { name: "Comment", exact: true }).click();

    const posted = page.locator(".comment").filter({ hasText: `in this quote? (${run})` });
    await expect(posted).toBeVisible();
    await expect(posted.locator("strong")).toHaveText("this", { useInnerText: true });
    await expect(composer).toHaveValue("");
    const comment = await latestComment(run);
    expect(await db().commentMention.findMany({ where: { commentId: comment.id }, select: { userId: true } })).toEqual([
      { userId: minaId },
    ]);
    expect(
      await db().notification.findMany({ where: { commentId: comment.id }, select: { userId: true, kind: true } }),
    ).toEqual([{ userId: minaId, kind: "MENTION" }]);

    await posted.getByRole("button", { name: "Copy link" }).click();
    await expect(posted.getByRole("button", { name: "Copied" })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${baseUrl}${evidencePath}#comment-${comment.id}`);
    await page.goto(link);
    await expect(page.locator(`#comment-${comment.id}`)).toBeVisible();
    expect(await targetId(page)).toBe(`comment-${comment.id}`);
    await screenshot(page, "comments-permalink");

    // Mina: the header counts the mention; the inbox item opens the comment and is then read.
    const minaContext = await newContext(browser);
    try {
      const minaPage = await newSignedInPage(minaContext, mina.email);
      await minaPage.goto("/inbox");
      await expect(minaPage.getByRole("link", { name: "Inbox (1)" })).toBeVisible();
      await screenshot(minaPage, "comments-inbox");
      await minaPage.getByRole("link", { name: /Administrator mentioned you on the quote/ }).click();
      await expect(minaPage).toHaveURL((url) => url.pathname === evidencePath && url.hash === `#comment-${comment.id}`);
      await expect(minaPage.locator(`#comment-${comment.id}`)).toBeVisible();
      expect(await targetId(minaPage)).toBe(`comment-${comment.id}`);
      await expect(minaPage.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
      expect(await db().notification.count({ where: { userId: minaId, readAt: null } })).toBe(0);

      // She replies; the admin, who started the thread, is told.
      const thread = minaPage.getByRole("article").filter({ has: minaPage.locator(`#comment-${comment.id}`) });
      await thread.getByRole("button", { name: "Reply", exact: true }).click();
      await thread.getByRole("textbox", { name: "Reply to Administrator" }).fill(`Checked, it is right (${run}).`);
      await thread.getByRole("button", { name: "Reply", exact: true }).click();
      await expect(thread.locator(".comment").filter({ hasText: `Checked, it is right (${run}).` })).toBeVisible();
      const replyRow = await latestComment(`Checked, it is right (${run}).`);
      const reply = minaPage.locator(`#comment-${replyRow.id}`);
      expect(
        await db().notification.findMany({ where: { commentId: replyRow.id }, select: { userId: true, kind: true } }),
      ).toEqual([{ userId: adminId, kind: "REPLY" }]);

      // Her own comment she can edit and delete; the admin's she cannot.
      await expect(thread.locator(`#comment-${comment.id}`).getByRole("button", { name: "Edit" })).toHaveCount(0);
      await reply.getByRole("button", { name: "Edit" }).click();
      await reply.getByRole("textbox", { name: "Edit comment" }).fill(`Checked twice (${run}).`);
      await reply.getByRole("button", { name: "Save" }).click();
      await expect(reply.getByText(/^\(edited/)).toBeVisible();
      await expect(reply.getByText(`Checked twice (${run}).`)).toBeVisible();
      await reply.getByRole("button", { name: "Delete" }).click();
      await reply.getByRole("dialog").getByRole("button", { name: "Delete comment" }).click();
      await expect(reply.getByText("comment deleted")).toBeVisible();
      expect(await db().comment.findUniqueOrThrow({ where: { id: replyRow.id }, select: { body: true } })).toEqual({
        body: "",
      });

      await thread.getByRole("button", { name: "Resolve thread" }).click();
      await expect(thread.getByText(/^Resolved by Mina Marsh/)).toBeVisible();
      await thread.getByRole("button", { name: "Reopen thread" }).click();
      await expect(thread.getByRole("button", { name: "Resolve thread" })).toBeVisible();
    } finally {
      await minaContext.close();
    }
  });

  test("shows comments to a viewer, without anything to write with", async ({ page }) => {
    await signIn(page, { email: vic.email, password: password });
    await page.goto(`/w/${slug}/evidence/${evidenceId}`);
    const comments = page.locator('section[aria-labelledby="comments-heading"]');
    await expect(comments.getByText(`(${run})`).first()).toBeVisible();
    await expect(comments.getByRole("textbox")).toHaveCount(0);
    await expect(comments.getByRole("button", { name: /^(Reply|Edit|Delete|Resolve thread)$/ })).toHaveCount(0);
    await expect(comments.getByRole("button", { name: "Copy link" })).not.toHaveCount(0);
  });
});

test.describe("comments on a statement, and following its cell", () => {
  test("folds a statement's comments behind their count and opens them for a permalink", async ({ page }) => {
    await signIn(page, server.admin);
    const cellPath = `/w/${slug}/cells/${statement.issueId}/${statement.partyId}`;
    await page.goto(cellPath);

    await page.getByRole("button", { name: "Follow this cell" }).click();
    await expect(page.getByRole("button", { name: "Unfollow" })).toBeVisible();
    expect(
      await db().cellFollow.count({
        where: { userId: adminId, issueId: statement.issueId, partyId: statement.partyId },
      }),
    ).toBe(1);

    const item = page.locator(`#statement-${statement.id}`);
    await item.getByRole("button", { name: "Add a comment" }).click();
    await item.getByRole("textbox", { name: "Comment on this statement" }).fill(`Which speech? (${run})`);
    await item.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(item.getByRole("button", { name: "Comments (1)" })).toBeVisible();
    const comment = await latestComment(`Which speech? (${run})`);

    await page.goto(cellPath);
    // Hydrated (the live-updates stream is up) before the same-page jump to the fragment below.
    await expect(page.locator('[data-testid="presence"][data-connected="true"]')).toBeVisible();
    const toggle = item.getByRole("button", { name: "Comments (1)" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.locator(`#comment-${comment.id}`)).toBeHidden();

    await page.goto(`${cellPath}#comment-${comment.id}`);
    await page.locator(`#comment-${comment.id}`).waitFor({ state: "visible" });
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(await targetId(page)).toBe(`comment-${comment.id}`);

    await page.getByRole("button", { name: "Unfollow" }).click();
    await expect(page.getByRole("button", { name: "Follow this cell" })).toBeVisible();
    expect(
      await db().cellFollow.count({
        where: { userId: adminId, issueId: statement.issueId, partyId: statement.partyId },
      }),
    ).toBe(0);
  });
});
