import type { FormEvent } from "react";

/** A form's submit handler that keeps the page and hands over what the form holds. */
export function onFormData(handle: (form: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    handle(new FormData(e.currentTarget));
  };
}
