import Link from "next/link";

/** The two review lists of a workspace: proposals waiting for a reviewer, and quotes to re-check. */
export function ReviewTabs({ slug, current }: { slug: string; current: "proposals" | "quotes" }) {
  const tabs = [
    { key: "proposals", href: `/w/${slug}/review/proposals`, label: "Proposals" },
    { key: "quotes", href: `/w/${slug}/review`, label: "Quotes to review" },
  ] as const;
  return (
    <nav aria-label="Review lists" className="mb-6 flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${tab.key === current ? "border-slate-200 border-b-white bg-white font-semibold text-slate-900" : "border-transparent text-indigo-700 underline"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
