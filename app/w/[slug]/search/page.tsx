import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/workspaces/page-access";
import { search } from "@/lib/search/data";
import { SearchQuerySchema } from "@/lib/search/schema";
import { listPeople } from "@/lib/people/data";
import { listStructure } from "@/lib/structure/data";
import { formatCalendarDate } from "@/lib/matrix/dates";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";

export const metadata: Metadata = { title: "Search" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SearchPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/search`);
  const single = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = SearchQuerySchema.safeParse(single);
  const query = parsed.success ? parsed.data : SearchQuerySchema.parse({});
  const [results, people, structure] = await Promise.all([search(workspace, query), listPeople(workspace), listStructure(workspace)]);
  const select = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <main className="mx-auto max-w-5xl px-6 py-8">
      <h1 className="font-serif text-2xl font-semibold">Search</h1>
      <form role="search" method="get" className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <label className="text-sm font-medium sm:col-span-4">Words
          <input name="q" type="search" defaultValue={query.q} placeholder="e.g. moratorium, open door, “legally binding”" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <label className="text-sm">Speaker
          <select name="speaker" defaultValue={query.speaker ?? ""} className={select}><option value="">Anyone</option>{people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
        </label>
        <label className="text-sm">Party
          <select name="party" defaultValue={query.party ?? ""} className={select}><option value="">Any</option>{structure.parties.filter((p) => !p.archivedAt).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
        </label>
        <label className="text-sm">Issue
          <select name="issue" defaultValue={query.issue ?? ""} className={select}><option value="">Any</option>{structure.issues.filter((i) => !i.archivedAt).map((i) => <option key={i.id} value={i.id}>{i.title}</option>)}</select>
        </label>
        <label className="text-sm">Kind
          <select name="kind" defaultValue={query.kind ?? ""} className={select}><option value="">Any</option>{Object.entries(EVIDENCE_KIND_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}</select>
        </label>
        <label className="text-sm">Said from<input type="date" name="from" defaultValue={query.from ?? ""} className={select} /></label>
        <label className="text-sm">Said until<input type="date" name="to" defaultValue={query.to ?? ""} className={select} /></label>
        <div className="flex items-end"><button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">Search</button></div>
      </form>
      {!parsed.success ? <p role="alert" className="mt-4 text-sm text-red-700">{parsed.error.issues.map((i) => i.message).join(" ")}</p> : null}
      <section aria-label="Quotes found" className="mt-8">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{results.evidence.length} quotes</h2>
        <ul className="mt-3 space-y-2">
          {results.evidence.map((e) => (
            <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3">
              <Link href={`/w/${slug}/documents/${e.documentId}#quote-${e.id}`} className="font-serif text-slate-900 hover:underline">“{e.exact}”</Link>
              <p className="mt-1 text-xs text-slate-500">{e.speaker ?? "No speaker"} · {EVIDENCE_KIND_LABELS[e.kind]} · {formatCalendarDate(e.saidOn)} · {e.documentTitle}</p>
            </li>
          ))}
        </ul>
      </section>
      {results.documents.length > 0 ? (
        <section aria-label="Documents found" className="mt-8">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{results.documents.length} documents</h2>
          <ul className="mt-3 space-y-2">
            {results.documents.map((d) => (
              <li key={d.id} className="rounded-md border border-slate-200 bg-white p-3">
                <Link href={`/w/${slug}/documents/${d.id}${d.match ? `?at=${d.match.start}-${d.match.end}` : ""}`} className="font-medium text-indigo-800 hover:underline">{d.title}</Link>
                {d.match ? <p className="mt-1 font-serif text-sm text-slate-700">{d.match.snippet}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
