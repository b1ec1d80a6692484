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
  // The address people use, e.g. https://parley.example.org or http://parley.internal:3000. Its
  // scheme decides the session cookies (`__Host-`/Secure under HTTPS) and HSTS; unset, each
  // request's own scheme does. AUTH_URL (Auth.js's name) is read when this is unset.
  PARLEY_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "PARLEY_PUBLIC_URL must be an http:// or https:// URL" })
    .optional(),
  AUTH_URL: z.url({ protocol: /^https?$/, error: "AUTH_URL must be an http:// or https:// URL" }).optional(),
  // Behind a reverse proxy that sets X-Forwarded-Proto and X-Forwarded-Host (overwriting what the
  // client sent): the app reads its scheme and host name from them.
  AUTH_TRUST_HOST: booleanFlag,
  // The bearer token Prometheus sends to /api/metrics; unset, /api/metrics answers 404.
  PARLEY_METRICS_TOKEN: z.string().min(16, "PARLEY_METRICS_TOKEN must be at least 16 characters").optional(),
  PARLEY_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // The request header that names the client, set by a reverse proxy in front (x-forwarded-for,
  // x-real-ip…). Unset: no header is trusted and every client counts as one ("local").
  PARLEY_TRUSTED_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]*$/, "PARLEY_TRUSTED_PROXY must be a header name, like x-forwarded-for")
    .optional(),
  // Failed sign-ins one client address may make, across all accounts, per window.
  PARLEY_SIGNIN_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(20),
  PARLEY_SIGNIN_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  // Registrations and invitation-code requests one client address may make per window.
  PARLEY_REGISTER_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(10),
  PARLEY_REGISTER_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
  // JSON routes, per access token and per signed-in user: writes, and expensive reads (exports).
  PARLEY_RATE_LIMIT_WRITES: z.coerce.number().int().min(1).default(60),
  PARLEY_RATE_LIMIT_WRITES_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  PARLEY_RATE_LIMIT_EXPENSIVE_READS: z.coerce.number().int().min(1).default(20),
  PARLEY_RATE_LIMIT_EXPENSIVE_READS_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  // Live event streams: caps (per user, per server), the heartbeat at which sessions are
  // re-checked, and how long a stream may stay unread (its buffer full) before it is closed.
  PARLEY_MAX_STREAMS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),
  PARLEY_MAX_STREAMS: z.coerce.number().int().min(1).max(100_000).default(1000),
  PARLEY_LIVE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(10_000).default(10_000),
  PARLEY_LIVE_STALL_MS: z.coerce.number().int().min(100).max(30_000).default(20_000),
  // Who may create workspaces: everyone (signed in), owners (of at least one workspace), or a
  // comma-separated allow-list of emails and @domains.
  PARLEY_WORKSPACE_CREATORS: z
    .string()
    .trim()
    .toLowerCase()
    .default("everyone")
    .refine(
      (v) =>
        v === "everyone" ||
        v === "owners" ||
        v.split(",").every((entry) => /^[^@\s,]*@[^@\s,]+\.[^@\s,]+$/.test(entry.trim())),
      "PARLEY_WORKSPACE_CREATORS must be everyone, owners, or a comma-separated list of emails and @domains",
    ),
  // Background jobs (imports): each server runs up to PARLEY_JOBS_CONCURRENCY at once on a pool of
  // its own (PARLEY_JOBS_POOL_MAX connections), never on the request pool. PARLEY_JOBS_WORKER=false
  // makes a server that only queues jobs and leaves them to the others.
  PARLEY_JOBS_WORKER: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((value) => value !== "false" && value !== "0"),
  PARLEY_JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(16).optional(),
  PARLEY_JOBS_POOL_MAX: z.coerce.number().int().min(1).max(32).optional(),
  PARLEY_IMPORTS_CONCURRENT_PER_USER: z.coerce.number().int().min(1).max(100).default(2),
  PARLEY_IMPORTS_DAILY_PER_USER: z.coerce.number().int().min(1).max(10_000).default(20),
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
