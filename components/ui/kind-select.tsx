/** The labelled "Kind" select of a record's form, named `kind`, one option per kind. */
export function KindSelect<Kind extends string>({
  kinds,
  labels,
  defaultValue,
  className,
}: {
  kinds: readonly Kind[];
  labels: Record<Kind, string>;
  defaultValue: Kind;
  className: string;
}) {
  return (
    <label className="text-sm font-medium">
      Kind
      <select name="kind" defaultValue={defaultValue} className={className}>
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {labels[kind]}
          </option>
        ))}
      </select>
    </label>
  );
}
