import { codePointLength } from "@/lib/platform/code-points";

/** Code points as the schemas count them (after trimming, for the fields they trim). */
export function characterCount(value: string, trim = true): number {
  return codePointLength(trim ? value.trim() : value);
}

export function isTooLong(value: string, max: number, trim = true): boolean {
  return characterCount(value, trim) > max;
}

/**
 * "n / max" beside a field, shown once the text nears its limit; past it, red with a message, so
 * the form can refuse before anything is sent. Point the field's aria-describedby at `id`.
 */
export function CharacterCount({
  id,
  value,
  max,
  trim = true,
  className = "",
}: {
  id: string;
  value: string;
  max: number;
  trim?: boolean;
  className?: string;
}) {
  const count = characterCount(value, trim);
  const over = count > max;
  const shown = count >= max * 0.8;
  return (
    <span id={id} className={`block text-xs ${over ? "font-medium text-red-700" : "text-slate-500"} ${className}`}>
      {shown ? (
        <span data-testid="character-count" data-over={over ? "true" : undefined}>
          {count.toLocaleString("en")} / {max.toLocaleString("en")}
        </span>
      ) : null}
      {over ? <span role="alert"> — too long: shorten it to {max.toLocaleString("en")} characters.</span> : null}
    </span>
  );
}
