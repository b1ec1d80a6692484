import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { screenshot, signIn, useBrowser } from "./browser";
import { db } from "@/lib/db/client";
import { loadWorkspaceFixture } from "@/lib/demo/load";
import { Role } from "@/lib/generated/prisma/enums";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";

// From a pasted article to quotes on the matrix, in a workspace of this file's own.

const run = randomBytes(4).toString("hex");
const ARTICLE = `MOSCOW, March 3. “We are open to dialogue, but not at the expense of our security,” Sergey Lavrov said.

The spokesman Dmitry Peskov noted that the Kremlin saw little cause for optimism.

A local reporter wrote that the talks in Geneva would resume after a pause of several weeks.`;

let slug: string;
let cell: { issue: string; party: string; issueId: string; partyId: string };

beforeAll(async () => {
  const admin = await db().user.findUniqueOrThrow({ where: { email: inject("adminEmail") }, select: { id: true } });
  const loaded = await loadWorkspaceFixture({ ...securityGuarantees, title: `Evidence ${run}` }, { slug: `evidence-${run}`, createdById: admin.id, members: [{ userId: admin.id, role: Role.OWNER }] });
  slug = loaded.slug;
  const statement = await db().stanceStatement.findFirstOrThrow({
    where: { workspaceId: loaded.id, party: { name: "Russia" } },
    orderBy: { statedOn: "desc" },
    select: { issueId: true, partyId: true, issue: { select: { title: true } }, party: { select: { name: true } } },
  });
  cell = { issue: statement.issue.title, party: statement.party.name, issueId: statement.issueId, partyId: statement.partyId };
});

describe("evidence from a pasted article", () => {
  const session = useBrowser();

  it("imports, accepts a suggestion, saves a selection with a new speaker linked to a stance, and counts it", async () => {
    const { page, baseUrl } = session;
    await signIn(page, baseUrl, inject("adminEmail"), inject("adminPassword"));
    const cellLink = `${baseUrl}/w/${slug}/cells/${cell.issueId}/${cell.partyId}`;
    await page.goto(cellLink);
    const quotesBefore = await page.locator("figure blockquote").count();

    await page.goto(`${baseUrl}/w/${slug}/documents/new`);
    await page.getByLabel("Title").fill(`Lavrov on dialogue ${run}`);
    await page.getByLabel("Published").fill("2022-03-03");
    await page.getByLabel("…or paste the text").fill(ARTICLE);
    await page.getByRole("button", { name: "Import document" }).click();
    await page.getByRole("heading", { name: `Lavrov on dialogue ${run}` }).waitFor({ timeout: 20_000 });

    // Accept the suggested direct quote: the form opens with the passage and the speaker matched.
    const suggestions = page.getByRole("region", { name: "Suggested quotes" });
    const lavrovSuggestion = suggestions.getByRole("listitem").filter({ hasText: "We are open to dialogue" });
    await lavrovSuggestion.getByRole("button", { name: "Accept…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/Speaker: .*Lavrov/).waitFor();
    await dialog.getByRole("button", { name: "Save evidence" }).click();
    await page.locator("mark.quote", { hasText: "We are open to dialogue" }).waitFor({ timeout: 15_000 });

    // Select another sentence by typing its words, and save it with a new speaker linked to a stance.
    await page.getByPlaceholder("Type or paste the exact words").fill("the talks in Geneva would resume after a pause of several weeks");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Save as evidence" }).click();
    await dialog.getByRole("button", { name: "Create a new person" }).click();
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(`Local Reporter ${run}`);
    await dialog.getByRole("textbox", { name: "Organisation" }).fill("City Gazette");
    await dialog.getByLabel("Kind").selectOption("REPORTED_SPEECH");
    await dialog.getByLabel("Filter stances").fill(cell.issue);
    await dialog.getByRole("checkbox", { name: new RegExp(`^${cell.party} on `) }).first().check();
    await dialog.getByRole("button", { name: "Save evidence" }).click();
    await page.locator("mark.quote", { hasText: "talks in Geneva" }).waitFor({ timeout: 15_000 });
    expect(await page.locator("mark.quote").count()).toBe(2);
    await screenshot(page, "evidence-document");

    // The cell the quote was linked to now shows it.
    await page.goto(cellLink);
    await page.getByText("the talks in Geneva would resume").first().waitFor();
    expect(await page.locator("figure blockquote").count()).toBe(quotesBefore + 1);
  });
});
