import { randomBytes } from "node:crypto";
import { db } from "@/lib/platform/db/client";
import { loadOwnDemoCopy } from "../support/demo-copy";
import { expect, signIn, test, testServer } from "./fixtures";

const server = testServer();

// The demo's proposals in the browser: Russia's draft treaties with each article beside the US and
// NATO answers, a provision added by pasting its words (and refused when they are not the
// document's), and the cell page saying where its issue was proposed and answered. A copy of the
// demo workspace of this file's own: other files edit the shared demo workspace.
const run = randomBytes(4).toString("hex");
let slug: string;

test.beforeAll(async () => {
  slug = await loadOwnDemoCopy(`Proposals ${run}`, `proposals-${run}`);
});

test.describe("proposals", () => {
  test("open Russia's draft treaties and show each article with the US and NATO answers", async ({ page }) => {
    await signIn(page, server.admin);
    await page.goto(`/w/${slug}`);
    await page.getByRole("link", { name: "Proposals", exact: true }).first().click();
    await expect(page).toHaveURL((url) => url.pathname === `/w/${slug}/proposals`);
    const list = page.getByRole("table", { name: "Proposals by date" });
    const usDraft = list.getByRole("row").filter({
      has: page.getByRole("rowheader", { name: "Draft treaty between the US and Russia on security guarantees" }),
    });
    await expect(usDraft.getByRole("link", { name: "US written response" })).toBeVisible();

    await list
      .getByRole("link", { name: "Draft agreement on security measures between Russia and NATO member states" })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1, name: /Draft agreement on security measures/ })).toBeVisible();
    const provisions = page.getByRole("table", { name: /Provisions of .* and the answers they got/ });
    const article6 = provisions.getByRole("row").filter({ hasText: "Article 6: no further NATO enlargement" });
    await expect(article6.getByText("NATO written response").first()).toBeVisible();
    await expect(article6).toContainText("will continue to adhere to the policy of “open doors”");
    const article5 = provisions.getByRole("row").filter({ hasText: "Article 5: no intermediate- and short-range" });
    await expect(article5).toContainText("Three areas for interaction");
    // The parties' stances on the provisions' issues, at the proposal's date and today.
    const stances = page.getByRole("table", { name: /Each party’s position on the provisions’ issues/ });
    expect(await stances.getByRole("rowheader").allTextContents()).toContain(
      "NATO non-expansion vs. the open-door policy",
    );

    await page.goto(`/w/${slug}/proposals`);
    await list
      .getByRole("link", { name: "Draft treaty between the US and Russia on security guarantees" })
      .first()
      .click();
    const articles = page
      .getByRole("table", { name: /Provisions of .* and the answers they got/ })
      .getByRole("row")
      .filter({ hasText: "Articles 4–5" });
    await expect(articles.getByText("The open door stays")).toBeVisible();
    await expect(articles).toContainText("Areas for discussion");
  });

  test("adds a provision pasted word for word, refuses words not in the document, and shows it on the cell", async ({
    page,
  }) => {
    await signIn(page, server.admin);
    await page.goto(`/w/${slug}/proposals`);
    await page
      .getByRole("table", { name: "Proposals by date" })
      .getByRole("rowheader", { name: "NATO written response" })
      .getByRole("link")
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "NATO written response" })).toBeVisible();
    const form = page.getByRole("form", { name: "Add a provision" });
    await form.getByLabel("Label").fill(`Joint briefings ${run}`);
    await form.getByLabel(/^Passage/).fill("NATO proposes joint briefings in the Russia–NATO Council");
    await form.getByRole("checkbox", { name: "Military contacts and a civilian hotline" }).check();
    await form.getByRole("button", { name: "Add provision" }).click();
    await expect(form.getByRole("alert").getByText(/word for word/)).toBeVisible();

    await form.getByLabel(/^Passage/).fill("the holding of joint briefings within the Russia —NATO Council");
    await form.getByRole("button", { name: "Add provision" }).click();
    const provisions = page.getByRole("table", { name: /Provisions of .* and the answers they got/ });
    await expect(provisions.getByRole("row").filter({ hasText: `Joint briefings ${run}` })).toBeVisible();

    // The cell page of NATO on military contacts names the proposal and its provision.
    const ids = await db().provisionIssue.findFirstOrThrow({
      where: { provision: { label: `Joint briefings ${run}` } },
      select: { issueId: true, provision: { select: { proposal: { select: { partyId: true } } } } },
    });
    await page.goto(`/w/${slug}/cells/${ids.issueId}/${ids.provision.proposal.partyId}`);
    const section = page.getByRole("region", { name: "Proposals on this issue" });
    await expect(section.getByRole("link", { name: "NATO written response" }).first()).toBeVisible();
    await expect(section).toContainText(`Joint briefings ${run}`);
  });
});
