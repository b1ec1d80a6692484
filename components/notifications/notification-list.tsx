"use client";

import { useAction } from "next-safe-action/hooks";
import { type MouseEvent, useState } from "react";
import { ActionErrorLine, actionErrorMessage } from "@/components/ui/action-error";
import { InlineAlert } from "@/components/ui/form-feedback";
import { LocalTime } from "@/components/ui/local-time";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import type { NotificationView } from "@/lib/notifications/schema";

function headline(n: NotificationView): string {
  const who = n.actorName ?? "Someone";
  if (n.kind === "MENTION") return `${who} mentioned you on ${n.subject}`;
  if (n.kind === "REPLY") return `${who} replied in a thread on ${n.subject}`;
  return n.activity ? `${who} ${n.activity}` : `${who} changed ${n.subject}`;
}

export function NotificationItem({ notification: n }: { notification: NotificationView }) {
  const markRead = useAction(markNotificationReadAction);
  const [opening, setOpening] = useState(false);

  // A plain left click marks the item read, then loads the target as a full page, so the
  // browser scrolls to the comment and :target marks it. Other clicks (new tab) just follow.
  async function open(event: MouseEvent<HTMLAnchorElement>) {
    if (n.read || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    setOpening(true);
    await markRead.executeAsync({ notificationId: n.id }).catch(() => undefined);
    window.location.assign(n.href);
  }

  return (
    <li className={`flex items-start gap-3 px-4 py-3 ${n.read ? "" : "bg-indigo-50/60"}`} data-read={n.read}>
      <span
        aria-hidden
        className={`mt-2 size-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-indigo-600"}`}
      />
      <div className="min-w-0 flex-1">
        <a
          href={n.href}
          onClick={open}
          className={`block ${n.read ? "text-slate-800" : "font-semibold text-slate-950"} hover:underline`}
        >
          {n.read ? null : <span className="sr-only">Unread: </span>}
          {headline(n)}
        </a>
        {n.excerpt ? <p className="mt-1 line-clamp-2 text-sm text-slate-600">{n.excerpt}</p> : null}
        <p className="mt-1 text-xs text-slate-600">
          {n.workspace.title} · <LocalTime iso={n.createdAt} recentAsRelative />
          {opening ? " · Opening…" : ""}
        </p>
        <ActionErrorLine result={markRead.result} />
      </div>
      {n.read ? null : (
        <button
          type="button"
          disabled={markRead.isPending}
          onClick={() => markRead.execute({ notificationId: n.id })}
          className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs disabled:opacity-60"
        >
          {markRead.isPending ? "Marking…" : "Mark read"}
        </button>
      )}
    </li>
  );
}

export function MarkAllReadButton() {
  const { execute, isPending, result } = useAction(markAllNotificationsReadAction);
  const error = actionErrorMessage(result);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={isPending}
        onClick={() => execute()}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-60"
      >
        {isPending ? "Marking all read…" : "Mark all read"}
      </button>
      <InlineAlert message={error} />
    </span>
  );
}
