import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { NewPasswordSchema } from "@/lib/platform/auth/password-policy";
import { EmailSchema, id, line } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

export const RoleSchema = z.enum([Role.OWNER, Role.REVIEWER, Role.EDITOR, Role.COMMENTER, Role.VIEWER], {
  error: "Choose one of the roles.",
});

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: "Everything, including members and invitations",
  REVIEWER: "Edits like an editor; accepts or rejects proposals in review mode",
  EDITOR: "Records stances, imports documents, saves evidence",
  COMMENTER: "Reads everything and comments",
  VIEWER: "Reads everything",
};

export const CreateInvitationSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  role: RoleSchema,
  email: z
    .union([
      z.literal(""),
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(
          z.email({ error: "Enter a valid email address, or leave it empty for a link anyone can use once." }).max(320),
        ),
    ])
    .optional(),
  expiresInDays: z.coerce.number().int().min(1, "At least one day.").max(30, "At most 30 days.").default(7),
});

export const InvitationIdSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  invitationId: id("No such invitation."),
});

export const ChangeRoleSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  userId: id("No such member."),
  role: RoleSchema,
});

export const RemoveMemberSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  userId: id("No such member."),
});

export const InvitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid.");

/** The one-time code mailed to the address an invitation is bound to; absent when not asked for. */
export const InvitationCodeSchema = z
  .union([
    z.literal(""),
    z
      .string()
      .trim()
      .regex(/^\d{6}$/, "The code has six digits."),
  ])
  .optional()
  .transform((value) => value || undefined);

export const AcceptInvitationSchema = z.object({ token: InvitationTokenSchema, code: InvitationCodeSchema });

export const RequestInvitationCodeSchema = z.object({ token: InvitationTokenSchema });

export const RegisterWithInvitationSchema = z.object({
  token: InvitationTokenSchema,
  name: line({ min: 1, max: 200, tooShort: "Enter your name.", tooLong: "At most 200 characters." }),
  email: EmailSchema,
  password: NewPasswordSchema,
  code: InvitationCodeSchema,
});
