import type { EvidenceRelation } from "@/lib/enums";
import { RELATION_LABELS } from "@/lib/evidence/labels";

/** How a linked quote bears on a stance: supports, contradicts or context. */
export function RelationSelect({
  value,
  onChange,
  className = "",
}: {
  value: EvidenceRelation;
  onChange: (relation: EvidenceRelation) => void;
  className?: string;
}) {
  return (
    <select
      aria-label="Relation"
      value={value}
      onChange={(e) => onChange(e.target.value as EvidenceRelation)}
      className={`rounded border border-slate-300 text-xs ${className}`}
    >
      {Object.entries(RELATION_LABELS).map(([relation, label]) => (
        <option key={relation} value={relation}>
          {label}
        </option>
      ))}
    </select>
  );
}
