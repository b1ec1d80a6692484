import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorAt, codePoints, locateQuote, verifyAnchor } from "@/lib/evidence/anchor";
import { type PersonForMatching, type QuoteSuggestion, suggestQuotes } from "@/lib/evidence/suggest";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import labelsJson from "../fixtures/suggestions/labels.json";
import { matchRanges } from "../support/suggest-eval";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const corpusDir = path.join(root, "prisma", "demo", "corpus");

const PEOPLE: PersonForMatching[] = securityGuarantees.people.map((p) => ({
  id: p.key,
  name: p.name,
  aliases: p.aliases ?? [],
}));

type Label = { file: string; exact: string; speaker: string | null; kind?: string; occurrence?: number };
const LABELS = labelsJson as Label[];
const FILES = [...new Set(LABELS.map((l) => l.file))].sort();

function readArticle(file: string): string {
  return readFileSync(path.join(corpusDir, file), "utf8");
}

/** Every suggestion must be a valid code-point anchor whose text is exactly its slice. */
function expectWellFormed(text: string, suggestions: QuoteSuggestion[]) {
  const chars = codePoints(text);
  let previousEnd = -1;
  suggestions.forEach((s, i) => {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(chars.length);
    expect(s.text).toBe(chars.slice(s.start, s.end).join(""));
    // The app's own check, on a sample (it re-reads the whole text each time).
    if (i < 25) expect(verifyAnchor(text, anchorAt(text, s.start, s.end))).toEqual({ ok: true });
    // Ordered by start and never overlapping.
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = s.end;
    expect(["DIRECT_QUOTE", "REPORTED_SPEECH"]).toContain(s.kind);
    expect(typeof s.cue).toBe("string");
  });
}

describe("suggestQuotes on the demo corpus", () => {
  it("labels are verbatim substrings of their articles", () => {
    expect(LABELS.length).toBeGreaterThan(0);
    for (const label of LABELS) {
      expect(
        locateQuote(readArticle(label.file), label.exact, label.occurrence ?? 0),
        `${label.file}: ${label.exact}`,
      ).not.toBeNull();
    }
  });

  it("reaches precision ≥ 0.8 and recall ≥ 0.7 against the hand labels", () => {
    let totalSuggestions = 0;
    let totalLabels = 0;
    let matchedSuggestions = 0;
    let matchedLabels = 0;
    let speakerRight = 0;
    let matchedPairs = 0;
    const lines: string[] = [];
    const misses: string[] = [];

    for (const file of FILES) {
      const text = readArticle(file);
      const suggestions = suggestQuotes(text, PEOPLE);
      expectWellFormed(text, suggestions);
      const labels = LABELS.filter((l) => l.file === file).map((l) => {
        const anchor = locateQuote(text, l.exact, l.occurrence ?? 0)!;
        return { ...l, start: anchor.startOffset, end: anchor.endOffset };
      });
      const { matched, usedS, usedL } = matchRanges(suggestions, labels);
      const speakersOk = matched.filter((m) => (suggestions[m.s]!.speaker?.id ?? null) === labels[m.l]!.speaker).length;

      totalSuggestions += suggestions.length;
      totalLabels += labels.length;
      matchedSuggestions += usedS.size;
      matchedLabels += usedL.size;
      speakerRight += speakersOk;
      matchedPairs += matched.length;

      const p = suggestions.length ? usedS.size / suggestions.length : 1;
      const r = labels.length ? usedL.size / labels.length : 1;
      lines.push(
        `${file}  labels ${String(labels.length).padStart(2)}  suggestions ${String(suggestions.length).padStart(2)}  ` +
          `P ${p.toFixed(3)}  R ${r.toFixed(3)}  speaker ${speakersOk}/${matched.length}`,
      );
      suggestions.forEach((s, i) => {
        if (!usedS.has(i))
          misses.push(
            `  FP ${file} [${s.kind} ${s.cue} → ${s.speaker?.id ?? s.speakerName ?? "?"}] ${s.text.slice(0, 100)}`,
          );
      });
      labels.forEach((l, i) => {
        if (!usedL.has(i)) misses.push(`  FN ${file} [${l.speaker ?? "null"}] ${l.exact.slice(0, 100)}`);
      });
      for (const m of matched) {
        const s = suggestions[m.s]!;
        const l = labels[m.l]!;
        if ((s.speaker?.id ?? null) !== l.speaker) {
          misses.push(
            `  SPEAKER ${file} expected ${l.speaker ?? "null"}, got ${s.speaker?.id ?? "null"} (${s.speakerName ?? "-"}): ${s.text.slice(0, 70)}`,
          );
        }
      }
    }

    const precision = matchedSuggestions / totalSuggestions;
    const recall = matchedLabels / totalLabels;
    console.log(
      [
        `quote suggestions — ${totalLabels} labels, ${totalSuggestions} suggestions`,
        ...lines,
        `overall  precision ${precision.toFixed(3)} (${matchedSuggestions}/${totalSuggestions})  recall ${recall.toFixed(3)} (${matchedLabels}/${totalLabels})  ` +
          `speaker accuracy on matches ${(speakerRight / Math.max(1, matchedPairs)).toFixed(3)} (${speakerRight}/${matchedPairs})`,
        ...misses,
      ].join("\n"),
    );

    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.7);
  });
});

