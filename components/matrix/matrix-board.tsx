"use client";

import { useMutationState } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type CSSProperties, Fragment, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { CellPreview } from "@/components/matrix/cell-preview";
import { IssueLinkMarker, LinkageList, LinkageToggle, linksHoldingOn } from "@/components/matrix/linkage-overlay";
import { AllRows, VIRTUAL_CELLS } from "@/components/matrix/row-window";
import { QualityIcons } from "@/components/matrix/stance-qualities";
import { type CellEdit, EditFailure, pendingStatement, useCellEdit } from "@/components/matrix/use-cell-edit";
import { useProposeEdit } from "@/components/matrix/use-propose-edit";
import { useDates } from "@/components/ui/date-locale";
import type { CellCommentCount } from "@/lib/comments/data";
import type { Position } from "@/lib/enums";
import type { IssueLinkView } from "@/lib/issue-links/labels";
import type { CellChange, WordingPart } from "@/lib/matrix/compare";
import type { CellState, EditResult } from "@/lib/matrix/mutations";
import { POSITION_STYLES } from "@/lib/matrix/positions";
import type { MatrixView } from "@/lib/matrix/schema";

type Props = {
  /** The matrix as the server rendered it; the page's re-render after an edit is its only update. */
  matrix: MatrixView;
  canEdit: boolean;
  changes: CellChange[] | null;
  /** In compare mode, the changed cells' wording, old against new (lib/matrix/compare.ts). */
  wording?: Record<string, WordingPart[]>;
  /** Comments on each cell's statements, keyed `issueId:partyId` (lib/comments/data.ts). */
  commentCounts?: Record<string, CellCommentCount>;
  compareFrom: string | null;
  selectedCell: string | null;
  /** A shared read-only view: cells lead nowhere, since the visitor may see nothing else. */
  shared?: boolean;
  /** A shared view's own address (/s/<token>): its quotes open under it, read-only. */
  shareBase?: string;
  /** Open proposals per cell, keyed `issueId:partyId` (review mode). */
  proposalCounts?: Record<string, number>;
  /** Review mode, for an editor: edits are proposed, not applied. */
  proposing?: boolean;
  /** Linked issues (package deals, sequencing), for the linkage overlay. */
  issueLinks?: readonly IssueLinkView[];
};
type Editing = {
  issueId: string;
  partyId: string;
  draft?: CellEdit;
  conflict?: CellState;
  error?: { message: string; fieldErrors?: Record<string, string[] | undefined> };
};

const cellKey = (issueId: string, partyId: string) => `${issueId}:${partyId}`;

const ARROW_MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

// The editor is not needed to show the matrix: it is left out of the page's first load and
// fetched once the page is idle (for an editor) or when a cell is first opened.
const CellEditor = dynamic(() => import("@/components/matrix/cell-editor").then((m) => m.CellEditor));
const preloadCellEditor = () => void import("@/components/matrix/cell-editor");
// The row virtualiser, likewise, is loaded only for a matrix big enough to need it.
const VirtualRows = dynamic(() => import("@/components/matrix/virtual-rows").then((m) => m.VirtualRows));

