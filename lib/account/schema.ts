import { z } from "zod";
import { NewPasswordSchema } from "@/lib/platform/auth/password-policy";
import { EmailSchema, id, line, secret } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

export const ChangePasswordSchema = z
  .object({
    currentPassword: secret(512).min(1, "Enter your current password."),
    newPassword: NewPasswordSchema,
    confirmPassword: secret(512),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  });

export const SignUpSchema = z.object({
  name: line({ min: 1, max: 200, tooShort: "Enter your name." }),
  email: EmailSchema,
  password: NewPasswordSchema,
});

export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

export const CreateApiTokenSchema = z.object({
  name: line({ min: 1, max: 100, tooShort: "Name the token, e.g. after the script that will use it." }),
  scope: z.enum(["READ", "WRITE"], { error: "Choose read or write." }),
  workspaceSlugs: z
    .array(WorkspaceSlugSchema)
    .min(1, "Choose at least one workspace.")
    .max(200)
    .transform((slugs) => [...new Set(slugs)]),
  expiresInDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "At least one day.")
    .max(API_TOKEN_MAX_DAYS, "At most a year.")
    .default(API_TOKEN_DEFAULT_DAYS),
});

export const RevokeApiTokenSchema = z.object({ tokenId: id("No such token.") });
