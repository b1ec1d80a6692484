// Whether a name someone is about to create is a person the directory already has, written
// another way: accents ("Lavróv"), case, punctuation, and the transliterations of Russian and
// Ukrainian names that agencies disagree on (Dmitri/Dmitry/Dmitrii, Sergei/Sergey, Andrei/Andrey,
// Ryabkov/Riabkov, Kharkov/Harkov). Warn-only: two people may share a name.

/** A name folded so that its common spellings compare equal. */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .replace(/kh/g, "h")
        .replace(/[yj]/g, "i")
        .replace(/(.)\1+/g, "$1"),
    )
    .join(" ");
}

type Named = { id: string; name: string; aliases: readonly string[] };

function sameish(a: string, b: string): boolean {
  if (a === b) return true;
  const wordsA = a.split(" ");
  const wordsB = b.split(" ");
  // The same surname, and no first name or first names with the same initial: "Peskov",
  // "D. Peskov", "Anthony Blinken". A warning costs a glance; a duplicate splits the record.
  if (wordsA.at(-1) !== wordsB.at(-1)) return false;
  if (wordsA.length === 1 || wordsB.length === 1) return true;
  return wordsA[0]?.[0] === wordsB[0]?.[0];
}

/** People in the directory whose name or an alias may be the same person as `name`. */
export function similarPeople<T extends Named>(name: string, people: readonly T[]): T[] {
  const key = nameKey(name);
  if (key.length < 3) return [];
  return people.filter((person) => [person.name, ...person.aliases].some((known) => sameish(key, nameKey(known))));
}
