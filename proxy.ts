import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/lib/auth";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

// Runs before every page and route: sets the CSP with a fresh nonce, and (through Auth.js's
// wrapper) re-issues the session cookie, which is what makes the 30-minute idle timeout slide.
// It authorizes nothing: every page, route and action checks access itself in lib/.
const withSession = auth((request) => {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // Where a signed-out visitor should come back to after signing in (see lib/workspaces/page-access.ts).
  headers.set("x-parley-return-to", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
});

// With a lazily built Auth.js config (read at request time, not at build time), auth(wrapper)
// resolves to the wrapped handler asynchronously, whatever its declared type says.
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const handler = await (withSession as unknown as Promise<typeof withSession>);
  return handler(request, event as never);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
