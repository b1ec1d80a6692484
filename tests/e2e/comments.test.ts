import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadWorkspaceFixture } from "@/lib/demo/load";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { createUserWithPassword } from "@/lib/users/mutations";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { earliestQuoteId } from "../support/demo-copy";
import { newContext, screenshot, signIn, useBrowser } from "./browser";

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

beforeAll(async () => {
  adminId = (await db().user.findUniqueOrThrow({ where: { email: inject("adminEmail") }, select: { id: true } })).id;
  minaId = (await createUserWithPassword({ ...mina, password })).id;
  const vicId = (await createUserWithPassword({ ...vic, password })).id;
  const workspace = await loadWorkspaceFixture(
    { ...securityGuarantees, title: `Comments ${run}` },
    {
      slug: `comments-${run}`,
      createdById: adminId,
      members: [
        { userId: adminId, role: Role.OWNER },
        { userId: minaId, role: Role.COMMENTER },
        { userId: vicId, role: Role.VIEWER },
      ],
    },
  );
  slug = workspace.slug;
  evidenceId = await earliestQuoteId(workspace.id);
  statement = await db().stanceStatement.findFirstOrThrow({
    where: { workspaceId: workspace.id },
    orderBy: { statedOn: "asc" },
    select: { id: true, issueId: true, partyId: true },
  });
});

const targetId = (page: Page) => page.evaluate(() => document.querySelector(":target")?.id ?? null);

async function newSignedInPage(context: BrowserContext, baseUrl: string, email: string) {
  const page = await context.newPage();
  await signIn(page, baseUrl, email, password);
  return page;
}

async function latestComment(body: string) {
  return db().comment.findFirstOrThrow({
    where: { body: { contains: body } },
    orderBy: { createdAt: "desc" },
    select: { id: true, body: true },
  });
}

describe("comments on a quote", () => {
  const session = useBrowser();

  it("mentions a member picked with the keyboard, links to the comment, and brings it to their inbox", async () => {
    const { page, context, browser, baseUrl } = session;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    const evidencePath = `/w/${slug}/evidence/${evidenceId}`;
    await page.goto(evidencePath);

    const composer = page.getByRole("textbox", { name: "Comment on this quote" });
    await composer.click();
    await composer.pressSequentially("Could you check the date, @Mi");
    const listbox = page.getByRole("listbox", { name: "Mention someone" });
    await listbox.waitFor();
    // "Mi" matches the Administrator and Mina, in name order; the arrow moves to Mina.
    expect(await listbox.getByRole("option").allInnerTexts()).toEqual([
      expect.stringContaining("Administrator"),
      expect.stringContaining("Mina Marsh"),
    ]);
    await composer.press("ArrowDown");
    expect(await listbox.getByRole("option", { selected: true }).innerText()).toContain("Mina Marsh");
    await composer.press("Enter");
    await listbox.waitFor({ state: "hidden" });
    expect(await composer.inputValue()).toBe("Could you check the date, @Mina Marsh ");
    await composer.pressSequentially(`in **this** quote? (${run})`);
    await page.getByRole("button", { name: "Comment", exact: true }).click();

    const posted = page.locator(".comment").filter({ hasText: `in this quote? (${run})` });
    await posted.waitFor();
    expect(await posted.locator("strong").innerText()).toBe("this");
    expect(await composer.inputValue()).toBe("");
    const comment = await latestComment(run);
    expect(await db().commentMention.findMany({ where: { commentId: comment.id }, select: { userId: true } })).toEqual([
      { userId: minaId },
    ]);
    expect(
      await db().notification.findMany({ where: { commentId: comment.id }, select: { userId: true, kind: true } }),
    ).toEqual([{ userId: minaId, kind: "MENTION" }]);

    await posted.getByRole("button", { name: "Copy link" }).click();
    await posted.getByRole("button", { name: "Copied" }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${baseUrl}${evidencePath}#comment-${comment.id}`);
    await page.goto(link);
    await page.locator(`#comment-${comment.id}`).waitFor();
    expect(await targetId(page)).toBe(`comment-${comment.id}`);
    await screenshot(page, "comments-permalink");

    // Mina: the header counts the mention; the inbox item opens the comment and is then read.
    const minaContext = await newContext(browser, baseUrl);
    try {
      const minaPage = await newSignedInPage(minaContext, baseUrl, mina.email);
      await minaPage.goto("/inbox");
      await minaPage.getByRole("link", { name: "Inbox (1)" }).waitFor();
      await screenshot(minaPage, "comments-inbox");
      await minaPage.getByRole("link", { name: /Administrator mentioned you on the quote/ }).click();
      await minaPage.waitForURL(`**${evidencePath}#comment-${comment.id}`);
      await minaPage.locator(`#comment-${comment.id}`).waitFor();
      expect(await targetId(minaPage)).toBe(`comment-${comment.id}`);
      await minaPage.getByRole("link", { name: "Inbox", exact: true }).waitFor();
      expect(await db().notification.count({ where: { userId: minaId, readAt: null } })).toBe(0);

      // She replies; the admin, who started the thread, is told.
      const thread = minaPage.getByRole("article").filter({ has: minaPage.locator(`#comment-${comment.id}`) });
      await thread.getByRole("button", { name: "Reply", exact: true }).click();
      await thread.getByRole("textbox", { name: "Reply to Administrator" }).fill(`Checked, it is right (${run}).`);
      await thread.getByRole("button", { name: "Reply", exact: true }).click();
      await thread
        .locator(".comment")
        .filter({ hasText: `Checked, it is right (${run}).` })
        .waitFor();
      const replyRow = await latestComment(`Checked, it is right (${run}).`);
      const reply = minaPage.locator(`#comment-${replyRow.id}`);
      expect(
        await db().notification.findMany({ where: { commentId: replyRow.id }, select: { userId: true, kind: true } }),
      ).toEqual([{ userId: adminId, kind: "REPLY" }]);

      // Her own comment she can edit and delete; the admin's she cannot.
      expect(await thread.locator(`#comment-${comment.id}`).getByRole("button", { name: "Edit" }).count()).toBe(0);
      await reply.getByRole("button", { name: "Edit" }).click();
      await reply.getByRole("textbox", { name: "Edit comment" }).fill(`Checked twice (${run}).`);
      await reply.getByRole("button", { name: "Save" }).click();
      await reply.getByText(/^\(edited/).waitFor();
      await reply.getByText(`Checked twice (${run}).`).waitFor();
      await reply.getByRole("button", { name: "Delete" }).click();
      await reply.getByRole("dialog").getByRole("button", { name: "Delete comment" }).click();
      await reply.getByText("comment deleted").waitFor();
      expect(await db().comment.findUniqueOrThrow({ where: { id: replyRow.id }, select: { body: true } })).toEqual({
        body: "",
      });

      await thread.getByRole("button", { name: "Resolve thread" }).click();
      await thread.getByText(/^Resolved by Mina Marsh/).waitFor();
      await thread.getByRole("button", { name: "Reopen thread" }).click();
      await thread.getByRole("button", { name: "Resolve thread" }).waitFor();
    } finally {
      await minaContext.close();
    }
  });

  it("shows comments to a viewer, without anything to write with", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, vic.email, password);
    await page.goto(`/w/${slug}/evidence/${evidenceId}`);
    const comments = page.locator('section[aria-labelledby="comments-heading"]');
    await comments.getByText(`(${run})`).first().waitFor();
    expect(await comments.getByRole("textbox").count()).toBe(0);
    expect(await comments.getByRole("button", { name: /^(Reply|Edit|Delete|Resolve thread)$/ }).count()).toBe(0);
    expect(await comments.getByRole("button", { name: "Copy link" }).count()).toBeGreaterThan(0);
  });
});

