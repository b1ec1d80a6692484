import { z } from "zod";

/** How every action's input names its workspace; the gate looks it up (format checked there). */
export const WorkspaceSlugSchema = z.string().min(1).max(64);