describe("suggestQuotes", () => {
  it("returns nothing for empty or quote-free text", () => {
    expect(suggestQuotes("", PEOPLE)).toEqual([]);
    expect(suggestQuotes("", [])).toEqual([]);
    expect(suggestQuotes("   \n\n  ", PEOPLE)).toEqual([]);
    expect(suggestQuotes("The weather in Geneva was mild on Monday.", PEOPLE)).toEqual([]);
  });

  it("counts offsets in code points, not UTF-16 units", () => {
    const text = "😀👩‍👩‍👧 🇺🇦 Intro line.\n“We will not compromise on our main principles,” Stoltenberg said.";
    const [s, ...rest] = suggestQuotes(text, PEOPLE);
    expect(rest).toEqual([]);
    expect(s).toBeDefined();
    const quote = "We will not compromise on our main principles";
    expect(s!.text).toBe(quote);
    const utf16 = text.indexOf(quote);
    expect(s!.start).toBe(codePoints(text.slice(0, utf16)).length);
    expect(s!.start).toBeLessThan(utf16); // the emoji take more UTF-16 units than code points
    expect(s!.end - s!.start).toBe(codePoints(quote).length);
    expect(codePoints(text).slice(s!.start, s!.end).join("")).toBe(s!.text);
    expect(s!.speaker).toEqual({ id: "stoltenberg", name: "Jens Stoltenberg" });
    expect(s!.kind).toBe("DIRECT_QUOTE");
  });

  it("keeps astral characters inside a suggestion intact", () => {
    const text = "“We 😀 really are ready for 𝕏 talks today,” said Blinken.";
    const [s] = suggestQuotes(text, PEOPLE);
    expect(s?.text).toBe("We 😀 really are ready for 𝕏 talks today");
    expectWellFormed(text, suggestQuotes(text, PEOPLE));
  });

  it.each([
    [
      "“There is no positive reaction on the main issue,” Lavrov said.",
      "There is no positive reaction on the main issue",
      "lavrov",
      "DIRECT_QUOTE",
    ],
    [
      '"There is no positive reaction on the main issue," Lavrov said.',
      "There is no positive reaction on the main issue",
      "lavrov",
      "DIRECT_QUOTE",
    ],
    [
      "«There is no positive reaction on the main issue», — said Sergey Lavrov.",
      "There is no positive reaction on the main issue",
      "lavrov",
      "DIRECT_QUOTE",
    ],
    [
      "Blinken said: “We are open to dialogue and we prefer diplomacy.”",
      "We are open to dialogue and we prefer diplomacy.",
      "blinken",
      "DIRECT_QUOTE",
    ],
    [
      "Lavrov said that Russia would soon publish its response.",
      "Russia would soon publish its response",
      "lavrov",
      "REPORTED_SPEECH",
    ],
    [
      "According to Peskov, the documents are already with the president.",
      "the documents are already with the president",
      "peskov",
      "REPORTED_SPEECH",
    ],
    [
      "The bloc is unlikely to expand in the next few years, Kortunov said.",
      "The bloc is unlikely to expand in the next few years",
      "kortunov",
      "REPORTED_SPEECH",
    ],
    [
      "Such a step would publicize what Russia has been doing, Richard Weitz warned.",
      "Such a step would publicize what Russia has been doing",
      "weitz",
      "REPORTED_SPEECH",
    ],
    [
      "“We will not get ahead of ourselves here,” as Peskov put it.",
      "We will not get ahead of ourselves here",
      "peskov",
      "DIRECT_QUOTE",
    ],
    [
      "Peskov told reporters on Monday that the documents were already with Putin.",
      "the documents were already with Putin",
      "peskov",
      "REPORTED_SPEECH",
    ],
  ])("finds %j", (text, expected, speaker, kind) => {
    const suggestions = suggestQuotes(text, PEOPLE);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.text).toBe(expected);
    expect(suggestions[0]!.speaker?.id).toBe(speaker);
    expect(suggestions[0]!.kind).toBe(kind);
  });

  it("follows wire-service conventions: short quotes, continued quotations, paragraphs reopened with a quote mark", () => {
    const people: PersonForMatching[] = [
      { id: "kirby", name: "John Kirby", aliases: [] },
      { id: "zelensky", name: "Volodymyr Zelensky", aliases: ["Zelenskyy"] },
    ];
    const text =
      '"We are not going to do that," said John Kirby, a Pentagon spokesman. "It\'s not a decision we\'ve made."\n' +
      '"Calm down," Zelenskyy wrote on Telegram. "Everything is under control.\n' +
      '"We are working with our partners every day."\n' +
      "Officials said the decision could come within days.";
    const found = suggestQuotes(text, people).map((s) => [s.text, s.speaker?.id ?? null, s.speakerName]);
    expect(found).toEqual([
      ["We are not going to do that", "kirby", "John Kirby"],
      ["It's not a decision we've made", "kirby", "John Kirby"],
      ["Calm down", "zelensky", "Zelenskyy"],
      ["Everything is under control", "zelensky", "Zelenskyy"],
      ["We are working with our partners every day", "zelensky", "Zelenskyy"],
      ["the decision could come within days", null, "Officials"],
    ]);
  });

  it("resolves pronouns and titles to the person in focus", () => {
    const text =
      "US Secretary of State Antony Blinken spoke in Washington. He said that the document was sent to Congress.\n" +
      "The decision remains with Russia, the Secretary of State emphasized.";
    const suggestions = suggestQuotes(text, PEOPLE);
    expect(suggestions.map((s) => s.speaker?.id)).toEqual(["blinken", "blinken"]);
  });

  it("keeps an unknown speaker's name without matching a person", () => {
    const text = "Earlier, Bloomberg reported that the United States is unlikely to give a specific answer.";
    const [s] = suggestQuotes(text, PEOPLE);
    expect(s?.speaker).toBeNull();
    expect(s?.speakerName).toBe("Bloomberg");
    expect(s?.text).toBe("the United States is unlikely to give a specific answer");
  });

  it("keeps an organisation speaker's whole name and ties it to the party its adjective names", () => {
    // Issue #14: "the foreign ministry" of Russia, not tied to Russia's party (and cut to "Ministry").
    const text = "The Russian Foreign Ministry said that Moscow expects a written response from Washington next week.";
    const [s] = suggestQuotes(text, PEOPLE, { parties: [{ key: "russia", name: "Russia" }] });
    expect(s?.speakerName).toBe("Russian Foreign Ministry");
    expect(s?.party?.key).toBe("russia");
  });

  it("does not suggest scare quotes or unattributed quotations", () => {
    expect(suggestQuotes("The alliance keeps its “open door” policy.", PEOPLE)).toEqual([]);
    expect(suggestQuotes("“Everything is going well, as expected, in Geneva,” read the banner.", PEOPLE)).toEqual([]);
  });

  it("copes with unbalanced quotation marks", () => {
    const text =
      "“Based on this, there is not much cause for optimism, — he noticed. Peskov said that talks would go on.\n“Unclosed and never attributed at all";
    const suggestions = suggestQuotes(text, PEOPLE);
    expectWellFormed(text, suggestions);
  });

  // Timed in CPU time, not wall-clock time, so a busy test machine doesn't make it flaky.
  it("does not crash or stall on pathological input (100k characters, each within a second)", {
    timeout: 120_000,
  }, () => {
    const inputs = [
      "“".repeat(100_000),
      "”".repeat(100_000),
      '"'.repeat(100_001),
      "«".repeat(50_000) + "»".repeat(50_000),
      "“a b c d,” he said. ".repeat(5_000),
      "“We are ready, — said Lavrov ".repeat(3_500),
      "— said ".repeat(14_000),
      "a".repeat(100_000),
      "Lavrov said that ".repeat(6_000),
      "Lavrov said. ".repeat(7_700),
      "The minister said the expert noted. ".repeat(2_800),
      ", ".repeat(50_000),
      "According to Lavrov, ".repeat(5_000),
      "a, ".repeat(33_000) + "Kortunov said.",
      ". ".repeat(50_000),
      "\n".repeat(100_000),
      "😀“".repeat(33_000),
      "“".repeat(50_000) + "We are ready, he said. ".repeat(2_000),
      Array.from({ length: 100_000 }, (_, i) => '“”"«» ,.—\nabc said'[(i * 7919) % 19]).join(""),
    ];
    for (const input of inputs) {
      const before = process.cpuUsage();
      const suggestions = suggestQuotes(input, PEOPLE);
      const used = process.cpuUsage(before);
      const cpuMs = (used.user + used.system) / 1000;
      expect(cpuMs, `${JSON.stringify(input.slice(0, 30))}…`).toBeLessThan(1000);
      expectWellFormed(input, suggestions);
    }
  });

  it("always returns well-formed, ordered, non-overlapping anchors (property)", () => {
    const pieces = [
      "“",
      "”",
      '"',
      "«",
      "»",
      "‘",
      "’",
      ", ",
      ". ",
      " — ",
      "\n",
      "\u00a0",
      "😀",
      "e\u0301",
      "Lavrov",
      "he",
      "said",
      "that",
      "according to",
      "the expert",
      "We are ready to talk",
      "Blinken",
      "noted",
      "Peskov told reporters",
      ":",
      " ",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join("");
        expectWellFormed(text, suggestQuotes(text, PEOPLE));
      }),
      { numRuns: 300 },
    );
  });
});
