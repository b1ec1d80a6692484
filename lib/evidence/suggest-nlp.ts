// Sentences, tokens and part-of-speech tags from wink-nlp's English model, with UTF-16 offsets
// into the text given. The model is loaded once per process, on first use (≈ 0.5 s).

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

export type Token = { start: number; end: number; value: string; pos: string };
export type Sentence = { start: number; end: number; tokens: Token[] };

let engine: ReturnType<typeof winkNLP> | null = null;

function nlp() {
  engine ??= winkNLP(model, ["sbd", "pos"]);
  return engine;
}

/** Splits `text` (one paragraph) into sentences; offsets are shifted by `base`. */
export function readSentences(text: string, base = 0): Sentence[] {
  if (!text.trim()) return [];
  const n = nlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let offset = 0;
  values.forEach((value, i) => {
    offset += spaces[i]?.length ?? 0;
    // wink keeps the original characters; should an offset ever drift, find the token again.
    if (text.slice(offset, offset + value.length) !== value) {
      const found = text.indexOf(value, offset);
      if (found >= 0) offset = found;
    }
    tokens.push({ start: base + offset, end: base + offset + value.length, value, pos: tags[i] ?? "X" });
    offset += value.length;
  });
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  return spans
    .map(([from, to]) => {
      const own = tokens.slice(from, to + 1).filter((t) => t.pos !== "SPACE");
      const first = own[0];
      const last = own[own.length - 1];
      return first && last ? { start: first.start, end: last.end, tokens: own } : null;
    })
    .filter((s): s is Sentence => s !== null);
}
