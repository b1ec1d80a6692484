import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countOf } from "@/lib/platform/format/count";
import { parseHeadline, snippetPieces } from "@/lib/search/snippet";
import { parseSearchTerms, searchGroups } from "@/lib/search/websearch";

const S = "\u0002";
const E = "\u0003";

describe("search snippets", () => {
  it("turns ts_headline's marks into offsets into the plain text", () => {
    expect(parseHeadline(`the ${S}guarantees${E} and ${S}Lavrov${E}`)).toEqual({
      text: "the guarantees and Lavrov",
      marks: [
        [4, 14],
        [19, 25],
      ],
    });
    expect(parseHeadline(`${S}${E}unmarked ${S}open`)).toEqual({ text: "unmarked open", marks: [] });
  });

  it("property: the pieces put back together are the text, marked exactly where the marks are", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.boolean())), (parts) => {
        const headline = parts.map(([t, marked]) => (marked ? `${S}${t}${E}` : t)).join("");
        const snippet = parseHeadline(headline);
        const pieces = snippetPieces(snippet);
        expect(pieces.map((p) => p.text).join("")).toBe(snippet.text);
        expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(
          snippet.marks.map(([a, b]) => snippet.text.slice(a, b)),
        );
      }),
    );
  });
});

describe("search terms", () => {
  it("groups alternatives joined by or; every group must match", () => {
    const groups = searchGroups(parseSearchTerms('NATO "open door" or enlargement -Ukraine'));
    expect(groups.map((g) => g.map((t) => (t.negated ? `-${t.text}` : t.text)))).toEqual([
      ["NATO"],
      ["open door", "enlargement"],
      ["-Ukraine"],
    ]);
  });
});

describe("counts", () => {
  it.each([
    [0, "0 quotes"],
    [1, "1 quote"],
    [2, "2 quotes"],
    [1234, "1,234 quotes"],
  ])("%i reads %j", (count, expected) => {
    expect(countOf(count, { one: "quote", other: "quotes" })).toBe(expected);
  });
});
