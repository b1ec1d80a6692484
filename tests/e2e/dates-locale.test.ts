import { describe, expect, inject, it } from "vitest";
import { newContext, signIn, useBrowser } from "./browser";

// Dates follow the reader's locale (the browser's Accept-Language): the same published day of a
// demo document reads "11 Jan 2022" to a British reader, "Jan 11, 2022" to an American one and
// "11. Jan. 2022" to a German one, on the server-rendered list and in client components alike.
const DEMO = "security-guarantees";

describe("dates in the reader's locale", () => {
  const session = useBrowser();

  it.each([
    ["en-GB", "11 Jan 2022"],
    ["en-US", "Jan 11, 2022"],
    ["de-DE", "11. Jan. 2022"],
  ])("%s reads the documents list's dates as %s", async (locale, expected) => {
    const context = await newContext(session.browser, session.baseUrl, { locale });
    try {
      const page = await context.newPage();
      await signIn(page, session.baseUrl, inject("adminEmail"), inject("adminPassword"));
      await page.goto(`${session.baseUrl}/w/${DEMO}/documents`);
      await page.getByRole("main").getByText(expected, { exact: false }).first().waitFor();
      // The date input's written-out caption (a client component) agrees with the server's text.
      await page.goto(`${session.baseUrl}/w/${DEMO}/search?from=2022-01-11`);
      const caption = await page.getByText(
        locale === "en-US" ? "January 11, 2022" : locale === "de-DE" ? "11. Januar 2022" : "11 January 2022",
        { exact: true },
      );
      await caption.first().waitFor();
      expect(await caption.count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
