import Link from "next/link";
import { countReviewLists } from "@/lib/review/data";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

/** The review lists of a workspace: proposals, quotes to re-check and blind coding rounds, with what is open in each. */
export async function ReviewTabs({
  workspace,
  current,
}: {
  workspace: AuthorizedWorkspace;
  current: "proposals" | "quotes" | "rounds";
}) {
  const counts = await countReviewLists(workspace);
  const slug = workspace.slug;
  const tabs = [
    { key: "proposals", href: `/w/${slug}/review/proposals`, label: "Proposals", count: counts.proposals },
    { key: "quotes", href: `/w/${slug}/review`, label: "Quotes to review", count: counts.quotes },
    { key: "rounds", href: `/w/${slug}/review/rounds`, label: "Coding rounds", count: counts.rounds },
  ] as const;
  return (
    <nav aria-label="Review lists" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${tab.key === current ? "border-slate-200 border-b-white bg-white font-semibold text-slate-900" : "border-transparent text-indigo-700 underline"}`}
        >
          {tab.label}{" "}
          <span
            className="rounded-full bg-slate-100 px-1.5 text-xs font-normal text-slate-700"
            data-testid={`tab-count-${tab.key}`}
          >
            {tab.count}
            <span className="sr-only"> open</span>
          </span>
        </Link>
      ))}
    </nav>
  );
}
