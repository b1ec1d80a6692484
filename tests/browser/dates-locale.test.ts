import { expect, test } from "./fixtures";

// Dates follow the reader's locale (the browser's Accept-Language): the same published day of a
// demo document reads "11 Jan 2022" to a British reader, "Jan 11, 2022" to an American one and
// "11. Jan. 2022" to a German one, on the server-rendered list and in client components alike.
const DEMO = "security-guarantees";

const CASES = [
  ["en-GB", "11 Jan 2022", "11 January 2022"],
  ["en-US", "Jan 11, 2022", "January 11, 2022"],
  ["de-DE", "11. Jan. 2022", "11. Januar 2022"],
] as const;

test.describe("dates in the reader's locale", () => {
  for (const [locale, expected, writtenOut] of CASES) {
    test.describe(() => {
      test.use({ locale });

      test(`${locale} reads the documents list's dates as ${expected}`, async ({ page, signIn }) => {
        await signIn();
        await page.goto(`/w/${DEMO}/documents`);
        await expect(page.getByRole("main").getByText(expected, { exact: false }).first()).toBeVisible();
        // The date input's written-out caption (a client component) agrees with the server's text.
        await page.goto(`/w/${DEMO}/search?from=2022-01-11`);
        await expect(page.getByText(writtenOut, { exact: true }).first()).toBeVisible();
      });
    });
  }
});
