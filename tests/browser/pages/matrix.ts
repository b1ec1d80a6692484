import { expect, type Locator, type Page } from "@playwright/test";

/** A workspace's matrix: parties as columns, issues as rows, each cell a party's stance on an issue. */
export class MatrixPage {
  readonly grid: Locator;
  /** Every cell the grid has rendered. */
  readonly cells: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole("grid");
    this.cells = page.getByTestId("matrix-cell");
  }

  /** Opens the matrix of `slug` with a query such as `asOf=2022-02-16&compare=2022-01-20`, once the grid is shown. */
  async goto(slug: string, query = ""): Promise<this> {
    await this.page.goto(`/w/${slug}${query ? `?${query}` : ""}`);
    await expect(this.grid).toBeVisible();
    return this;
  }

  /** A cell found the way a screen reader names it: "<Party> on <Issue>: <position>…". */
  cell(party: string, issue: string): Locator {
    return this.page.locator(`[data-testid="matrix-cell"][aria-label^="${party} on ${issue}:"]`);
  }

  /** The cell once it shows `summary` and nothing is pending (the server has answered). */
  settledCell(party: string, issue: string, summary: string): Locator {
    return this.cell(party, issue).and(this.page.locator("td:not([data-pending])")).filter({ hasText: summary });
  }

  async expectSummary(party: string, issue: string, summary: string): Promise<void> {
    await expect(this.settledCell(party, issue, summary)).toBeVisible();
  }

  /** Clicks a cell and waits for its editor. */
  async openEditor(party: string, issue: string): Promise<CellEditor> {
    await this.cell(party, issue).click();
    const editor = new CellEditor(this.page, party, issue);
    await expect(editor.dialog).toBeVisible();
    return editor;
  }

  /** The editor of a cell, open or not. */
  editor(party: string, issue: string): CellEditor {
    return new CellEditor(this.page, party, issue);
  }

  /** The aria-label of the focused element (a cell's when moving with the arrow keys), else its tag name. */
  focusedLabel(): Promise<string> {
    return this.page.evaluate(
      () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName ?? "",
    );
  }
}

/** The dialog that records a statement for one cell, or corrects the one it shows. */
export class CellEditor {
  readonly dialog: Locator;
  readonly position: Locator;
  readonly summary: Locator;

  constructor(
    readonly page: Page,
    party: string,
    issue: string,
  ) {
    this.dialog = page.getByRole("dialog", { name: `${party} on ${issue}` });
    this.position = this.dialog.getByLabel("Position", { exact: true });
    this.summary = this.dialog.getByLabel("Summary", { exact: true });
  }

  /** Records a statement: a position (an option's value, e.g. "SUPPORTS") and a summary. */
  async record(statement: { position: string; summary: string }): Promise<void> {
    await this.position.selectOption(statement.position);
    await this.summary.fill(statement.summary);
    await this.recordButton.click();
  }

  get recordButton(): Locator {
    return this.dialog.getByRole("button", { name: "Record statement" });
  }

  /** The refusal shown when someone else saved the cell first. */
  get conflict(): Locator {
    return this.dialog.getByRole("alert").filter({ hasText: "Someone else changed this cell" });
  }

  async expectClosed(): Promise<void> {
    await expect(this.dialog).toHaveCount(0);
  }
}
