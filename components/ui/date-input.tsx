"use client";

import { type ComponentProps, useId, useState } from "react";
import { useDates } from "@/components/ui/date-locale";

type Props = Omit<ComponentProps<"input">, "type"> & { captionClassName?: string };

/**
 * A native date input with the chosen day written out beside it in the reader's locale ("20
 * February 2022"), so a typed 02/03/2022 cannot be misread as the wrong month. The value stays
 * YYYY-MM-DD. The caption is the input's description, hidden from the label so the field keeps
 * its name.
 */
export function DateInput({ captionClassName = "", defaultValue, value, onChange, ...props }: Props) {
  const captionId = useId();
  const dates = useDates();
  const [typed, setTyped] = useState(String(defaultValue ?? ""));
  const shown = dates.longCalendar(value === undefined ? typed : String(value));
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
