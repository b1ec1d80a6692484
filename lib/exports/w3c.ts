import { EVIDENCE_KIND_LABELS, RELATION_LABELS } from "@/lib/evidence/labels";
import type { AnnotatedEvidence, EvidenceExport } from "@/lib/exports/model";
import { describeSource, describeSpeaker } from "@/lib/exports/text";

// The quotes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): one Annotation
// per quote, motivated by "describing" (the bodies describe who said it, when, and which stances
// it bears on), targeting the document revision the quote was verified against with both
// selectors the database keeps. TextPositionSelector offsets count Unicode code points, as the
// model specifies and as Parley stores them. Everything is in the model's own vocabulary, so the
// file needs no context beyond anno.jsonld; tests/unit/w3c-conformance.test.ts runs the W3C's
// own test-suite schemas against it.

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

type Options = { baseUrl?: string | null };

const urn = (id: string) => `urn:uuid:${id}`;

function appUrl(baseUrl: string | null | undefined, path: string): string | null {
  return baseUrl ? `${baseUrl.replace(/\/+$/, "")}${path}` : null;
}

function passage(evidence: AnnotatedEvidence, model: EvidenceExport, options: Options) {
  const slug = encodeURIComponent(model.workspace.slug);
  const documentPage = appUrl(options.baseUrl, `/w/${slug}/documents/${evidence.document.id}`);
  return {
    type: "SpecificResource",
    source: {
      id: urn(evidence.document.revisionId),
      type: "Text",
      format: "text/plain",
      ...(evidence.document.language ? { language: evidence.document.language } : {}),
    },
    ...(documentPage ? { scope: documentPage } : {}),
    selector: [
      { type: "TextPositionSelector", start: evidence.startOffset, end: evidence.endOffset },
      { type: "TextQuoteSelector", exact: evidence.exact, prefix: evidence.prefix, suffix: evidence.suffix },
    ],
  };
}

/** The quote's own passage and, for one side of a pair, the other side's: the annotation targets both. */
function pairOf(evidence: AnnotatedEvidence, byId: Map<string, AnnotatedEvidence>, translations: PairIndex) {
  if (evidence.translationOfId) {
    const original = byId.get(evidence.translationOfId);
    return original ? { role: "translation" as const, others: [original] } : null;
  }
  const others = translations.get(evidence.id) ?? [];
  return others.length > 0 ? { role: "original" as const, others } : null;
}

type PairIndex = Map<string, AnnotatedEvidence[]>;

function annotation(
  evidence: AnnotatedEvidence,
  model: EvidenceExport,
  options: Options,
  byId: Map<string, AnnotatedEvidence>,
  translations: PairIndex,
) {
  const pair = pairOf(evidence, byId, translations);
  const slug = encodeURIComponent(model.workspace.slug);
  const speaker = describeSpeaker(evidence.speaker);
  const described = `${EVIDENCE_KIND_LABELS[evidence.kind]} — ${speaker}, ${evidence.saidOn}. Source: ${describeSource(evidence.document)}, revision ${evidence.document.revision}${evidence.document.url ? ` <${evidence.document.url}>` : ""}.`;
  return {
    id: urn(evidence.id),
    type: "Annotation",
    motivation: "describing",
    created: evidence.createdAt,
    ...(evidence.creator
      ? { creator: { id: urn(evidence.creator.id), type: "Person", name: evidence.creator.name } }
      : {}),
    body: [
      { type: "TextualBody", purpose: "describing", format: "text/plain", language: "en", value: described },
      { type: "TextualBody", purpose: "tagging", format: "text/plain", value: EVIDENCE_KIND_LABELS[evidence.kind] },
      ...(evidence.speaker
        ? [{ type: "TextualBody", purpose: "identifying", format: "text/plain", value: speaker }]
        : []),
      ...(evidence.note
        ? [{ type: "TextualBody", purpose: "commenting", format: "text/plain", value: evidence.note }]
        : []),
      ...evidence.links.flatMap(({ relation, statement }) => {
        const cell = appUrl(options.baseUrl, `/w/${slug}/cells/${statement.issueId}/${statement.partyId}`);
        const amended = statement.amendment ? ` (later ${statement.amendment.toLowerCase()})` : "";
        const described = {
          type: "TextualBody",
          purpose: "linking",
          format: "text/plain",
          value: `${RELATION_LABELS[relation]}: ${statement.party} on “${statement.issue}” — ${model.positionLabels[statement.position]}, stated ${statement.statedOn}${amended}: ${statement.summary}`,
        };
        // A TextualBody with an id would be read as an external resource, which may not carry a
        // purpose: the cell page is linked as a SpecificResource of its own.
        const page = cell
          ? [{ type: "SpecificResource", purpose: "linking", source: { id: cell, type: "Text", format: "text/html" } }]
          : [];
        return [described, ...page];
      }),
      ...(pair
        ? [
            {
              type: "TextualBody",
              purpose: "linking",
              format: "text/plain",
              value: pair.others
                .map((other) =>
                  pair.role === "translation"
                    ? `Translation (${evidence.document.language}) of the original (${other.document.language}) “${other.exact}”, quote ${urn(other.id)}.`
                    : `Translated (${other.document.language}) as “${other.exact}”, quote ${urn(other.id)}.`,
                )
                .join(" "),
            },
          ]
        : []),
    ],
    // A pair's annotation targets both passages, its own first, each in its own language.
    target: pair
      ? [passage(evidence, model, options), ...pair.others.map((other) => passage(other, model, options))]
      : passage(evidence, model, options),
  };
}

export function buildEvidenceAnnotations(model: EvidenceExport, options: Options = {}) {
  const byId = new Map(model.evidence.map((e) => [e.id, e]));
  const translations: PairIndex = new Map();
  for (const e of model.evidence)
    if (e.translationOfId) translations.set(e.translationOfId, [...(translations.get(e.translationOfId) ?? []), e]);
  const items = model.evidence.map((e) => annotation(e, model, options, byId, translations));
  const id =
    appUrl(options.baseUrl, `/api/w/${encodeURIComponent(model.workspace.slug)}/export?format=w3c`) ??
    urn(model.workspace.id);
  // One page holds every quote: the page is the file's own fragment, first and last at once.
  const pageId = `${id}#page1`;
  const label = `Quotes in ${model.workspace.title}`;
  return {
    "@context": ANNOTATION_CONTEXT,
    id,
    type: "AnnotationCollection",
    label,
    total: items.length,
    first: { id: pageId, type: "AnnotationPage", partOf: { id, label, total: items.length }, startIndex: 0, items },
    last: pageId,
  };
}

export function formatEvidenceAnnotations(model: EvidenceExport, options: Options = {}): string {
  return `${JSON.stringify(buildEvidenceAnnotations(model, options), null, 2)}\n`;
}
