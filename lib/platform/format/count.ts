const rules = new Intl.PluralRules("en");

/** "1 quote", "2 quotes", "0 quotes": the count with the noun's form for it. */
export function countOf(count: number, forms: { one: string; other: string }): string {
  return `${count.toLocaleString("en")} ${rules.select(count) === "one" ? forms.one : forms.other}`;
}
