import { expect, type Locator, type Page } from "@playwright/test";

/** A passage's box in page coordinates. */
export interface PassageBox {
  left: number;
  top: number;
  bottom: number;
  width: number;
}

/** A document's page: its text with quotes and suggestions marked, selection and the quote form. */
export class DocumentReader {
  readonly text: Locator;
  /** The toolbar floating beside a selected passage. */
  readonly toolbar: Locator;
  /** The dialog that saves a selection as evidence (a quote). */
  readonly quoteForm: Locator;
  readonly findField: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByTestId("document-text");
    this.toolbar = page.getByRole("toolbar", { name: "Selected passage" });
    this.quoteForm = page.getByRole("dialog");
    this.findField = page.getByPlaceholder("Type or paste the exact words");
  }

  async goto(slug: string, documentId: string): Promise<this> {
    await this.page.goto(`/w/${slug}/documents/${documentId}`);
    await expect(this.text).toBeVisible();
    return this;
  }

  /** A saved quote's highlight. */
  quote(words?: string): Locator {
    return this.page.locator("mark.quote", words ? { hasText: words } : {});
  }

  /** A suggested passage's highlight. */
  suggestion(words: string): Locator {
    return this.page.locator("mark.suggestion", { hasText: words });
  }

  /** Selects a passage by typing its exact words into the reader's find field. */
  async selectByTyping(words: string): Promise<void> {
    await this.findField.fill(words);
    await this.page.keyboard.press("Enter");
  }

  /** Selects a passage by typing it and saves it as a quote with the form's defaults. */
  async quotePassage(words: string): Promise<void> {
    await this.selectByTyping(words);
    await this.page.getByRole("button", { name: "Save as evidence" }).click();
    await this.quoteForm.getByRole("button", { name: "Save evidence" }).click();
  }

  /** Selects a passage with a mouse drag from its first character to its last. */
  async selectByDragging(words: string, { whileDragging }: { whileDragging?: () => Promise<void> } = {}) {
    const ends = await this.passageEnds(words);
    await this.page.mouse.move(ends.start.x, ends.start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(ends.end.x, ends.end.y, { steps: 4 });
    await whileDragging?.();
    await this.page.mouse.up();
  }

  /** The box of the first occurrence of words in the document's text, in page coordinates. */
  passageBox(words: string): Promise<PassageBox> {
    return this.text.evaluate((el, words) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(words) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        const box = range.getBoundingClientRect();
        return { left: box.left + scrollX, top: box.top + scrollY, bottom: box.bottom + scrollY, width: box.width };
      }
      throw new Error(`not in the text: ${words}`);
    }, words);
  }

  /** Where a mouse drag over the words starts and ends, in viewport coordinates, after scrolling them into view. */
  private passageEnds(words: string) {
    return this.text.evaluate((el, words) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(words) ?? -1;
        if (at < 0) continue;
        node.parentElement?.scrollIntoView({ block: "center" });
        const char = (i: number) => {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          return range.getBoundingClientRect();
        };
        const first = char(at);
        const last = char(at + words.length - 1);
        return {
          start: { x: first.left + 1, y: (first.top + first.bottom) / 2 },
          end: { x: last.right - 1, y: (last.top + last.bottom) / 2 },
        };
      }
      throw new Error(`not in the text: ${words}`);
    }, words);
  }
}
