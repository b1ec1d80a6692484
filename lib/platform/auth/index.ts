import "server-only";
import { headers as requestHeaders } from "next/headers";
import NextAuth from "next-auth";
import { authConfig } from "@/lib/platform/auth/config";
import { deploymentOrigin } from "@/lib/platform/http/public-origin";

// Auth.js hands the request to the proxy's and the route handlers' configs; pages and actions
// call it without one, inside a request whose headers next/headers gives.
async function headersOf(request: Request | undefined): Promise<Headers> {
  if (request) return request.headers;
  try {
    return new Headers(await requestHeaders());
  } catch {
    return new Headers();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) =>
  authConfig(deploymentOrigin(await headersOf(request))),
);
