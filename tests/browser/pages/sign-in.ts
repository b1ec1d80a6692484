import { expect, type Page } from "@playwright/test";
import type { Credentials } from "../../support/test-server";

/**
 * Signs in through the real form. Waits for the workspace list's <main> (the form's is gone) or
 * for the form to say why it refused, rather than for a URL: the server action's redirect is not
 * a full page load.
 */
export async function signIn(page: Page, { email, password }: Credentials): Promise<void> {
  await page.goto("/sign-in");
  const passwordField = page.getByLabel("Password", { exact: true });
  const form = page.locator("form").filter({ has: passwordField });
  await page.getByLabel("Email", { exact: true }).fill(email);
  await passwordField.fill(password);
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
  const refusal = form.getByRole("alert").filter({ hasText: /\S/ }).first();
  const signedIn = page.getByRole("main").filter({ hasNot: passwordField });
  await expect(refusal.or(signedIn).first(), `signing in as ${email} did not leave the sign-in form`).toBeVisible();
  if (await refusal.isVisible()) {
    throw new Error(`Signing in as ${email} did not leave the sign-in form: ${await refusal.innerText()}`);
  }
}
