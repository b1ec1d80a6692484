import type { CellCommentCount } from "@/lib/comments/data";
import type { CellChange, WordingPart } from "@/lib/matrix/compare";
import type { MatrixStatement } from "@/lib/matrix/schema";

/** One side of a wording change: the new text (without the removed words) or the old one. */
export function wordingText(parts: WordingPart[], side: "new" | "old"): string {
  return parts
    .filter((part) => part.change !== (side === "new" ? "removed" : "added"))
    .map((part) => part.text)
    .join("");
}

/** The count a cell shows of its statement's quotes. */
export function quoteCount(statement: MatrixStatement): string {
  return `${statement.evidenceCount} ${statement.evidenceCount === 1 ? "quote" : "quotes"}`;
}

export type CellShown = {
  partyName: string;
  issueTitle: string;
  statement: MatrixStatement | null;
  change: CellChange | undefined;
  isPending: boolean;
  wording: WordingPart[] | undefined;
  comments: CellCommentCount | undefined;
  proposals: number;
  labels: Record<string, string>;
  calendar: (date: string) => string;
};

/**
 * A matrix cell's accessible name. It starts with what the cell is, then says everything it
 * shows, in the order shown, so a speech-input user can name it by its visible words (WCAG 2.5.3).
 */
export function cellLabel(cell: CellShown): string {
  const { statement, change, isPending, wording, comments, proposals, labels } = cell;
  const position = statement?.position;
  const shown = [
    isPending ? "Saving…" : "",
    change
      ? `${change.before ? labels[change.before.position] : "—"} → ${change.after ? labels[change.after.position] : "—"}`
      : "",
    ...(statement && position
      ? [
          labels[position],
          wording ? wordingText(wording, "new") : statement.summary,
          wording ? `(wording was: ${wordingText(wording, "old")})` : "",
          cell.calendar(statement.statedOn),
          quoteCount(statement),
        ]
      : ["No statement yet"]),
  ].filter(Boolean);
  // The badges' own words, so the cell's name holds what it shows (WCAG 2.5.3).
  const proposalWords = proposals ? `${proposals} pending` : "";
  const commentWords = comments
    ? `${comments.comments} ${comments.comments === 1 ? "comment" : "comments"}${comments.unresolved ? `, ${comments.unresolved} open` : ""}`
    : "";
  const qualities = `${statement?.redLine ? ", red line" : ""}${statement?.conditionText || statement?.conditionCell ? ", conditional" : ""}${statement?.confidence === "LOW" ? ", low confidence" : ""}`;
  return `${cell.partyName} on ${cell.issueTitle}: ${position ? labels[position] : "no statement"}${qualities}${change ? " (changed)" : ""}${isPending ? " (saving)" : ""}. ${[...shown, commentWords, proposalWords].filter(Boolean).join(" ")}`;
}
