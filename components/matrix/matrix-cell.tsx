"use client";

import { Suspense } from "react";
import { cellLabel, quoteCount, wordingText } from "@/components/matrix/cell-label";
import { QualityIcons } from "@/components/matrix/stance-qualities";
import type { useCellPreview } from "@/components/matrix/use-cell-preview";
import { lazyComponent } from "@/components/ui/lazy-component";
import type { CellCommentCount } from "@/lib/comments/data";
import type { Position } from "@/lib/enums";
import type { IssueLinkView } from "@/lib/issue-links/labels";
import { cellKey } from "@/lib/matrix/as-of";
import type { CellChange, WordingPart } from "@/lib/matrix/compare";
import { POSITION_STYLES } from "@/lib/matrix/positions";
import type { MatrixStatement, MatrixView } from "@/lib/matrix/schema";

// The quote preview shows only on hover or focus: its code, and the query observer it brings, are
// fetched then, or once the page is idle (matrix-board.tsx), instead of with the page.
const { Component: CellPreview, preload: preloadCellPreview } = lazyComponent(() =>
  import("@/components/matrix/cell-preview").then((m) => m.CellPreview),
);

export { preloadCellPreview };

/** What every row and cell of the board shares: the matrix as shown and the board's state. */
export type Board = {
  matrix: MatrixView;
  slug: string;
  cells: Map<string, MatrixView["cells"][number]>;
  changed: Map<string, CellChange>;
  pending: Set<string>;
  wording: Record<string, WordingPart[]>;
  commentCounts: Record<string, CellCommentCount>;
  proposalCounts: Record<string, number>;
  dimLowConfidence: boolean;
  shared: boolean;
  shareBase?: string;
  virtual: boolean;
  links: readonly IssueLinkView[];
  showLinkages: boolean;
  calendar: (date: string) => string;
  focus: [number, number];
  preview: ReturnType<typeof useCellPreview>;
};

type Place = { issue: MatrixView["issues"][number]; party: MatrixView["parties"][number]; row: number; column: number };

/**
 * One cell of the grid: a focusable <td> named by all it shows, holding the cell's card. Its
 * listeners are the table's (useGridEvents). A page renders hundreds of these on every request,
 * so its parts below are plain functions, not components: React's work per component adds up.
 */
export function MatrixCell({ board, issue, party, row, column }: { board: Board } & Place) {
  const { matrix, focus, preview, shared } = board;
  const key = cellKey(issue.id, party.id);
  const statement = board.cells.get(key)?.statement ?? null;
  const change = board.changed.get(key);
  const isPending = board.pending.has(key);
  const position = statement?.position as Position | undefined;
  const dimmed = board.dimLowConfidence && statement?.confidence === "LOW";
  const comments = board.commentCounts[key];
  const proposals = board.proposalCounts[key] ?? 0;
  const label = cellLabel({
    partyName: party.name,
    issueTitle: issue.title,
    statement,
    change,
    isPending,
    wording: board.wording[key],
    comments,
    proposals,
    labels: matrix.positionLabels,
    calendar: board.calendar,
  });
  const previewing = !shared && preview.previewed === key && statement && statement.evidenceCount > 0 && !isPending;
  return (
    <td
      tabIndex={focus[0] === row && focus[1] === column ? 0 : -1}
      data-row={row}
      data-column={column}
      data-testid="matrix-cell"
      data-position={position ?? ""}
      data-changed={change ? "true" : undefined}
      data-pending={isPending ? "true" : undefined}
      data-confidence={statement?.confidence}
      data-dimmed={dimmed ? "true" : undefined}
      aria-label={label}
      aria-busy={isPending}
      aria-describedby={previewing ? `preview-${key}` : undefined}
      className={shared ? "matrix-cell" : "matrix-cell cursor-pointer"}
    >
      <div
        className={`matrix-card ${position ? POSITION_STYLES[position].cell : "matrix-card-empty"}${change ? " matrix-card-changed" : ""}${isPending ? " opacity-70" : ""}${dimmed ? " opacity-40 saturate-50" : ""}`}
      >
        {isPending ? <span className="matrix-saving">Saving… </span> : null}
        {change ? (
          <span className="matrix-change">
            {`${change.before ? matrix.positionLabels[change.before.position] : "—"} → ${change.after ? matrix.positionLabels[change.after.position] : "—"} `}
          </span>
        ) : null}
        {statement && position ? (
          cellStatement(board, statement, position, key, `/w/${board.slug}/cells/${issue.id}/${party.id}`)
        ) : (
          <span className="matrix-empty">No statement yet</span>
        )}
        {cellCounts(comments, proposals)}
        {previewing ? (
          <Suspense fallback={<PreviewLoading id={`preview-${key}`} />}>
            <CellPreview slug={board.slug} statementId={statement.id} id={`preview-${key}`} />
          </Suspense>
        ) : null}
      </div>
    </td>
  );
}

