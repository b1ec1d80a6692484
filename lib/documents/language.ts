import { franc } from "franc-min";

// franc names languages in ISO 639-3; documents store the shorter ISO 639-1 code where one
// exists, as people type them (en, ru, uk), and keep franc's code otherwise.
const ISO_639_1: Record<string, string> = {
  arb: "ar",
  azj: "az",
  bel: "be",
  ben: "bn",
  bos: "bs",
  bul: "bg",
  ces: "cs",
  cmn: "zh",
  dan: "da",
  deu: "de",
  ekk: "et",
  ell: "el",
  eng: "en",
  fin: "fi",
  fra: "fr",
  heb: "he",
  hin: "hi",
  hrv: "hr",
  hun: "hu",
  hye: "hy",
  ind: "id",
  ita: "it",
  jpn: "ja",
  kat: "ka",
  kaz: "kk",
  kor: "ko",
  lit: "lt",
  lvs: "lv",
  nld: "nl",
  nob: "nb",
  pes: "fa",
  pol: "pl",
  por: "pt",
  ron: "ro",
  rus: "ru",
  slk: "sk",
  slv: "sl",
  spa: "es",
  srp: "sr",
  swe: "sv",
  tha: "th",
  tur: "tr",
  ukr: "uk",
  urd: "ur",
  uzn: "uz",
  vie: "vi",
};

// Trigram statistics settle long before the end of a long text; reading all of a 2 MB document
// would only cost time.
const SAMPLE_LENGTH = 5000;

/** The text's most likely language as a code such as "ru", or null when too short or unclear to tell. */
export function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, SAMPLE_LENGTH), { minLength: 20 });
  if (code === "und") return null;
  return ISO_639_1[code] ?? code;
}
