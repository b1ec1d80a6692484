"use client";

import { useAction } from "next-safe-action/hooks";
import { ActionErrorLine } from "@/components/ui/action-error";
import { CopyableLink } from "@/components/ui/copyable-link";
import { DateInput } from "@/components/ui/date-input";
import { useDates } from "@/components/ui/date-locale";
import { toCalendarDate } from "@/lib/matrix/dates";
import { createShareLinkAction, revokeShareLinkAction } from "@/lib/share/actions";

type Link = { id: string; label: string; asOf: string | null; expiresAt: Date };

function RevokeButton({ slug, id }: { slug: string; id: string }) {
  const revoke = useAction(revokeShareLinkAction);
  return (
    <button
      type="button"
      disabled={revoke.isPending}
      onClick={() => revoke.execute({ workspaceSlug: slug, shareLinkId: id })}
      className="rounded-md border border-slate-300 px-3 py-1 text-sm disabled:opacity-60"
    >
      {revoke.isPending ? "Revoking…" : "Revoke"}
    </button>
  );
}

export function ShareLinks({ slug, links }: { slug: string; links: Link[] }) {
  const dates = useDates();
  const create = useAction(createShareLinkAction);
  const url = create.result.data ? `${window.location.origin}${create.result.data.path}` : null;
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="font-semibold">Read-only share links</h2>
      <p className="text-sm text-slate-600">
        Anyone with such a link sees the matrix (optionally frozen at a date) and nothing else, until it expires or you
        revoke it.
      </p>
      <form
        className="grid gap-3 sm:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          create.execute({
            workspaceSlug: slug,
            label: String(f.get("label") ?? ""),
            asOf: String(f.get("asOf") ?? ""),
            expiresInDays: Number(f.get("expiresInDays")),
          });
        }}
      >
        <label className="text-sm sm:col-span-2">
          Label
          <input
            name="label"
            placeholder="e.g. briefing for the ministry"
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
          />
        </label>
        <label className="text-sm">
          Frozen at (optional)
          <DateInput name="asOf" className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="text-sm">
          Expires in (days)
          <input
            type="number"
            name="expiresInDays"
            min={1}
            max={365}
            defaultValue={30}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
          />
        </label>
        <div className="sm:col-span-4">
          <button
            type="submit"
            disabled={create.isPending}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
          >
            {create.isPending ? "Creating…" : "Create share link"}
          </button>
        </div>
      </form>
      <ActionErrorLine result={create.result} />
      {url ? (
        <div role="status" className="flex gap-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <CopyableLink key={url} link={url} label="Share link" />
        </div>
      ) : null}
      {links.length > 0 ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {links.map((l) => (
            <li key={l.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                {l.label || "Untitled link"} · {l.asOf ? `frozen at ${dates.calendar(l.asOf)}` : "current view"} ·
                expires {dates.calendar(toCalendarDate(new Date(l.expiresAt)))}
              </span>
              <RevokeButton slug={slug} id={l.id} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
