import Link from "next/link";
import { orderSides, type QuoteOrder, type QuoteSide } from "@/lib/evidence/pairs";

/** Both sides of a quote pair, each in its own language, in the reader's order. */
export function QuotePair({
  slug,
  sides,
  order,
  className = "",
}: {
  slug: string;
  sides: QuoteSide[];
  order: QuoteOrder;
  className?: string;
}) {
  return (
    <div className={`space-y-2 ${className}`}>
      {orderSides(sides, order).map((s) => (
        <div key={s.id} data-quote-role={s.role}>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {s.role === "original" ? "Original" : "Translation"} ({s.document.language}) ·{" "}
            <Link href={`/w/${slug}/evidence/${s.id}`} className="font-normal normal-case text-indigo-700 underline">
              {s.document.title}
            </Link>
          </p>
          <blockquote lang={s.document.language} className="font-serif text-[15px] leading-relaxed text-slate-900">
            “{s.exact}”
          </blockquote>
        </div>
      ))}
    </div>
  );
}
