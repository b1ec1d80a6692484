import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import { formatCoefficient } from "@/lib/coding/figures";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { cohenKappa, krippendorffAlpha } from "@/lib/review/agreement";
import { seedUser, seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, newContext, screenshot, signIn, test, testServer } from "./fixtures";

const server = testServer();

// A blind coding round through the real UI, in a workspace of this file's own: the owner starts
// a round of 10 sampled quotes for the editors Ana and Ben; each codes them without seeing the
// other's codes; Ben reads three positions differently; the round closes with the last code and
// shows the agreement; the reconcile screen lists the three disagreements side by side.

const run = randomBytes(4).toString("hex");
const password = `Coding-${randomBytes(12).toString("base64url")}`;
const ana = { name: "Ana Coder", email: `ana-coder-${run}@parley.test` };
const ben = { name: "Ben Coder", email: `ben-coder-${run}@parley.test` };
const TITLE = `Pilot round ${run}`;
const ORDINAL = ["DEMANDS", "SUPPORTS", "OPEN", "CONDITIONAL", "OPPOSES", "REJECTS"] as const;
const BEN_DIFFERS = [2, 5, 8];
let slug: string;
let workspaceId: string;

test.beforeAll(async () => {
  const adminId = await userIdByEmail(server.admin.email);
  const anaId = (await seedUser({ ...ana, password })).id;
  const benId = (await seedUser({ ...ben, password })).id;
  const workspace = await seedWorkspace({
    title: `Coding ${run}`,
    slug: `coding-${run}`,
    ownerId: adminId,
    members: [
      { userId: anaId, role: Role.EDITOR },
      { userId: benId, role: Role.EDITOR },
    ],
  });
  slug = workspace.slug;
  workspaceId = workspace.id;
});

function codeOf(coder: "ana" | "ben", i: number) {
  const at = i % ORDINAL.length;
  const differs = coder === "ben" && BEN_DIFFERS.includes(i);
  return { party: 1 + (i % 2), issue: 1 + (i % 3), position: ORDINAL[differs ? (at + 1) % ORDINAL.length : at]! };
}

/** Codes all ten quotes through the form, waiting for each save to show in the progress line. */
async function codeRound(page: Page, roundUrl: string, coder: "ana" | "ben", last: boolean) {
  await page.goto(roundUrl);
  await expect(page.getByTestId("my-progress").filter({ hasText: "0 of 10 coded" })).toBeVisible();
  for (let i = 0; i < 10; i++) {
    const unit = page.getByRole("region", { name: `Quote ${i + 1} of 10`, exact: true });
    const code = codeOf(coder, i);
    await unit.getByLabel("Party").selectOption({ index: code.party });
    await unit.getByLabel("Issue").selectOption({ index: code.issue });
    await unit.getByLabel("Position").selectOption(code.position);
    await unit.getByRole("button", { name: "Save code" }).click();
    if (last && i === 9) await expect(page.getByRole("heading", { name: "Agreement" })).toBeVisible();
    else await expect(page.getByTestId("my-progress").filter({ hasText: `${i + 1} of 10 coded` })).toBeVisible();
  }
}

async function signedIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, { email: email, password: password });
  return page;
}

