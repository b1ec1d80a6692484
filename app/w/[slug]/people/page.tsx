import type { Metadata } from "next";
import { PeopleDirectory } from "@/components/people/people-directory";
import { listPeople } from "@/lib/people/data";
import { listStructure } from "@/lib/structure/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/people`);
  const [people, structure] = await Promise.all([listPeople(workspace), listStructure(workspace)]);
  const parties = structure.parties.filter((p) => !p.archivedAt);
  return (
    <main className="mx-auto max-w-4xl px-4 sm:px-6 py-8">
      <h1 className="font-serif text-2xl font-semibold">People</h1>
      <p className="mt-1 text-sm text-slate-600">
        Everyone quoted: officials speak for a party; experts and journalists for an organisation. Aliases catch other
        spellings.
      </p>
      <PeopleDirectory
        slug={slug}
        people={people}
        parties={parties}
        canEdit={workspaceAllows(workspace, "evidence:write")}
      />
    </main>
  );
}