/** The shown statement: its position, qualities, summary (or wording change), date and quotes. */
function cellStatement(board: Board, statement: MatrixStatement, position: Position, key: string, cellPath: string) {
  const { matrix, shareBase } = board;
  const wording = board.wording[key];
  const quotes = quoteCount(statement);
  const sharedQuote = shareBase && statement.links[0];
  return (
    <>
      {/* The spaces keep the words apart for assistive technology; blocks and flex items ignore them on screen. */}
      {cellBadge(position, matrix.positionLabels[position] ?? position)} {QualityIcons({ qualities: statement })}{" "}
      {wording ? <WordingChange parts={wording} /> : <span className="matrix-summary">{statement.summary}</span>}{" "}
      <span className="matrix-meta">
        <time dateTime={statement.statedOn}>{board.calendar(statement.statedOn)}</time>{" "}
        {/* Plain links: the table follows them in the app (useGridEvents). */}
        {!board.shared ? (
          <a href={`${cellPath}?asOf=${matrix.asOf}`} tabIndex={-1}>
            {quotes}
          </a>
        ) : sharedQuote ? (
          <a href={`${shareBase}/evidence/${sharedQuote.evidenceId}?asOf=${matrix.asOf}`}>{quotes}</a>
        ) : (
          <span>{quotes}</span>
        )}
      </span>
    </>
  );
}

/** The preview while its code loads: as CellPreview shows while its quote loads. */
function PreviewLoading({ id }: { id: string }) {
  return (
    <div id={id} role="tooltip" className="matrix-preview" data-testid="cell-preview">
      <span className="text-slate-600">Loading the latest quote…</span>
    </div>
  );
}

/** The cell's comment count (with the open ones) and, in review mode, its proposals awaiting review. */
function cellCounts(comments: CellCommentCount | undefined, proposals: number) {
  return (
    <>
      {comments ? (
        <span className="matrix-comments" data-testid="cell-comments">
          <svg aria-hidden viewBox="0 0 16 16" className="size-3.5 fill-current">
            <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" />
          </svg>
          {comments.comments}
          {comments.unresolved ? (
            <span className="matrix-unresolved" title={`${comments.unresolved} open`}>
              {" "}
              · {comments.unresolved} open
            </span>
          ) : null}
        </span>
      ) : null}
      {proposals ? " " : null}
      {proposals ? (
        <span
          className="matrix-proposals"
          data-testid="cell-proposals"
          title={`${proposals} ${proposals === 1 ? "proposal awaits" : "proposals await"} review`}
        >
          {proposals} pending
        </span>
      ) : null}
    </>
  );
}

/** The position badge of a matrix cell: PositionBadge's look, from shared classes (repeated per cell). */
function cellBadge(position: Position, label: string) {
  const style = POSITION_STYLES[position];
  return (
    <span className={`matrix-badge ${style.text}`}>
      <span aria-hidden className={`matrix-swatch ${style.swatch}`} />
      {label}
    </span>
  );
}
/** The old wording struck through and the new underlined, word by word, in a changed cell. */
function WordingChange({ parts }: { parts: WordingPart[] }) {
  // A summary rewritten almost whole reads better as the new wording, then the old one, than as
  // alternating fragments (the card shows only its first lines).
  const same = parts.filter((p) => p.change === "same").reduce((n, p) => n + p.text.length, 0);
  const longest = Math.max(wordingText(parts, "new").length, wordingText(parts, "old").length);
  if (same < 0.4 * longest)
    return (
      <span className="matrix-summary matrix-wording" data-testid="wording-change">
        <ins>{wordingText(parts, "new")}</ins> <del>{wordingText(parts, "old")}</del>
      </span>
    );
  return (
    <span className="matrix-summary matrix-wording" data-testid="wording-change">
      {parts.map((part, index) =>
        part.change === "added" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move; their order is the text's
          <ins key={index}>{part.text}</ins>
        ) : part.change === "removed" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <del key={index}>{part.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