test.describe("a blind coding round", () => {
  test("is started by the owner, coded blind by two analysts, and ends with the agreement and the disagreements", async ({
    page,
    browser,
  }) => {
    await signIn(page, server.admin);
    await page.goto(`/w/${slug}/review/rounds`);
    const form = page.getByRole("form", { name: "Start a coding round" });
    await form.getByLabel("Title").fill(TITLE);
    await form.getByLabel("Number of quotes").fill("10");
    await form.getByRole("checkbox", { name: ana.name }).check();
    await form.getByRole("checkbox", { name: ben.name }).check();
    await form.getByRole("button", { name: "Start the round" }).click();
    await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
    const roundUrl = new URL(page.url()).pathname;
    expect(roundUrl).toMatch(/\/review\/rounds\/[0-9a-f-]{36}$/);
    // The owner is not a coder: coding is blind to them too.
    await expect(page.getByText("Coding is blind")).toBeVisible();

    const anaContext = await newContext(browser);
    const benContext = await newContext(browser);
    try {
      const anaPage = await signedIn(anaContext, ana.email);
      await anaPage.goto("/inbox");
      await anaPage
        .getByRole("link", { name: new RegExp(`coding round “${TITLE}”`) })
        .first()
        .click();
      await expect(anaPage.getByRole("heading", { name: TITLE })).toBeVisible();
      await codeRound(anaPage, roundUrl, "ana", false);
      await screenshot(anaPage, "coding-round-coder");
      await anaPage.setViewportSize({ width: 390, height: 844 });
      await screenshot(anaPage, "coding-round-coder-390");
      await anaPage.setViewportSize({ width: 1280, height: 800 });

      const benPage = await signedIn(benContext, ben.email);
      await benPage.goto(roundUrl);
      // Ana's ten codes are in, yet Ben sees only his own form, empty, and her progress.
      await expect(benPage.getByText(`${ana.name}: 10 of 10 coded`)).toBeVisible();
      await expect(benPage.getByRole("button", { name: "Change code" })).toHaveCount(0);
      await expect(benPage.getByRole("heading", { name: "Agreement" })).toHaveCount(0);
      await codeRound(benPage, roundUrl, "ben", true);

      // The figures shown are lib/review/agreement.ts on the stored codes.
      const round = await db().codingRound.findFirstOrThrow({
        where: { workspaceId, title: TITLE },
        select: {
          status: true,
          units: { orderBy: { sortOrder: "asc" }, select: { evidenceId: true } },
          coders: { orderBy: { userId: "asc" }, select: { userId: true } },
          codes: true,
        },
      });
      expect(round.status).toBe("CLOSED");
      const code = (e: string, c: string) => round.codes.find((x) => x.evidenceId === e && x.coderId === c)!;
      const matrix = round.units.map((u) => round.coders.map((c) => code(u.evidenceId, c.userId).position));
      const positionAlpha = krippendorffAlpha(matrix, { level: "ordinal", order: ORDINAL });
      const partyAlpha = krippendorffAlpha(
        round.units.map((u) => round.coders.map((c) => code(u.evidenceId, c.userId).partyId)),
        { level: "nominal" },
      );
      const kappa = cohenKappa(matrix.map(([a, b]) => [a, b] as const));
      await expect(benPage.getByTestId("alpha-position")).toBeVisible();
      await expect(benPage.getByTestId("alpha-position")).toHaveText(formatCoefficient(positionAlpha.alpha));
      await expect(benPage.getByTestId("alpha-party")).toHaveText(formatCoefficient(partyAlpha.alpha));
      await expect(benPage.getByTestId("alpha-issue")).toHaveText("1.000");
      await expect(benPage.getByTestId("kappa-table")).toContainText(formatCoefficient(kappa.kappa));
      console.log(
        `coding round agreement: position alpha ${formatCoefficient(positionAlpha.alpha)}, party alpha ${formatCoefficient(partyAlpha.alpha)}, issue alpha 1.000, position kappa ${formatCoefficient(kappa.kappa)}, units ${positionAlpha.units}`,
      );
      await screenshot(benPage, "coding-round-agreement");
      await benPage.setViewportSize({ width: 390, height: 844 });
      await screenshot(benPage, "coding-round-agreement-390");
      await benPage.setViewportSize({ width: 1280, height: 800 });

      await benPage.getByRole("link", { name: "Reconcile 3 disagreements" }).click();
      await expect(
        benPage.getByTestId("disagreement-count").filter({ hasText: "3 of 10 quotes coded differently." }),
      ).toBeVisible();
      for (const i of BEN_DIFFERS) {
        const section = benPage.getByRole("region", { name: `Disagreement on quote ${i + 1}`, exact: true });
        await expect(section.getByText("they differ on position")).toBeVisible();
        const rows = section.getByRole("row");
        await expect(rows).toHaveCount(3);
        await expect(section.getByRole("rowheader", { name: ana.name })).toHaveCount(1);
        await expect(section.getByRole("rowheader", { name: ben.name })).toHaveCount(1);
      }
      await screenshot(benPage, "coding-round-reconcile");
      await benPage.setViewportSize({ width: 390, height: 844 });
      await screenshot(benPage, "coding-round-reconcile-390");

      // The owner's list shows the round closed.
      await page.goto(`/w/${slug}/review/rounds`);
      await expect(page.getByText(`${ben.name} 10 of 10 coded`)).toBeVisible();
      await screenshot(page, "coding-rounds-list");
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, "coding-rounds-list-390");
    } finally {
      await anaContext.close();
      await benContext.close();
    }
  });
});
