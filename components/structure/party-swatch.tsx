export function PartySwatch({ colour }: { colour: string }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block h-3 w-3 shrink-0 rounded-full border border-black/10"
      style={{ backgroundColor: colour }}
    />
  );
}
