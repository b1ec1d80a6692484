import type { Position } from "@/lib/enums";
import { POSITION_STYLES } from "@/lib/matrix/positions";

export function PositionBadge({ position, label }: { position: Position; label: string }) {
  const style = POSITION_STYLES[position];
  return (
    <span className={`inline-flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide ${style.text}`}>
      <span aria-hidden className={`inline-block size-2.5 rounded-full ${style.swatch}`} />
      {label}
    </span>
  );
}
