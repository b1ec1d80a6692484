"use client";

import { useEffect, useId, useState } from "react";
import { CommentThreads } from "@/components/comments/comment-thread";
import { useComments } from "@/components/comments/comments-context";
import { commentAnchor } from "@/lib/comments/permalink";
import type { CommentTarget, ThreadView } from "@/lib/comments/schema";

/** A statement's comments, folded away behind their count. */
export function StatementComments({
  statementId,
  threads,
  count,
}: {
  statementId: string;
  threads: ThreadView[];
  count: number;
}) {
  return <FoldedComments target={{ statementId }} threads={threads} count={count} />;
}

/**
 * Comments on a statement or a proposal, folded away behind their count. The threads are in the
 * page even when folded (hidden), so a permalink's :target matches; the fold opens itself for such a link.
 */
export function FoldedComments({
  target,
  threads,
  count,
}: {
  target: CommentTarget;
  threads: ThreadView[];
  count: number;
}) {
  const { canComment } = useComments();
  const [open, setOpen] = useState(false);
  const panelId = useId();

  useEffect(() => {
    const anchors = new Set(threads.flatMap((t) => [t.root, ...t.replies]).map((c) => `#${commentAnchor(c.id)}`));
    const reveal = () => {
      if (!anchors.has(window.location.hash)) return;
      setOpen(true);
      // After React has shown the panel: scroll to the comment the link names.
      requestAnimationFrame(() =>
        document.getElementById(window.location.hash.slice(1))?.scrollIntoView({ block: "center" }),
      );
    };
    reveal();
    window.addEventListener("hashchange", reveal);
    return () => window.removeEventListener("hashchange", reveal);
  }, [threads]);

  if (count === 0 && threads.length === 0 && !canComment) return null;
  return (
    <div className="mt-3 border-t border-slate-100 pt-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="text-sm font-medium text-indigo-700 underline"
      >
        {threads.length === 0 ? "Add a comment" : `Comments (${count})`}
      </button>
      <div id={panelId} hidden={!open} className="mt-3" data-statement-id={target.statementId}>
        <CommentThreads target={target} threads={threads} />
      </div>
    </div>
  );
}
