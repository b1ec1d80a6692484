import { expect, type Locator, type Page } from "@playwright/test";

/** A workspace's members page: who belongs with which role, invitations and removal. */
export class MembersPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("main").getByRole("heading", { name: "Members" });
  }

  async goto(slug: string): Promise<this> {
    await this.page.goto(`/w/${slug}/members`);
    await expect(this.heading).toBeVisible();
    return this;
  }

  /** Creates an invitation link for a role (an option's value, e.g. "VIEWER"), bound to an address if given. */
  async invite({ role, email }: { role: string; email?: string }): Promise<string> {
    if (email) await this.page.getByLabel("Email (optional)").fill(email);
    await this.page.getByLabel("Role", { exact: true }).selectOption(role);
    await this.page.getByRole("button", { name: "Create invitation link" }).click();
    const linkField = this.page.getByLabel("Invitation link");
    await expect(linkField).toHaveValue(/\/invite\//);
    return linkField.inputValue();
  }

  /** A member's row, found by their email address. */
  member(email: string): Locator {
    return this.page.getByRole("row").filter({ hasText: email });
  }

  /** Removes a member, confirming in the page's own dialog, which names them. */
  async remove(email: string, name: string): Promise<void> {
    const row = this.member(email);
    await row.getByRole("button", { name: "Remove", exact: true }).click();
    const confirmation = this.page.getByRole("dialog");
    await expect(confirmation.getByText(`Remove ${name} from this workspace?`)).toBeVisible();
    await confirmation.getByRole("button", { name: `Remove ${name}` }).click();
    await expect(row).toHaveCount(0);
  }
}
