import { z } from "zod";
import { id, text } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

const CommentId = id("No such comment.");

export const COMMENT_MAX_CHARACTERS = 10_000;

// Counted in code points, as PostgreSQL's char_length in the table's CHECK counts them.
export const CommentBodySchema = text({
  max: COMMENT_MAX_CHARACTERS,
  multiline: true,
  trim: false,
  tooLong: `Keep comments to ${COMMENT_MAX_CHARACTERS.toLocaleString("en")} characters.`,
}).refine((body) => body.trim().length > 0, "Write something first.");

// Ids chosen through the autocomplete. The server keeps only current members named in the body,
// so anything else here is dropped rather than refused.
const MentionUserIds = z
  .array(z.string().max(64))
  .max(100)
  .default([])
  .transform((ids) => ids.filter((value) => id().safeParse(value).success));

export const PostCommentSchema = z
  .object({
    workspaceSlug: WorkspaceSlugSchema,
    evidenceId: id("No such quote.").optional(),
    statementId: id("No such statement.").optional(),
    proposalId: id("No such proposal.").optional(),
    body: CommentBodySchema,
    mentionUserIds: MentionUserIds,
  })
  .refine(
    (input) => [input.evidenceId, input.statementId, input.proposalId].filter((t) => t !== undefined).length === 1,
    "Comment on one quote, statement or proposal.",
  );

export const ReplyToCommentSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  commentId: CommentId,
  body: CommentBodySchema,
  mentionUserIds: MentionUserIds,
});

export const EditCommentSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  commentId: CommentId,
  body: CommentBodySchema,
  mentionUserIds: MentionUserIds,
});

export const CommentIdSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, commentId: CommentId });

export type CommentTarget =
  | { evidenceId: string; statementId?: undefined; proposalId?: undefined }
  | { statementId: string; evidenceId?: undefined; proposalId?: undefined }
  | { proposalId: string; evidenceId?: undefined; statementId?: undefined };

/** What leaves the server about one comment; a deleted comment keeps its place but not its text. */
export const CommentViewSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  author: z.object({ id: z.string(), name: z.string() }),
  body: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
});

export const ThreadViewSchema = z.object({
  root: CommentViewSchema,
  replies: z.array(CommentViewSchema),
  resolved: z.object({ at: z.string(), by: z.string().nullable() }).nullable(),
});

export type CommentView = z.infer<typeof CommentViewSchema>;
export type ThreadView = z.infer<typeof ThreadViewSchema>;
