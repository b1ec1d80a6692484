/** A text's length as people count it: characters (code points), not UTF-16 units. No zod here, for the browser. */
export function codePointLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}
