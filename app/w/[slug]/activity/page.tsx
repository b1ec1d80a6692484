import type { Metadata } from "next";
import { ActivityFilterForm } from "@/components/activity/activity-filter-form";
import { ActivityLog } from "@/components/activity/activity-log";
import { type ActivityScope, activityNames, listActivity, listActivityActors } from "@/lib/activity/data";
import { ActivityFiltersSchema } from "@/lib/activity/schema";
import { firstValues } from "@/lib/platform/http/search-params";
import { listStructure } from "@/lib/structure/data";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Activity" };

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
  const query = ActivityFiltersSchema.parse(single);
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
      <ActivityFilterForm slug={slug} query={query} actors={actors} structure={structure} />
      <ActivityLog slug={slug} events={events} names={names} />
    </main>
  );
}
