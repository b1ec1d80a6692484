import { DateInput } from "@/components/ui/date-input";
import { EARLIEST_DATE } from "@/lib/matrix/dates";

/** A plain GET form: the dates live in the URL, so every view is a permalink and works without script. */
export function DateForm({
  action,
  fields,
  keep,
  submit,
}: {
  action: string;
  fields: { name: string; label: string; value: string }[];
  keep: Record<string, string | undefined>;
  submit: string;
}) {
  return (
    <form method="get" action={action} className="mt-2 flex flex-wrap items-end gap-3 text-sm">
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {fields.map((field) => (
        <label key={field.name} className="flex flex-col gap-1">
          <span className="font-medium">{field.label}</span>
          <DateInput
            name={field.name}
            defaultValue={field.value}
            min={EARLIEST_DATE}
            required
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
          />
        </label>
      ))}
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
        {submit}
      </button>
    </form>
  );
}
