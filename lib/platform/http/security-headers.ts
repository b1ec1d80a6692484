// The Content-Security-Policy for every page: scripts only from this origin or carrying this
// response's nonce (Next.js adds it to its own scripts when it sees the header on the request).
// Inline style attributes stay allowed: party colours are data-driven styles, not scripts.
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * Whether the proxy sets the page policy on a response. Route handlers under /api/ answer JSON
 * or downloads and set any policy they need themselves (the export's `sandbox`); a header the
 * proxy set would replace theirs.
 */
export function proxySetsPolicy(pathname: string): boolean {
  return pathname !== "/api" && !pathname.startsWith("/api/");
}
