import "server-only";
import { env } from "@/lib/platform/env";
import { configuredOrigin, deploymentOrigin } from "@/lib/platform/http/public-origin";
import { logger } from "@/lib/platform/observability/logger";

const UNENCRYPTED_WARNING =
  "Parley is served over plain HTTP to other machines: passwords and session cookies cross the network unencrypted. Put it behind HTTPS (README, Deployment).";

/** For the sign-in page. */
export const UNENCRYPTED_NOTICE =
  "This connection is not encrypted: your password and session travel over the network in clear. Ask whoever runs Parley to serve it over HTTPS.";

/** One line at start saying how cookies and HSTS will be decided, and a warning for plain HTTP. */
export function logDeploymentMode(): void {
  const log = logger();
  const configured = configuredOrigin();
  if (!configured) {
    log.info(
      { trustProxyHeaders: env().AUTH_TRUST_HOST },
      "PARLEY_PUBLIC_URL is not set: session cookies and HSTS follow each request's scheme",
    );
    return;
  }
  const mode = deploymentOrigin(new Headers());
  if (mode.unencrypted) log.warn({ publicUrl: configured }, UNENCRYPTED_WARNING);
  else log.info({ publicUrl: configured, hsts: mode.https }, "serving at the public URL");
}

const globalForWarning = globalThis as unknown as { parleyWarnedUnencrypted?: boolean };

/**
 * The warning for the sign-in page when this request travels in clear to a host other than this
 * machine, else null. Without a public URL the start could not tell: the log gets it once here.
 */
export function connectionWarning(headers: Headers): string | null {
  const mode = deploymentOrigin(headers);
  if (!mode.unencrypted) return null;
  if (!configuredOrigin() && !globalForWarning.parleyWarnedUnencrypted) {
    globalForWarning.parleyWarnedUnencrypted = true;
    logger().warn({ origin: mode.origin }, UNENCRYPTED_WARNING);
  }
  return UNENCRYPTED_NOTICE;
}
