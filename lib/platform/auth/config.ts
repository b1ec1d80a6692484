import "server-only";
import { randomUUID } from "node:crypto";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { AuthError, type NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Credentials from "next-auth/providers/credentials";
import { clientAddressFrom } from "@/lib/platform/auth/client-address";
import { authenticateWithPassword } from "@/lib/platform/auth/credentials";
import { canSignUpWithEmail, findSessionStanding, findSessionUser } from "@/lib/platform/auth/session-user";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";

export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** The session cookie under HTTPS (and on loopback); a plain-HTTP deployment gets PLAIN_SESSION_COOKIE. */
export const SESSION_COOKIE = "__Host-parley.session-token";
export const PLAIN_SESSION_COOKIE = "parley.session-token";

export function sessionCookieName(secureCookies: boolean): string {
  return secureCookies ? SESSION_COOKIE : PLAIN_SESSION_COOKIE;
}

// @auth/prisma-adapter is typed against @prisma/client, which Prisma 7's generated client does
// not fill in; the runtime contract (model delegates named user/account/…) is the same.
function prismaAdapter(): Adapter {
  return PrismaAdapter(db() as never) as Adapter;
}

function oidcProvider(): NextAuthConfig["providers"] {
  const { AUTH_OIDC_ISSUER, AUTH_OIDC_ID, AUTH_OIDC_SECRET, AUTH_OIDC_NAME } = env();
  if (!AUTH_OIDC_ISSUER || !AUTH_OIDC_ID || !AUTH_OIDC_SECRET) return [];
  return [
    {
      id: "oidc",
      name: AUTH_OIDC_NAME,
      type: "oidc",
      issuer: AUTH_OIDC_ISSUER,
      clientId: AUTH_OIDC_ID,
      clientSecret: AUTH_OIDC_SECRET,
      checks: ["pkce", "state", "nonce"],
    },
  ];
}

// Expected refusals (a stale or forged session cookie, a wrong password) are one line each in
// the log; only unexpected errors bring their stack.
const EXPECTED_AUTH_ERRORS = new Set(["JWTSessionError", "SessionTokenError", "CredentialsSignin"]);

function logAuthError(error: Error): void {
  if (error instanceof AuthError && EXPECTED_AUTH_ERRORS.has(error.type)) {
    const cause = (error.cause as { err?: unknown } | undefined)?.err;
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : error.message.split("\n")[0];
    console.warn(`[auth] ${error.type}: ${reason}`.replace(/\s+/g, " ").slice(0, 300));
    return;
  }
  console.error("[auth][error]", error);
}

/**
 * Built for each request: cookie names and `Secure` follow the scheme the app is reached by
 * (lib/platform/http/public-origin.ts), since browsers refuse Secure cookies from a plain-HTTP host.
 */
export function authConfig({ secureCookies }: { secureCookies: boolean }): NextAuthConfig {
  return {
    adapter: prismaAdapter(),
    secret: env().AUTH_SECRET,
    trustHost: true,
    useSecureCookies: secureCookies,
    cookies: {
      sessionToken: {
        name: sessionCookieName(secureCookies),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
      },
    },
    // Credentials sign-in needs JWT sessions; revocation comes from the session version check below.
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 0 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        id: "credentials",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, request) =>
          authenticateWithPassword(credentials, { address: clientAddressFrom(request.headers) }),
      }),
      ...oidcProvider(),
    ],
    logger: { error: logAuthError },
    events: {
      // A verified address from the identity provider proves the email, as a mailed code does
      // (lib/members/mutations.ts accepts email-bound invitations on it).
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc" || profile?.email_verified !== true || !user.id) return;
        if (typeof profile.email !== "string" || profile.email.toLowerCase() !== user.email?.toLowerCase()) return;
        await db().user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
      },
    },
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === "credentials") return true;
        // Identity-provider sign-in: only for accounts that exist (invited) unless sign-up is open.
        return canSignUpWithEmail(user.email ?? "");
      },
      async jwt({ token, user }) {
        const now = Math.floor(Date.now() / 1000);
        if (user?.id) {
          const fresh = await findSessionUser(user.id);
          if (!fresh) return null;
          return {
            sub: fresh.id,
            email: fresh.email,
            name: fresh.name,
            sv: fresh.sessionVersion,
            authAt: now,
            sid: randomUUID(),
          };
        }
        if (
          !token.sub ||
          typeof token.sid !== "string" ||
          typeof token.authAt !== "number" ||
          now - token.authAt > SESSION_ABSOLUTE_SECONDS
        )
          return null;
        const standing = await findSessionStanding(token.sub, token.sid);
        if (!standing || standing.revoked || standing.sessionVersion !== token.sv) return null;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return { ...session, sessionId: token.sid, authAt: token.authAt, sessionVersion: token.sv };
      },
    },
  };
}
