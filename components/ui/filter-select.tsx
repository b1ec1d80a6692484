/** The look of a field in a page's GET filter form (selects and date inputs alike). */
export const FILTER_FIELD = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A labelled select of a GET filter form: the empty value ("Any", "Anyone"…) first, then the options. */
export function FilterSelect({
  label,
  name,
  value,
  empty,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  empty: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label className="text-sm">
      {label}
      <select name={name} defaultValue={value ?? ""} className={FILTER_FIELD}>
        <option value="">{empty}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
