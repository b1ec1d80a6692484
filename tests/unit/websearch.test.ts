import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SEARCH_TERMS, toWebsearchQuery } from "@/lib/search/websearch";
import { TSQUERY_OPERATOR_TOKENS } from "../support/search-input";

describe("toWebsearchQuery", () => {
  it.each([
    ['NATO -Russia "security guarantees" or Ukraine', 'NATO -Russia "security guarantees" or Ukraine'],
    ["US-Russia talks", "US-Russia talks"],
    ["a or or b", "a or b"],
    ["or a or", "a"],
    ["--a", "-a"],
    ["-!-!-!a", "-a"],
    ['"unclosed phrase', '"unclosed phrase"'],
    ["don't stop", "don't stop"],
  ])("keeps the syntax of %j", (query, expected) => {
    expect(toWebsearchQuery(query)).toBe(expected);
  });

  it.each(["", "   ", "-".repeat(150), "- ".repeat(100), "!".repeat(200), "& | ! <-> ( ) :*", "or", '""'])(
    "finds no word in %j",
    (query) => {
      expect(toWebsearchQuery(query)).toBeNull();
    },
  );

  it("property: at most a bounded number of terms, no operator but a leading dash, never two dashes", () => {
    const alphabet = fc.constantFrom(
      "-",
      " ",
      '"',
      "or",
      "OR",
      "a",
      "é",
      "1",
      ...TSQUERY_OPERATOR_TOKENS,
      "<",
      ">",
      "'",
      ".",
      "_",
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), (parts) => {
        const result = toWebsearchQuery(parts.join(""));
        if (result === null) return;
        expect(result.split(" ").filter((t) => !t.startsWith('"')).length).toBeLessThanOrEqual(MAX_SEARCH_TERMS * 25);
        expect(result).not.toMatch(/--|[!&|():*<>]/);
      }),
      { numRuns: 1000 },
    );
  });
});