describe("comments on a statement, and following its cell", () => {
  const session = useBrowser();

  it("folds a statement's comments behind their count and opens them for a permalink", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    const cellPath = `/w/${slug}/cells/${statement.issueId}/${statement.partyId}`;
    await page.goto(cellPath);

    await page.getByRole("button", { name: "Follow this cell" }).click();
    await page.getByRole("button", { name: "Unfollow" }).waitFor();
    expect(
      await db().cellFollow.count({
        where: { userId: adminId, issueId: statement.issueId, partyId: statement.partyId },
      }),
    ).toBe(1);

    const item = page.locator(`#statement-${statement.id}`);
    await item.getByRole("button", { name: "Add a comment" }).click();
    await item.getByRole("textbox", { name: "Comment on this statement" }).fill(`Which speech? (${run})`);
    await item.getByRole("button", { name: "Comment", exact: true }).click();
    await item.getByRole("button", { name: "Comments (1)" }).waitFor();
    const comment = await latestComment(`Which speech? (${run})`);

    await page.goto(cellPath);
    // Hydrated (the live-updates stream is up) before the same-page jump to the fragment below.
    await page.locator('[data-testid="presence"][data-connected="true"]').waitFor();
    const toggle = item.getByRole("button", { name: "Comments (1)" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator(`#comment-${comment.id}`).isVisible()).toBe(false);

    await page.goto(`${cellPath}#comment-${comment.id}`);
    await page.locator(`#comment-${comment.id}`).waitFor({ state: "visible" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await targetId(page)).toBe(`comment-${comment.id}`);

    await page.getByRole("button", { name: "Unfollow" }).click();
    await page.getByRole("button", { name: "Follow this cell" }).waitFor();
    expect(
      await db().cellFollow.count({
        where: { userId: adminId, issueId: statement.issueId, partyId: statement.partyId },
      }),
    ).toBe(0);
  });
});
