import { describe, expect, it } from "vitest";
import { orderSides, parseQuoteOrder, quotePair } from "@/lib/evidence/pairs";

const doc = (id: string, language: string) => ({ id, title: `Document ${id}`, language });
const ru = { id: "q-ru", exact: "Мы не допустим", document: doc("d-ru", "ru") };
const en = { id: "q-en", exact: "We will not allow", document: doc("d-en", "en") };
const de = { id: "q-de", exact: "Wir werden nicht zulassen", document: doc("d-de", "de") };

describe("quote pairs", () => {
  it("puts the original first and the translations after, from either side", () => {
    const fromOriginal = quotePair({ ...ru, translationOf: null, translations: [en, de] });
    const fromTranslation = quotePair({ ...en, translationOf: ru, translations: [] });
    expect(fromOriginal?.map((s) => [s.role, s.id])).toEqual([
      ["original", "q-ru"],
      ["translation", "q-en"],
      ["translation", "q-de"],
    ]);
    expect(fromTranslation?.map((s) => [s.role, s.id])).toEqual([
      ["original", "q-ru"],
      ["translation", "q-en"],
    ]);
    expect(quotePair({ ...ru, translationOf: null, translations: [] })).toBeNull();
  });

  it("orders the sides by the reader's choice, defaulting to the original", () => {
    const sides = quotePair({ ...ru, translationOf: null, translations: [en, de] })!;
    expect(orderSides(sides, "translation").map((s) => s.id)).toEqual(["q-en", "q-de", "q-ru"]);
    expect(orderSides(sides, parseQuoteOrder(undefined)).map((s) => s.id)).toEqual(["q-ru", "q-en", "q-de"]);
    expect(parseQuoteOrder("sideways")).toBe("original");
  });
});
