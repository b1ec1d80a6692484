import "server-only";
import { type Env, env } from "@/lib/platform/env";

type OriginSettings = Pick<Env, "PARLEY_PUBLIC_URL" | "AUTH_URL" | "AUTH_TRUST_HOST">;

/** How the app is reached for one request, and what follows from it for cookies and HSTS. */
export type DeploymentOrigin = {
  /** "https://parley.example.org", "http://parley.internal:3000" */
  origin: string;
  https: boolean;
  /** `__Host-`/Secure cookies: under HTTPS, and on loopback, which browsers treat as a secure context. */
  secureCookies: boolean;
  /** Passwords and cookies cross a network in clear: plain HTTP to a host other than this machine. */
  unencrypted: boolean;
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname) || hostname.toLowerCase().endsWith(".localhost");
}

/** PARLEY_PUBLIC_URL, else AUTH_URL, as an origin; null when neither is set. */
export function configuredOrigin(settings: OriginSettings = env()): string | null {
  const url = settings.PARLEY_PUBLIC_URL ?? settings.AUTH_URL;
  return url ? new URL(url).origin : null;
}

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}

/**
 * The origin the client addressed: the Host header, and plain HTTP (what `next start` serves).
 * With AUTH_TRUST_HOST, the proxy's X-Forwarded-Host and X-Forwarded-Proto instead; without it
 * those headers are the client's own words and are ignored. Next's own request.url always says
 * localhost, whichever name the server was reached by.
 */
export function requestOrigin(headers: Headers, settings: OriginSettings = env()): string {
  const forwardedHost = settings.AUTH_TRUST_HOST ? firstValue(headers.get("x-forwarded-host")) : undefined;
  const forwardedProto = settings.AUTH_TRUST_HOST ? firstValue(headers.get("x-forwarded-proto")) : undefined;
  const host = forwardedHost ?? headers.get("host") ?? "localhost";
  const scheme = forwardedProto === "https" ? "https" : "http";
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return `${scheme}://localhost`;
  }
}

/** The public URL when one is configured, else the origin this request addressed. */
export function deploymentOrigin(headers: Headers, settings: OriginSettings = env()): DeploymentOrigin {
  const origin = configuredOrigin(settings) ?? requestOrigin(headers, settings);
  const url = new URL(origin);
  const https = url.protocol === "https:";
  const loopback = isLoopbackHost(url.hostname);
  return { origin, https, secureCookies: https || loopback, unencrypted: !https && !loopback };
}

/**
 * Whether a browser request comes from this app's own pages: no Origin (not a browser, or a
 * same-origin GET), or an Origin equal to the one the request addressed or to the public URL.
 */
export function isSameOrigin(headers: Headers, settings: OriginSettings = env()): boolean {
  const origin = headers.get("origin");
  if (!origin) return true;
  return origin === requestOrigin(headers, settings) || origin === configuredOrigin(settings);
}

export const HSTS = "max-age=31536000";