function useIdlePreload(wanted: boolean, preload: () => void) {
  useEffect(() => {
    if (!wanted) return;
    if (typeof window.requestIdleCallback !== "function") {
      const timer = setTimeout(preload, 1000);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(preload, { timeout: 3000 });
    return () => window.cancelIdleCallback(idle);
  }, [wanted, preload]);
}

export function MatrixBoard({
  matrix: rendered,
  canEdit,
  changes,
  wording = {},
  commentCounts = {},
  compareFrom,
  selectedCell,
  shared = false,
  shareBase,
  proposalCounts = {},
  proposing = false,
  issueLinks = [],
}: Props) {
  const dates = useDates();
  const router = useRouter();
  const slug = rendered.workspace.slug;
  const unsaved = useUnsavedEdits(slug, rendered);
  const matrix = withUnsavedEdits(rendered, unsaved);
  const cells = new Map(matrix.cells.map((c) => [cellKey(c.issueId, c.partyId), c]));
  const changed = new Map((changes ?? []).map((c) => [cellKey(c.issueId, c.partyId), c]));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [dimLowConfidence, setDimLowConfidence] = useState(false);
  const [showLinkages, setShowLinkages] = useState(false);
  const links = linksHoldingOn(issueLinks, matrix.asOf);
  // The cell whose latest quote is previewed: hovered for a moment, or focused.
  const [previewed, setPreviewed] = useState<string | null>(null);
  const hoverTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [focus, setFocus] = useState<[number, number]>(() => {
    const [issueId, partyId] = (selectedCell ?? "").split(":");
    const row = matrix.issues.findIndex((i) => i.id === issueId);
    const column = matrix.parties.findIndex((p) => p.id === partyId);
    return row >= 0 && column >= 0 ? [row, column] : [0, 0];
  });
  const grid = useRef<HTMLTableElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [headerHeight, setHeaderHeight] = useState(45);
  useEffect(() => setHeaderHeight(grid.current?.tHead?.offsetHeight ?? 45), []);
  const virtual = matrix.issues.length * matrix.parties.length > VIRTUAL_CELLS;
  const Rows = virtual ? VirtualRows : AllRows;
  const revealRow = useRef<(row: number) => void>(() => {});
  // A cell asked for focus while its row was outside the window: focused once it is rendered.
  const focusWanted = useRef<[number, number] | null>(null);
  useEffect(() => {
    if (!focusWanted.current) return;
    const cell = cellElement(...focusWanted.current);
    if (cell) {
      focusWanted.current = null;
      cell.focus();
    }
  });
  useIdlePreload(canEdit && !shared, preloadCellEditor);
  const edit = useCellEdit(slug);
  const propose = useProposeEdit(slug);
  const [proposed, setProposed] = useState<string | null>(null);
  const pending = new Set(unsaved.map((v) => cellKey(v.issueId, v.partyId)));

  // The selected cell is part of the URL, so a shared link lands on it.
  function select(row: number, column: number) {
    setFocus([row, column]);
    const issue = matrix.issues[row];
    const party = matrix.parties[column];
    if (!issue || !party) return;
    const url = new URL(window.location.href);
    url.searchParams.set("cell", cellKey(issue.id, party.id));
    window.history.replaceState(window.history.state, "", url);
  }

  function cellElement(row: number, column: number) {
    return grid.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-column="${column}"]`);
  }

  function focusCell(row: number, column: number) {
    const cell = cellElement(row, column);
    if (cell) return cell.focus();
    focusWanted.current = [row, column];
    revealRow.current(row);
  }

  // Only on arrival: a permalink to a cell focuses it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on the first render
  useEffect(() => {
    if (selectedCell) focusCell(focus[0], focus[1]);
  }, []);

  function open(row: number, column: number) {
    if (shared) return;
    const issue = matrix.issues[row]!;
    const party = matrix.parties[column]!;
    if (canEdit) setEditing({ issueId: issue.id, partyId: party.id });
    else router.push(`/w/${slug}/cells/${issue.id}/${party.id}?asOf=${matrix.asOf}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, row: number, column: number) {
    const move = ARROW_MOVES[event.key];
    if (move) {
      event.preventDefault();
      // Keys pressed before a scrolled-to row has rendered move on from that row, not from the focused cell.
      const [fromRow, fromColumn] = focusWanted.current ?? [row, column];
      const next: [number, number] = [
        Math.min(matrix.issues.length - 1, Math.max(0, fromRow + move[0])),
        Math.min(matrix.parties.length - 1, Math.max(0, fromColumn + move[1])),
      ];
      select(...next);
      focusCell(...next);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(row, column);
    } else if ((event.key === "h" || event.key === "H") && !shared && !event.metaKey && !event.ctrlKey) {
      event.preventDefault();
      const issue = matrix.issues[row]!;
      const party = matrix.parties[column]!;
      router.push(`/w/${slug}/cells/${issue.id}/${party.id}?asOf=${matrix.asOf}`);
    }
  }

  function submit(request: CellEdit) {
    const target = { issueId: request.issueId, partyId: request.partyId };
    setEditing(null);
    focusCell(focus[0], focus[1]);
    if (proposing) {
      setProposed(null);
      propose.mutate(request, {
        onSuccess: (result) => {
          const issue = matrix.issues.find((i) => i.id === request.issueId);
          const party = matrix.parties.find((p) => p.id === request.partyId);
          if (result.ok) setProposed(`Proposed for review: ${party?.name} on ${issue?.title}.`);
          else setEditing({ ...target, draft: request, error: { message: result.message } });
        },
        onError: (error) =>
          setEditing({
            ...target,
            draft: request,
            error: {
              message: error.message,
              fieldErrors: error instanceof EditFailure ? error.fieldErrors : undefined,
            },
          }),
      });
      return;
    }
    edit.mutate(request, {
      onSuccess: (result) => {
        if (result.ok) return;
        if (result.code === "conflict") setEditing({ ...target, draft: request, conflict: result.details.current });
        else setEditing({ ...target, draft: request, error: { message: result.message } });
      },
      onError: (error) =>
        setEditing({
          ...target,
          draft: request,
          error: { message: error.message, fieldErrors: error instanceof EditFailure ? error.fieldErrors : undefined },
        }),
    });
  }

  const editingIssue = editing && matrix.issues.find((i) => i.id === editing.issueId);
  const editingParty = editing && matrix.parties.find((p) => p.id === editing.partyId);
  const editingCell = editing ? cells.get(cellKey(editing.issueId, editing.partyId)) : undefined;

  return (
    <>
      <label className="mb-2 inline-flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={dimLowConfidence}
          onChange={(e) => setDimLowConfidence(e.target.checked)}
          className="size-4"
        />
        Dim low-confidence statements
      </label>
      <LinkageToggle shown={showLinkages} onChange={setShowLinkages} count={links.length} listId="matrix-linkages" />
      {showLinkages ? <LinkageList links={links} listId="matrix-linkages" /> : null}
      <p role="status" className="mb-2 text-sm text-emerald-800 empty:hidden">
        {proposed}
      </p>
      {/* Narrow screens scroll the matrix inside this box, with the issue column held in place. */}
      <div ref={scroller} className="matrix-scroller rounded-lg border border-slate-200 bg-white shadow-sm">
        <table
          ref={grid}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern; arrow keys move between cells
          role="grid"
          aria-label={`Stance matrix as of ${dates.calendar(matrix.asOf)}`}
          aria-rowcount={virtual ? matrix.issues.length + 1 : undefined}
          className="matrix-table w-full table-fixed border-collapse text-left"
          style={{ "--matrix-parties": Math.max(1, matrix.parties.length) } as CSSProperties}
        >
          <thead>
            <tr aria-rowindex={virtual ? 1 : undefined} className="border-b border-slate-200 bg-slate-50">
              <th
                scope="col"
                className="matrix-first bg-slate-50 px-4 py-3 text-xs font-semibold uppercase tracking-wide text-slate-500"
              >
                Issue
              </th>
              {matrix.parties.map((party) => (
                <th key={party.id} scope="col" className="px-4 py-3 text-sm font-semibold">
                  <span className="inline-flex items-center gap-2">
                    <span
                      aria-hidden
                      className="inline-block h-3 w-1.5 rounded-sm"
                      style={{ backgroundColor: party.colour }}
                    />
                    {party.name}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Rows
              rows={matrix.issues.length}
              scroller={scroller}
              headerHeight={headerHeight}
              focusedRow={focus[0]}
              revealRef={revealRow}
            >
              {({ slices, gapAfter, measure }) => (
                <>
                  {slices.map(({ row, gapBefore }) => {
                    const issue = matrix.issues[row]!;
                    return (
                      <Fragment key={issue.id}>
                        {gapBefore ? <RowGap height={gapBefore} columns={matrix.parties.length} /> : null}
                        <tr
                          ref={measure}
                          data-index={row}
                          aria-rowindex={virtual ? row + 2 : undefined}
                          className="matrix-row"
                        >
                          <th scope="row" className="matrix-first matrix-issue">
                            {issue.title}
                            <IssueLinkMarker issueId={issue.id} links={links} expanded={showLinkages} />
                            {issue.description ? (
                              <span className="matrix-issue-description">{issue.description}</span>
                            ) : null}
                          </th>
                          {matrix.parties.map((party, column) => {
                            const key = cellKey(issue.id, party.id);
                            const statement = cells.get(key)?.statement ?? null;
                            const change = changed.get(key);
                            const isPending = pending.has(key);
                            const position = statement?.position as Position | undefined;
                            const lowConfidence = statement?.confidence === "LOW";
                            const dimmed = dimLowConfidence && lowConfidence;
                            const quotes = statement
                              ? `${statement.evidenceCount} ${statement.evidenceCount === 1 ? "quote" : "quotes"}`
                              : "";
                            // The cell's name starts with what it is, then says everything it shows, in the
                            // order shown, so a speech-input user can name it by its visible words (WCAG 2.5.3).
                            const shown = [
                              isPending ? "Saving…" : "",
                              change
                                ? `${change.before ? matrix.positionLabels[change.before.position] : "—"} → ${change.after ? matrix.positionLabels[change.after.position] : "—"}`
                                : "",
                              ...(statement && position
                                ? [
                                    matrix.positionLabels[position],
                                    wording[key] ? wordingText(wording[key], "new") : statement.summary,
                                    wording[key] ? `(wording was: ${wordingText(wording[key], "old")})` : "",
                                    dates.calendar(statement.statedOn),
                                    quotes,
                                  ]
                                : ["No statement yet"]),
                            ].filter(Boolean);
                            const comments = commentCounts[key];
                            const proposals = proposalCounts[key] ?? 0;
                            // The badge's own words, so the cell's name holds what it shows (WCAG 2.5.3).
                            const proposalWords = proposals ? `${proposals} pending` : "";
                            const commentWords = comments
                              ? `${comments.comments} ${comments.comments === 1 ? "comment" : "comments"}${comments.unresolved ? `, ${comments.unresolved} open` : ""}`
                              : "";
                            const label = `${party.name} on ${issue.title}: ${position ? matrix.positionLabels[position] : "no statement"}${statement?.redLine ? ", red line" : ""}${statement?.conditionText || statement?.conditionCell ? ", conditional" : ""}${lowConfidence ? ", low confidence" : ""}${change ? " (changed)" : ""}${isPending ? " (saving)" : ""}. ${[...shown, commentWords, proposalWords].filter(Boolean).join(" ")}`;
                            const previewing =
                              !shared && previewed === key && statement && statement.evidenceCount > 0 && !isPending;
                            return (
                              <td
                                key={party.id}
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
                                onFocus={() => {
                                  if (focus[0] !== row || focus[1] !== column) select(row, column);
                                  setPreviewed(key);
                                }}
                                onBlur={() => setPreviewed((current) => (current === key ? null : current))}
                                onMouseEnter={() => {
                                  clearTimeout(hoverTimer.current);
                                  hoverTimer.current = setTimeout(() => setPreviewed(key), 400);
                                }}
                                onMouseLeave={() => {
                                  clearTimeout(hoverTimer.current);
                                  setPreviewed((current) => (current === key ? null : current));
                                }}
                                onKeyDown={(e) => onKeyDown(e, row, column)}
                                onClick={() => open(row, column)}
                                className={shared ? "matrix-cell" : "matrix-cell cursor-pointer"}
                              >
                                <div
                                  className={`matrix-card ${position ? POSITION_STYLES[position].cell : "matrix-card-empty"}${change ? " matrix-card-changed" : ""}${isPending ? " opacity-70" : ""}${dimmed ? " opacity-40 saturate-50" : ""}`}
                                >
                                  {isPending ? <span className="matrix-saving">Saving… </span> : null}
                                  {change ? (
                                    <span className="matrix-change">
                                      {change.before ? matrix.positionLabels[change.before.position] : "—"} →{" "}
                                      {change.after ? matrix.positionLabels[change.after.position] : "—"}{" "}
                                    </span>
                                  ) : null}
                                  {statement && position ? (
                                    <>
                                      {/* The spaces keep the words apart for assistive technology; blocks and flex items ignore them on screen. */}
                                      <CellBadge
                                        position={position}
                                        label={matrix.positionLabels[position] ?? position}
                                      />{" "}
                                      <QualityIcons qualities={statement} />{" "}
                                      {wording[key] ? (
                                        <WordingChange parts={wording[key]} />
                                      ) : (
                                        <span className="matrix-summary">{statement.summary}</span>
                                      )}{" "}
                                      <span className="matrix-meta">
                                        <time dateTime={statement.statedOn}>{dates.calendar(statement.statedOn)}</time>{" "}
                                        {shared ? (
                                          shareBase && statement.links[0] ? (
                                            <Link
                                              href={`${shareBase}/evidence/${statement.links[0].evidenceId}?asOf=${matrix.asOf}`}
                                              prefetch={false}
                                              onClick={(e) => e.stopPropagation()}
                                            >
                                              {quotes}
                                            </Link>
                                          ) : (
                                            <span>{quotes}</span>
                                          )
                                        ) : (
                                          <Link
                                            href={`/w/${slug}/cells/${issue.id}/${party.id}?asOf=${matrix.asOf}`}
                                            prefetch={false}
                                            onClick={(e) => e.stopPropagation()}
                                            tabIndex={-1}
                                          >
                                            {quotes}
                                          </Link>
                                        )}
                                      </span>
                                    </>
                                  ) : (
                                    <span className="matrix-empty">No statement yet</span>
                                  )}
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
                                  {previewing ? (
                                    <CellPreview slug={slug} statementId={statement.id} id={`preview-${key}`} />
                                  ) : null}
                                </div>
                              </td>
                            );
                          })}
                        </tr>
                      </Fragment>
                    );
                  })}
                  {gapAfter ? <RowGap height={gapAfter} columns={matrix.parties.length} /> : null}
                </>
              )}
            </Rows>
          </tbody>
        </table>
      </div>
      {compareFrom ? (
        <p className="mt-2 text-sm text-fuchsia-900">
          {changes?.length ?? 0} cells changed between {dates.calendar(compareFrom)} and {dates.calendar(matrix.asOf)}{" "}
          (ringed).
        </p>
      ) : null}
      {shared ? null : (
        <p className="mt-2 text-xs text-slate-500">
          Arrow keys move between cells; Enter {canEdit ? "opens the editor" : "opens the cell’s history"}; Escape
          closes it; H opens the cell’s history.
        </p>
      )}
      {editing && editingIssue && editingParty ? (
        <CellEditor
          key={`${editing.issueId}:${editing.partyId}:${editing.conflict?.version ?? ""}:${editing.error?.message ?? ""}`}
          slug={slug}
          asOf={matrix.asOf}
          issue={editingIssue}
          party={editingParty}
          version={editingCell?.version ?? 0}
          statement={editingCell?.statement ?? null}
          labels={matrix.positionLabels}
          issues={matrix.issues}
          parties={matrix.parties}
          draft={editing.draft}
          conflict={editing.conflict}
          error={editing.error}
          onSubmit={submit}
          proposing={proposing}
          onClose={() => {
            setEditing(null);
            focusCell(focus[0], focus[1]);
          }}
        />
      ) : null}
    </>
  );
}

/** The position badge of a matrix cell: PositionBadge's look, from shared classes (repeated per cell). */
function CellBadge({ position, label }: { position: Position; label: string }) {
  const style = POSITION_STYLES[position];
  return (
    <span className={`matrix-badge ${style.text}`}>
      <span aria-hidden className={`matrix-swatch ${style.swatch}`} />
      {label}
    </span>
  );
}

/** Stands in for the rows outside a big matrix's window, at their height. */
function RowGap({ height, columns }: { height: number; columns: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer with nothing focusable in it, not a grid row
    <tr aria-hidden="true" data-testid="matrix-row-gap">
      <td colSpan={columns + 1} className="p-0" style={{ height }} />
    </tr>
  );
}

/**
 * Edits this tab sent that the rendered matrix does not show yet: in flight, or saved with a
 * version newer than the rendered cell's (the action's re-render is on its way).
 */
function useUnsavedEdits(slug: string, rendered: MatrixView): CellEdit[] {
  const versions = new Map(rendered.cells.map((c) => [cellKey(c.issueId, c.partyId), c.version]));
  return useMutationState({
    filters: { mutationKey: ["cell-edit", { slug }] },
    select: (m) => ({
      status: m.state.status,
      edit: m.state.variables as CellEdit | undefined,
      result: m.state.data as EditResult | undefined,
    }),
  })
    .filter(
      ({ status, edit, result }) =>
        edit &&
        (status === "pending" ||
          (status === "success" &&
            result?.ok &&
            (versions.get(cellKey(edit.issueId, edit.partyId)) ?? 0) < result.version)),
    )
    .map(({ edit }) => edit!);
}

/** The matrix with unsaved edits shown in their cells (a retraction shows once it is saved). */
function withUnsavedEdits(rendered: MatrixView, unsaved: CellEdit[]): MatrixView {
  const shown = unsaved.filter(
    (e): e is Exclude<CellEdit, { kind: "retract" }> => e.kind !== "retract" && e.statedOn <= rendered.asOf,
  );
  if (shown.length === 0) return rendered;
  const byCell = new Map(shown.map((e) => [cellKey(e.issueId, e.partyId), e]));
  const cells = rendered.cells.map((c) => {
    const e = byCell.get(cellKey(c.issueId, c.partyId));
    if (!e) return c;
    byCell.delete(cellKey(c.issueId, c.partyId));
    return { ...c, statement: pendingStatement(e) };
  });
  for (const e of byCell.values())
    cells.push({ issueId: e.issueId, partyId: e.partyId, version: e.baseVersion, statement: pendingStatement(e) });
  return { ...rendered, cells };
}

/** One side of a wording change: the new text (without the removed words) or the old one. */
function wordingText(parts: WordingPart[], side: "new" | "old"): string {
  return parts
    .filter((part) => part.change !== (side === "new" ? "removed" : "added"))
    .map((part) => part.text)
    .join("");
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
