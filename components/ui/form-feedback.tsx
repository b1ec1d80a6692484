import type { ReactNode } from "react";

export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {messages.join(" ")}
    </p>
  );
}

export function FormAlert({ children, tone = "error" }: { children: ReactNode; tone?: "error" | "success" }) {
  const look =
    tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-emerald-300 bg-emerald-50 text-emerald-900";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${look}`}>
      {children}
    </div>
  );
}

/** An action's error, announced beside the control that ran it; nothing while there is none. */
export function InlineAlert({
  message,
  as: Tag = "span",
  className = "text-sm text-red-700",
}: {
  message: string | null | undefined;
  as?: "span" | "p";
  className?: string;
}) {
  if (!message) return null;
  return (
    <Tag role="alert" className={className}>
      {message}
    </Tag>
  );
}
