"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

/** Moves the matrix to another as-of date (and compare date) through the URL, in a transition. */
export function useDateNavigation(slug: string, compare: string | null) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (date: string, compareWith: string | null = compare) =>
    startTransition(() =>
      router.push(`/w/${slug}?asOf=${date}${compareWith ? `&compare=${compareWith}` : ""}`, { scroll: false }),
    );
  return { pending, go };
}
