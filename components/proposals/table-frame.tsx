import type { ReactNode } from "react";

/** The proposals' tables: scrolled sideways when narrow, a caption for screen readers, one header row. */
export function TableFrame({
  caption,
  head,
  children,
  className = "overflow-x-auto",
}: {
  caption: ReactNode;
  head: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
