import { EVIDENCE_KIND_LABELS, RELATION_LABELS } from "@/lib/evidence/labels";
import type { AnnotatedEvidence, EvidenceExport } from "@/lib/exports/model";
import { describeSource, describeSpeaker } from "@/lib/exports/text";

// The quotes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): one Annotation
// per quote, motivated by "quoting", targeting the document revision the quote was verified
// against with both selectors the database keeps. TextPositionSelector offsets count Unicode
// code points, as the model specifies and as Parley stores them. Everything is expressed in the
// model's own vocabulary, so the file needs no context beyond anno.jsonld.

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

type Options = { baseUrl?: string | null };

const urn = (id: string) => `urn:uuid:${id}`;

function appUrl(baseUrl: string | null | undefined, path: string): string | null {
  return baseUrl ? `${baseUrl.replace(/\/+$/, "")}${path}` : null;
}

function annotation(evidence: AnnotatedEvidence, model: EvidenceExport, options: Options) {
  const slug = encodeURIComponent(model.workspace.slug);
  const speaker = describeSpeaker(evidence.speaker);
  const described = `${EVIDENCE_KIND_LABELS[evidence.kind]} — ${speaker}, ${evidence.saidOn}. Source: ${describeSource(evidence.document)}, revision ${evidence.document.revision}${evidence.document.url ? ` <${evidence.document.url}>` : ""}.`;
  const documentPage = appUrl(options.baseUrl, `/w/${slug}/documents/${evidence.document.id}`);
  return {
    id: urn(evidence.id),
    type: "Annotation",
    motivation: "quoting",
    created: evidence.createdAt,
    ...(evidence.creator ? { creator: { type: "Person", name: evidence.creator } } : {}),
    body: [
      { type: "TextualBody", purpose: "describing", format: "text/plain", language: "en", value: described },
      { type: "TextualBody", purpose: "tagging", format: "text/plain", value: EVIDENCE_KIND_LABELS[evidence.kind] },
      ...(evidence.speaker ? [{ type: "TextualBody", purpose: "identifying", format: "text/plain", value: speaker }] : []),
      ...(evidence.note ? [{ type: "TextualBody", purpose: "commenting", format: "text/plain", value: evidence.note }] : []),
      ...evidence.links.map(({ relation, statement }) => {
        const cell = appUrl(options.baseUrl, `/w/${slug}/cells/${statement.issueId}/${statement.partyId}`);
        const amended = statement.amendment ? ` (later ${statement.amendment.toLowerCase()})` : "";
        return {
          ...(cell ? { id: cell } : {}),
          type: "TextualBody",
          purpose: "linking",
          format: "text/plain",
          value: `${RELATION_LABELS[relation]}: ${statement.party} on “${statement.issue}” — ${model.positionLabels[statement.position]}, stated ${statement.statedOn}${amended}: ${statement.summary}`,
        };
      }),
    ],
    target: {
      source: urn(evidence.document.revisionId),
      ...(documentPage ? { scope: documentPage } : {}),
      selector: [
        { type: "TextPositionSelector", start: evidence.startOffset, end: evidence.endOffset },
        { type: "TextQuoteSelector", exact: evidence.exact, prefix: evidence.prefix, suffix: evidence.suffix },
      ],
    },
  };
}

export function buildEvidenceAnnotations(model: EvidenceExport, options: Options = {}) {
  const items = model.evidence.map((e) => annotation(e, model, options));
  return {
    "@context": ANNOTATION_CONTEXT,
    id: appUrl(options.baseUrl, `/api/w/${encodeURIComponent(model.workspace.slug)}/export?format=w3c`) ?? urn(model.workspace.id),
    type: "AnnotationCollection",
    label: `Quotes in ${model.workspace.title}`,
    total: items.length,
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}

export function formatEvidenceAnnotations(model: EvidenceExport, options: Options = {}): string {
  return `${JSON.stringify(buildEvidenceAnnotations(model, options), null, 2)}\n`;
}
