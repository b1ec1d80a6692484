import { z } from "zod";
import { NewPasswordSchema } from "@/lib/auth/password-policy";

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(512),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });

export const SignUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(200),
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter an email address, like name@example.org." })),
  password: NewPasswordSchema,
});
