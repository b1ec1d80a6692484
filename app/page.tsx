import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { requirePageUser } from "@/lib/workspaces/page-access";
import { getUserChrome } from "@/lib/users/data";

export default async function HomePage() {
  const userId = await requirePageUser("/");
  const { user, workspaces } = await getUserChrome(userId);
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} />
      <main className="mx-auto max-w-4xl px-6 py-10">
        <h1 className="text-2xl font-semibold">Your workspaces</h1>
        {workspaces.length === 0 ? (
          <p className="mt-4 text-slate-600">You are not a member of any workspace yet. Ask an owner for an invitation link.</p>
        ) : (
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {workspaces.map((w) => (
              <li key={w.slug}>
                <Link href={`/w/${w.slug}`} className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-indigo-300 hover:shadow">
                  <span className="block font-medium">{w.title}</span>
                  <span className="mt-1 line-clamp-2 block text-sm text-slate-600">{w.description}</span>
                  <span className="mt-3 inline-block rounded-full bg-slate-100 px-2 py-0.5 text-xs uppercase tracking-wide text-slate-600">{w.role.toLowerCase()}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
