"use client";

import { useRouter } from "next/navigation";

// Not a valid slug, so it cannot collide with a workspace's.
const ALL = "--all--";

export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: string;
  workspaces: { slug: string; title: string }[];
}) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Workspace</span>
      <select
        value={current}
        onChange={(event) => router.push(event.target.value === ALL ? "/workspaces" : `/w/${event.target.value}`)}
        className="w-full max-w-72 truncate rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        {workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.title}
          </option>
        ))}
        <option value={ALL}>All workspaces…</option>
      </select>
    </label>
  );
}
