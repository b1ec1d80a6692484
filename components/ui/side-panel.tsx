import type { ReactNode } from "react";

/**
 * A modal dialog that slides in from the right over the page: a click on the backdrop or Escape closes it.
 * `containEscape` keeps that Escape from reaching the page's own handlers (the matrix's keyboard grid).
 */
export function SidePanel({
  labelledBy,
  onClose,
  containEscape = false,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  containEscape?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the panel; keyboard users press Escape
    <div
      className="fixed inset-0 z-40 flex justify-end bg-slate-900/30"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        onKeyDown={(e) => {
          if (e.key !== "Escape") return;
          if (containEscape) e.stopPropagation();
          onClose();
        }}
        className="h-full w-full max-w-xl overflow-y-auto bg-white p-6 shadow-xl"
      >
        {children}
      </div>
    </div>
  );
}
