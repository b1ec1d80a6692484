import type { Metadata } from "next";
import { AppHeader } from "@/components/layout/app-header";
import { MarkAllReadButton, NotificationItem } from "@/components/notifications/notification-list";
import { listNotifications } from "@/lib/notifications/data";
import { getUserChrome } from "@/lib/users/data";
import { requirePageUser } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const userId = await requirePageUser("/inbox");
  const [{ user, workspaces }, notifications] = await Promise.all([getUserChrome(userId), listNotifications(userId)]);
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} />
      <main className="mx-auto max-w-3xl px-4 sm:px-6 py-10">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">Inbox</h1>
          {unread > 0 ? <MarkAllReadButton /> : null}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          Mentions, replies to your threads and changes to the cells you follow, in all your workspaces.
        </p>
        {notifications.length === 0 ? (
          <p className="mt-8 text-slate-600">
            Nothing here yet. Follow a cell from its page to hear when its stance changes.
          </p>
        ) : (
          <ul
            aria-label="Notifications"
            className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
          >
            {notifications.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} />
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
