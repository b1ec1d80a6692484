import type { WhatMoved } from "@/lib/convergence/digest";
import { EVIDENCE_KIND_LABELS, RELATION_LABELS } from "@/lib/evidence/labels";
import type { BriefingDigest, Citation, MatrixExport, SourceDocument, Speaker } from "@/lib/exports/model";
import { formatCalendarDate } from "@/lib/matrix/dates";

// Wording shared by the formats. Plain text only: each format escapes it for itself.

/** The address as a link target, or null unless it is http(s): a document's URL is user data. */
export function httpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "Sergei Lavrov (Minister of Foreign Affairs, Russia)" */
export function describeSpeaker(speaker: Speaker | null): string {
  if (!speaker) return "Unattributed";
  const details = [speaker.role, speaker.affiliation].filter(Boolean).join(", ");
  return details ? `${speaker.name} (${details})` : speaker.name;
}

/** "Title, Outlet, published 14 Feb 2022" */
export function describeSource(document: SourceDocument): string {
  return [
    document.title,
    document.outlet,
    document.publishedOn ? `published ${formatCalendarDate(document.publishedOn)}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

/** "Direct quote · supports" */
export function describeCitationKind(citation: Pick<Citation, "kind" | "relation">): string {
  return `${EVIDENCE_KIND_LABELS[citation.kind]} · ${RELATION_LABELS[citation.relation].toLowerCase()}`;
}

/** A citation's words: the quote alone, or each side of its pair, labelled, in the reader's order. */
export function citationQuotes(citation: Citation): { label: string | null; exact: string; language: string | null }[] {
  if (!citation.pair) return [{ label: null, exact: citation.exact, language: null }];
  return citation.pair.map((side) => ({
    label: `${side.role === "original" ? "Original" : "Translation"} (${side.language})`,
    exact: side.exact,
    language: side.language,
  }));
}

/** One citation as a single paragraph, for formats without structure (a CSV field). */
export function citationText(citation: Citation): string {
  const url = citation.document.url ? ` <${citation.document.url}>` : "";
  const words = citationQuotes(citation)
    .map((q) => `“${q.exact}”${q.label ? ` [${q.label}]` : ""}`)
    .join(" / ");
  return `${words} — ${describeSpeaker(citation.speaker)}, ${citation.saidOn} (${describeCitationKind(citation)}). Source: ${describeSource(citation.document)}${url}`;
}

export function matrixCellsByIssue(matrix: MatrixExport) {
  const parties = new Map(matrix.parties.map((p) => [p.id, p]));
  return matrix.issues.map((issue) => ({
    issue,
    cells: matrix.cells.filter((c) => c.issueId === issue.id).map((c) => ({ ...c, party: parties.get(c.partyId)! })),
  }));
}

/**
 * The convergence digest as the briefings print it: one section per kind of change (empty ones
 * left out), each entry a sentence with its link, made absolute when the public address is known.
 */
export function briefingDigestOf(digest: WhatMoved, baseUrl: string | undefined): BriefingDigest {
  const absolute = (href: string) => (baseUrl ? new URL(href, baseUrl).toString() : href);
  const entries = (list: readonly { sentence: string; href: string }[]) =>
    list.map((entry) => ({ sentence: entry.sentence, href: absolute(entry.href) }));
  const sections = [
    { title: "Events", entries: entries(digest.events) },
    { title: "Red lines drawn or dropped", entries: entries(digest.redLines) },
    { title: "Positions that moved", entries: entries(digest.moved) },
    { title: "Newly stated", entries: entries(digest.stated) },
    { title: "Retracted", entries: entries(digest.retracted) },
  ].filter((section) => section.entries.length > 0);
  return { from: digest.from, to: digest.to, sections };
}
