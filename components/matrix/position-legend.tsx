import { PositionBadge } from "@/components/matrix/position-badge";
import { POSITIONS } from "@/lib/matrix/positions";

export function PositionLegend({ labels }: { labels: Record<string, string> }) {
  return (
    <ul aria-label="Positions" className="mt-4 flex flex-wrap gap-x-5 gap-y-2">
      {POSITIONS.map((position) => (
        <li key={position}>
          <PositionBadge position={position} label={labels[position] ?? position} />
        </li>
      ))}
    </ul>
  );
}
