import Link from "next/link";
import { HeaderMenu } from "@/components/layout/header-menu";
import { WorkspaceSwitcher } from "@/components/layout/workspace-switcher";
import { signOutAction } from "@/lib/platform/auth/actions";
import { displayName } from "@/lib/users/display-name";

type Props = {
  user: { name: string; email: string; unreadNotifications?: number };
  workspaces: { slug: string; title: string; archived?: boolean }[];
  current?: { slug: string; title: string; role: string };
};

const SECTIONS = [
  ["", "Matrix"],
  ["/convergence", "Convergence"],
  ["/events", "Events"],
  ["/proposals", "Proposals"],
  ["/documents", "Documents"],
  ["/people", "People"],
  ["/search", "Search"],
  ["/review", "Review"],
  ["/activity", "Activity"],
  ["/members", "Members"],
  ["/settings", "Settings"],
  ["/export", "Export"],
] as const;

// Wide screens show everything in one row; narrower ones a menu button that discloses the same
// links in a column (the row's copy is display:none there, so each link exists once for assistive
// technology at any width).
export function AppHeader({ user, workspaces, current }: Props) {
  const switchable = workspaces.filter((w) => !w.archived || w.slug === current?.slug);
  const switcher = current ? <WorkspaceSwitcher current={current.slug} workspaces={switchable} /> : null;
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-[1400px] items-center gap-4 px-4 py-3 sm:px-6">
        <Link href="/workspaces" className="shrink-0 font-serif text-xl font-semibold tracking-tight">
          Parley
        </Link>
        {current ? <span className="min-w-0 truncate text-sm text-slate-600 xl:hidden">{current.title}</span> : null}
        <div className="hidden xl:contents">
          {switcher}
          <HeaderLinks layout="row" current={current} />
          <AccountLinks layout="row" user={user} current={current} />
        </div>
        <HeaderMenu>
          {switcher ? <div className="mb-3">{switcher}</div> : null}
          <HeaderLinks layout="column" current={current} />
          <AccountLinks layout="column" user={user} current={current} />
        </HeaderMenu>
      </div>
    </header>
  );
}

type Layout = "row" | "column";

/** The workspace's sections, or outside a workspace the way back to all of them. */
function HeaderLinks({ layout, current }: { layout: Layout; current: Props["current"] }) {
  if (!current)
    return (
      <nav aria-label="Workspaces" className={layout === "row" ? "text-sm" : "grid gap-1 text-base"}>
        <Link
          href="/workspaces"
          className={layout === "row" ? "text-slate-700 hover:text-slate-950" : "block rounded-md px-2 py-2"}
        >
          All workspaces
        </Link>
      </nav>
    );
  return (
    <nav
      aria-label="Workspace"
      className={
        layout === "row" ? "flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" : "grid gap-1 text-base sm:grid-cols-3"
      }
    >
      {/* No prefetch: every page is dynamic with no loading boundary, so a prefetch saves nothing at
          navigation and costs a server render per link on every page load, competing with the
          page's own requests (the live stream's among them). */}
      {SECTIONS.map(([path, label]) => (
        <Link
          key={label}
          href={`/w/${current.slug}${path}`}
          prefetch={false}
          className={
            layout === "row"
              ? "text-slate-700 hover:text-slate-950"
              : "rounded-md px-2 py-2 text-slate-800 hover:bg-slate-100"
          }
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

function AccountLinks({ layout, user, current }: { layout: Layout; user: Props["user"]; current: Props["current"] }) {
  return (
    <div
      className={
        layout === "row"
          ? "ml-auto flex items-center gap-3 whitespace-nowrap text-sm"
          : "mt-3 flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 text-sm"
      }
    >
      {current ? (
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium uppercase tracking-wide text-slate-600">
          {current.role.toLowerCase()}
        </span>
      ) : null}
      <Link href="/account" prefetch={false} className="text-slate-700 hover:text-slate-950" title={user.email}>
        {displayName(user)}
      </Link>
      <InboxLink unread={user.unreadNotifications ?? 0} />
      <form action={signOutAction}>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50">
          Sign out
        </button>
      </form>
    </div>
  );
}

function InboxLink({ unread }: { unread: number }) {
  return (
    <Link
      href="/inbox"
      prefetch={false}
      title={unread > 0 ? `${unread} unread notifications` : "No unread notifications"}
      className={
        unread > 0 ? "font-semibold text-indigo-800 hover:text-indigo-950" : "text-slate-700 hover:text-slate-950"
      }
    >
      {unread > 0 ? `Inbox (${unread})` : "Inbox"}
    </Link>
  );
}
