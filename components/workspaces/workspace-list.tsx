import Link from "next/link";

type Item = { slug: string; title: string; description: string; role: string; archived: boolean };

export function WorkspaceList({ workspaces, canCreate }: { workspaces: Item[]; canCreate: boolean }) {
  const active = workspaces.filter((w) => !w.archived);
  const archived = workspaces.filter((w) => w.archived);
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Your workspaces</h1>
        {canCreate ? (
          <Link
            href="/workspaces/new"
            className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800"
          >
            New workspace
          </Link>
        ) : null}
      </div>
      {workspaces.length === 0 ? (
        <p className="mt-4 text-slate-600">
          You are not a member of any workspace yet.{" "}
          {canCreate ? "Start one of your own, or ask an owner" : "Ask an owner"} for an invitation link.
        </p>
      ) : (
        <Cards items={active} />
      )}
      {archived.length > 0 ? (
        <section aria-labelledby="archived-heading" className="mt-10">
          <h2 id="archived-heading" className="text-lg font-semibold text-slate-700">
            Archived
          </h2>
          <Cards items={archived} />
        </section>
      ) : null}
    </main>
  );
}

function Cards({ items }: { items: Item[] }) {
  return (
    <ul className="mt-6 grid gap-4 sm:grid-cols-2">
      {items.map((w) => (
        <li key={w.slug}>
          <Link
            href={`/w/${w.slug}`}
            className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-indigo-300 hover:shadow"
          >
            <span className="block font-medium break-words">{w.title}</span>
            <span className="mt-1 line-clamp-2 block text-sm text-slate-600">{w.description}</span>
            <span className="mt-3 inline-block rounded-full bg-slate-100 px-2 py-0.5 text-xs uppercase tracking-wide text-slate-600">
              {w.archived ? `${w.role.toLowerCase()} · archived` : w.role.toLowerCase()}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
