"use client";

import { type ComponentProps, useId, useState } from "react";
import { formatLongCalendarDate } from "@/lib/format/dates";

type Props = Omit<ComponentProps<"input">, "type"> & { captionClassName?: string };

/**
 * A native date input with the chosen day written out beside it in the app's format ("20 February
 * 2022"): browsers draw the field itself in their own locale (02/20/2022 in en-US), which reads
 * differently from every other date on the page. The value stays YYYY-MM-DD. The caption is the
 * input's description, hidden from the label so the field keeps its name.
 */
export function DateInput({ captionClassName = "", defaultValue, value, onChange, ...props }: Props) {
  const captionId = useId();
  const [typed, setTyped] = useState(String(defaultValue ?? ""));
  const shown = formatLongCalendarDate(value === undefined ? typed : String(value));
  const describedBy = [props["aria-describedby"], captionId].filter(Boolean).join(" ");
  return (
    <>
      <input
        {...props}
        type="date"
        {...(value === undefined ? { defaultValue } : { value })}
        onChange={(event) => {
          setTyped(event.target.value);
          onChange?.(event);
        }}
        aria-describedby={describedBy}
      />
      <span id={captionId} aria-hidden className={`text-xs font-normal text-slate-600 ${captionClassName}`}>
        {shown}
      </span>
    </>
  );
}
