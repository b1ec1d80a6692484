import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { DateInput } from "@/components/ui/date-input";
import { FILTER_FIELD, FilterSelect } from "@/components/ui/filter-select";
import { LocalTime } from "@/components/ui/local-time";
import { type ActivityScope, activityNames, listActivity, listActivityActors } from "@/lib/activity/data";
import { activitySentence } from "@/lib/activity/sentences";
import { firstValues } from "@/lib/http/search-params";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { listStructure } from "@/lib/structure/data";
import { displayName } from "@/lib/users/display-name";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Activity" };

const KINDS = {
  stance: "Stances",
  evidence: "Quotes",
  document: "Documents",
  comment: "Comments",
  person: "People",
  issue: "Issues",
  party: "Parties",
  member: "Members",
  event: "Events",
  proposal: "Review proposals",
  negotiation_proposal: "Negotiation proposals",
  provision: "Provisions",
  coding: "Coding rounds",
} as const;

const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(""), schema])
    .optional()
    .catch(undefined);
const FiltersSchema = z.object({
  issue: optional(z.uuid()),
  party: optional(z.uuid()),
  document: optional(z.uuid()),
  person: optional(z.uuid()),
  kind: optional(z.enum(Object.keys(KINDS) as [keyof typeof KINDS, ...(keyof typeof KINDS)[]])),
  from: optional(CalendarDateSchema),
  to: optional(CalendarDateSchema),
});

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/activity`);
  const single = firstValues(raw);
  const query = FiltersSchema.parse(single);
  const scope: ActivityScope = query.document
    ? { kind: "document", documentId: query.document }
    : { kind: "workspace" };
  const [events, actors, structure] = await Promise.all([
    listActivity(workspace, scope, {
      actorId: query.person || undefined,
      kind: query.kind || undefined,
      issueId: query.issue || undefined,
      partyId: query.party || undefined,
      from: query.from || undefined,
      to: query.to || undefined,
    }),
    listActivityActors(workspace),
    listStructure(workspace),
  ]);
  const names = await activityNames(workspace, events);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="font-serif text-2xl font-semibold">Activity</h1>
      <p className="mt-1 text-sm text-slate-600">
        Every change, who made it and when. The log cannot be edited.
        {scope.kind === "document" ? " Showing one document." : ""}
      </p>
      <form
        method="get"
        className="mt-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
      >
        {query.document ? <input type="hidden" name="document" value={query.document} /> : null}
        <FilterSelect
          label="Who"
          name="person"
          value={query.person}
          empty="Anyone"
          options={actors.map((a) => ({ value: a.id, label: a.name }))}
        />
        <FilterSelect
          label="What"
          name="kind"
          value={query.kind}
          empty="Every change"
          options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))}
        />
        <FilterSelect
          label="Issue"
          name="issue"
          value={query.issue}
          empty="Any"
          options={structure.issues.map((i) => ({ value: i.id, label: i.title }))}
        />
        <FilterSelect
          label="Party"
          name="party"
          value={query.party}
          empty="Any"
          options={structure.parties.map((p) => ({ value: p.id, label: p.name }))}
        />
        <label className="text-sm">
          From
          <DateInput name="from" defaultValue={query.from ?? ""} className={FILTER_FIELD} />
        </label>
        <label className="text-sm">
          Until
          <DateInput name="to" defaultValue={query.to ?? ""} className={FILTER_FIELD} />
        </label>
        <div className="flex items-end gap-3 sm:col-span-3">
          <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
            Show
          </button>
          <Link href={`/w/${slug}/activity`} className="text-sm text-indigo-800 underline">
            Clear
          </Link>
        </div>
      </form>
      {events.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">No change matches.</p>
      ) : (
        <ol className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {events.map((e) => {
            const sentence = activitySentence(slug, { ...e, actor: e.actor ? displayName(e.actor) : null }, names);
            return (
              <li key={String(e.id)} id={`activity-${e.id}`} className="p-3 text-sm">
                <p>
                  <span className="text-slate-600">
                    <LocalTime iso={e.at.toISOString()} />
                  </span>{" "}
                  <strong>{sentence.actor}</strong>{" "}
                  {sentence.href ? (
                    <Link href={sentence.href} className="text-indigo-800 hover:underline">
                      {sentence.text}
                    </Link>
                  ) : (
                    sentence.text
                  )}
                </p>
                {sentence.detail ? <p className="mt-1 text-slate-700">{sentence.detail}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </main>
  );
}
