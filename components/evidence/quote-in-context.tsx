/** A quote marked in the words around it, as the quote pages show it. */
export function PassageInContext({
  before,
  exact,
  after,
  active = true,
}: {
  before: string;
  exact: string;
  after: string;
  active?: boolean;
}) {
  return (
    <>
      <span className="text-slate-500">…{before}</span>
      <mark className="quote" data-active={active ? "true" : undefined}>
        {exact}
      </mark>
      <span className="text-slate-500">{after}…</span>
    </>
  );
}

/** The quote in context, as its own section of a quote page. */
export function QuoteInContext({
  evidence,
  lang,
}: {
  evidence: { before: string; exact: string; after: string };
  lang?: string;
}) {
  return (
    <section
      aria-label="The quote in context"
      lang={lang}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-6 font-serif text-[17px] leading-8 whitespace-pre-wrap"
    >
      <PassageInContext before={evidence.before} exact={evidence.exact} after={evidence.after} />
    </section>
  );
}
