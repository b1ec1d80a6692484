import "server-only";
import { z } from "zod";

// Validated once, at first use, so a misconfigured deployment fails with a message that names
// the variable instead of a confusing error deep inside a request.
const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const EnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  PARLEY_DATABASE_KIND: z.enum(["embedded", "postgresql"]).default("postgresql"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  PARLEY_ADMIN_EMAIL: z.email().optional(),
  PARLEY_ADMIN_PASSWORD: z.string().optional(),
  PARLEY_OPEN_SIGNUP: booleanFlag,
  PARLEY_SKIP_DEMO: booleanFlag,
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  PARLEY_PUBLIC_URL: z.url().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Parley's environment is invalid:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
