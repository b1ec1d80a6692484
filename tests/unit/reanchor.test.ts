import { describe, expect, it } from "vitest";
import { locateQuote } from "@/lib/evidence/anchor";
import { reanchorQuote } from "@/lib/evidence/reanchor";

const original = `Moscow skeptical of US and NATO responses.

“The document we handed over includes the concerns of the United States,” — said Blinken.

Lavrov said that Russia would study the answers carefully before replying.

Peskov noted there was “little cause for optimism” in the responses.`;

function quote(exact: string) {
  const anchor = locateQuote(original, exact);
  if (!anchor) throw new Error(`fixture quote not found: ${exact}`);
  return anchor;
}

describe("reanchorQuote", () => {
  it("keeps a quote in an unchanged text anchored", () => {
    const q = quote("Russia would study the answers carefully");
    const result = reanchorQuote(original, original, q);
    expect(result).toMatchObject({ status: "ANCHORED", anchor: { startOffset: q.startOffset } });
  });

  it("marks a quote moved by an inserted paragraph", () => {
    const q = quote("Russia would study the answers carefully");
    const corrected = original.replace(
      "\n\nLavrov said",
      "\n\nAn inserted paragraph about the talks in Geneva.\n\nLavrov said",
    );
    const result = reanchorQuote(original, corrected, q);
    expect(result.status).toBe("MOVED");
    if (result.status !== "ORPHANED") expect(corrected.slice(0).includes(result.anchor.exact)).toBe(true);
  });

  it("follows a typo fix inside the quote as changed, with a score", () => {
    const q = quote("The document we handed over includes the concerns of the United States");
    const corrected = original.replace("handed over includes", "handed over include");
    const result = reanchorQuote(original, corrected, q);
    expect(result.status).toBe("CHANGED");
    if (result.status === "CHANGED") {
      expect(result.score).toBeGreaterThan(0.9);
      expect(result.anchor.exact).toContain("handed over include");
    }
  });

  it("orphans a quote whose sentence was deleted, never attaching it elsewhere", () => {
    const q = quote("Russia would study the answers carefully before replying");
    const corrected = original.replace(
      "Lavrov said that Russia would study the answers carefully before replying.\n\n",
      "",
    );
    expect(reanchorQuote(original, corrected, q).status).toBe("ORPHANED");
  });
});
