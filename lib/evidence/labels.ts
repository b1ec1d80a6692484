import type { EvidenceKind, EvidenceRelation } from "@/lib/generated/prisma/enums";

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  DIRECT_QUOTE: "Direct quote",
  REPORTED_SPEECH: "Reported speech",
  EXPERT_ASSESSMENT: "Expert assessment",
  OFFICIAL_DOCUMENT: "Official document",
};

export const RELATION_LABELS: Record<EvidenceRelation, string> = {
  SUPPORTS: "Supports",
  CONTRADICTS: "Contradicts",
  CONTEXT: "Context",
};
