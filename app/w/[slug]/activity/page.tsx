import type { Metadata } from "next";
import { z } from "zod";
import { authorizePage } from "@/lib/workspaces/page-access";
import { listActivity, type ActivityScope } from "@/lib/activity/data";

export const metadata: Metadata = { title: "Activity" };

const ScopeSchema = z.object({ issue: z.uuid().optional(), party: z.uuid().optional(), document: z.uuid().optional() });

function describe(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/activity`);
  const parsed = ScopeSchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const scope: ActivityScope = query.document
    ? { kind: "document", documentId: query.document }
    : query.issue && query.party
      ? { kind: "cell", issueId: query.issue, partyId: query.party }
      : { kind: "workspace" };
  const events = await listActivity(workspace, scope);
  return (
    <main className="mx-auto max-w-5xl px-6 py-8">
      <h1 className="font-serif text-2xl font-semibold">Activity</h1>
      <p className="mt-1 text-sm text-slate-600">Every change, who made it and when, with what was there before and after. The log cannot be edited.{scope.kind !== "workspace" ? ` Showing one ${scope.kind}.` : ""}</p>
      <ol className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {events.map((e) => (
          <li key={String(e.id)} id={`activity-${e.id}`} className="p-3 text-sm">
            <p>
              <time dateTime={e.at.toISOString()} className="text-slate-500">{e.at.toISOString().slice(0, 16).replace("T", " ")} UTC</time>{" "}
              <strong>{e.actor ? e.actor.name || e.actor.email : "system"}</strong> · <code className="rounded bg-slate-100 px-1">{e.action}</code> · {e.subjectType}
            </p>
            {e.before ? <p className="mt-1 font-mono text-xs text-red-900/80">before: {describe(e.before)}</p> : null}
            {e.after ? <p className="mt-1 font-mono text-xs text-emerald-900/80">after: {describe(e.after)}</p> : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
