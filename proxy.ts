import { type NextRequest, NextResponse } from "next/server";
import { SESSION_IDLE_SECONDS, sessionCookieName } from "@/lib/platform/auth/config";
import { checkSessionToken, SESSION_HEADER, sessionHeaderValue } from "@/lib/platform/auth/session-check";
import { checkActionBody, checkActionLength } from "@/lib/platform/http/action-body";
import { deploymentOrigin, HSTS } from "@/lib/platform/http/public-origin";
import { contentSecurityPolicy, proxySetsPolicy } from "@/lib/platform/http/security-headers";
import { noteRequestUser } from "@/lib/platform/observability/request-context";

// Runs before every page and route: sets the pages' CSP with a fresh nonce (routes under /api/
// set their own), HSTS when the app is reached over HTTPS, and checks the session cookie once for
// the whole request: the page or route reads the result from a signed header instead of decoding
// the cookie again, and the cookie is re-issued at most once a minute, which is what makes the
// 30-minute idle timeout slide. It authorizes nothing: every page, route and action checks access
// itself in lib/.
export async function proxy(request: NextRequest) {
  // A server action's body that React's decoder would refuse makes Next answer 500 before any of
  // our code runs: refuse it here with a 4xx instead (see lib/platform/http/action-body.ts).
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refusal = checkActionLength(request.headers.get("content-length")) ?? (await checkActionBody(request));
    if (refusal)
      return new NextResponse(refusal.message, {
        status: refusal.status,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
  }
  const deployment = deploymentOrigin(request.headers);
  const cookieName = sessionCookieName(deployment.secureCookies);
  const check = await checkSessionToken(request.cookies.get(cookieName)?.value, cookieName);
  // A forged or outdated cookie is an expected refusal: one line, no stack.
  if (check.kind === "invalid" && check.reason.startsWith("JWTSessionError"))
    console.warn(`[auth] ${check.reason}`.replace(/\s+/g, " ").slice(0, 300));
  const session = check.kind === "valid" ? check.session : null;
  noteRequestUser(request.headers.get("x-request-id"), session?.userId);

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set(SESSION_HEADER, sessionHeaderValue(session));
  // Where a signed-out visitor should come back to after signing in (see lib/workspaces/page-access.ts).
  headers.set("x-parley-return-to", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  if (proxySetsPolicy(request.nextUrl.pathname)) response.headers.set("Content-Security-Policy", csp);
  const cookie = { httpOnly: true, sameSite: "lax", path: "/", secure: deployment.secureCookies } as const;
  // Neither renewed nor cleared on a server action's answer: one that signs someone in sets its
  // own cookie, which must win (a refused cookie is cleared by the next page load).
  const isAction = request.method === "POST" && request.headers.has("next-action");
  if (check.kind === "valid" && check.renewed && !isAction)
    response.cookies.set(cookieName, check.renewed, {
      ...cookie,
      expires: new Date(Date.now() + SESSION_IDLE_SECONDS * 1000),
    });
  // Written by hand: the cookie serializer drops a Max-Age of 0, and browsers need it (or an
  // Expires in the past) to forget the cookie.
  if (check.kind === "invalid" && !isAction)
    response.headers.append(
      "Set-Cookie",
      `${cookieName}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax${deployment.secureCookies ? "; Secure" : ""}`,
    );
  if (deployment.https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
