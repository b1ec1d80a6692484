"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { MentionCandidate } from "@/lib/comments/mentions";

export type CommentsContextValue = {
  workspaceSlug: string;
  viewerId: string;
  /** Viewers read comments; commenters and up write them. */
  canComment: boolean;
  members: MentionCandidate[];
};

const CommentsContext = createContext<CommentsContextValue | null>(null);

export function CommentsProvider({ value, children }: { value: CommentsContextValue; children: ReactNode }) {
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}

export function useComments(): CommentsContextValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error("useComments() needs a <CommentsProvider> around it");
  return value;
}
