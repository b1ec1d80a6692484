import Link from "next/link";
import { PassageInContext, QuoteInContext } from "@/components/evidence/quote-in-context";
import { QuoteOrderToggle } from "@/components/evidence/quote-order-toggle";
import type { EvidenceView } from "@/lib/evidence/data";
import { orderSides, type QuoteOrder } from "@/lib/evidence/pairs";

/** A quote in its context or, when it is paired, the original and the translation side by side in context. */
export function QuoteWithItsPair({
  slug,
  evidence,
  order,
}: {
  slug: string;
  evidence: EvidenceView;
  order: QuoteOrder;
}) {
  if (!evidence.pair) return <QuoteInContext evidence={evidence} lang={evidence.document.language} />;
  return (
    <>
      <div className="mt-6">
        <QuoteOrderToggle order={order} />
      </div>
      {orderSides(evidence.pair, order).map((side) => (
        <section
          key={side.id}
          aria-label={side.role === "original" ? "The original in context" : "The translation in context"}
          data-quote-role={side.role}
          className="mt-3 rounded-lg border border-slate-200 bg-white p-6"
        >
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {side.role === "original" ? "Original" : "Translation"} ({side.document.language}) ·{" "}
            {side.current ? (
              <span className="font-normal normal-case">{side.document.title}</span>
            ) : (
              <Link
                href={`/w/${slug}/evidence/${side.id}`}
                className="font-normal normal-case text-indigo-700 underline"
              >
                {side.document.title}
              </Link>
            )}
          </p>
          <p lang={side.document.language} className="mt-2 font-serif text-[17px] leading-8 whitespace-pre-wrap">
            <PassageInContext before={side.before} exact={side.exact} after={side.after} active={side.current} />
          </p>
        </section>
      ))}
    </>
  );
}
