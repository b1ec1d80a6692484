import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { WorkspaceSwitcher } from "@/components/layout/workspace-switcher";

type Props = {
  user: { name: string; email: string; unreadNotifications?: number };
  workspaces: { slug: string; title: string }[];
  current?: { slug: string; title: string; role: string };
};

export function AppHeader({ user, workspaces, current }: Props) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-[1400px] items-center gap-4 px-6 py-3">
        <Link href="/" className="font-serif text-xl font-semibold tracking-tight">Parley</Link>
        {current ? <WorkspaceSwitcher current={current.slug} workspaces={workspaces} /> : null}
        {current ? (
          <nav aria-label="Workspace" className="flex items-center gap-4 text-sm">
            <Link href={`/w/${current.slug}`} className="text-slate-700 hover:text-slate-950">Matrix</Link>
            <Link href={`/w/${current.slug}/documents`} className="text-slate-700 hover:text-slate-950">Documents</Link>
            <Link href={`/w/${current.slug}/people`} className="text-slate-700 hover:text-slate-950">People</Link>
            <Link href={`/w/${current.slug}/search`} className="text-slate-700 hover:text-slate-950">Search</Link>
            <Link href={`/w/${current.slug}/review`} className="text-slate-700 hover:text-slate-950">Review</Link>
            <Link href={`/w/${current.slug}/activity`} className="text-slate-700 hover:text-slate-950">Activity</Link>
            <Link href={`/w/${current.slug}/members`} className="text-slate-700 hover:text-slate-950">Members</Link>
            <Link href={`/w/${current.slug}/settings`} className="text-slate-700 hover:text-slate-950">Settings</Link>
            <Link href={`/w/${current.slug}/export`} className="text-slate-700 hover:text-slate-950">Export</Link>
          </nav>
        ) : null}
        <div className="ml-auto flex items-center gap-3 whitespace-nowrap text-sm">
          {current ? <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium uppercase tracking-wide text-slate-600">{current.role.toLowerCase()}</span> : null}
          <Link href="/account" className="text-slate-700 hover:text-slate-950" title={user.email}>{user.name || user.email}</Link>
          <InboxLink unread={user.unreadNotifications ?? 0} />
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50">Sign out</button>
          </form>
        </div>
      </div>
    </header>
  );
}

function InboxLink({ unread }: { unread: number }) {
  return (
    <Link href="/inbox" title={unread > 0 ? `${unread} unread notifications` : "No unread notifications"} className={unread > 0 ? "font-semibold text-indigo-800 hover:text-indigo-950" : "text-slate-700 hover:text-slate-950"}>
      {unread > 0 ? `Inbox (${unread})` : "Inbox"}
    </Link>
  );
}
