import type { Metadata } from "next";
import { EventsBoard } from "@/components/events/events-board";
import { listEventFormOptions, listEvents } from "@/lib/events/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/events`);
  const canEdit = workspaceAllows(workspace, "structure:write");
  const [events, options] = await Promise.all([
    listEvents(workspace),
    canEdit ? listEventFormOptions(workspace) : { parties: [], documents: [] },
  ]);
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="font-serif text-2xl font-semibold">Events</h1>
      <p className="mt-1 text-sm text-slate-600">
        Rounds, meetings, deadlines and leaks, on the day they happened. They show on the matrix’s date control, in each
        participating party’s cell histories and in the convergence digest.
      </p>
      <EventsBoard slug={slug} events={events} options={options} canEdit={canEdit} />
    </main>
  );
}
