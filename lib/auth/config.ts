import "server-only";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { randomUUID } from "node:crypto";
import { findSessionUser, canSignUpWithEmail, isSessionRevoked } from "@/lib/auth/session-user";

export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const SESSION_COOKIE = "__Host-parley.session-token";

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

export function authConfig(): NextAuthConfig {
  return {
    adapter: prismaAdapter(),
    secret: env().AUTH_SECRET,
    trustHost: true,
    useSecureCookies: true,
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
      },
    },
    // Credentials sign-in needs JWT sessions; revocation comes from the session version check below.
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 0 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        id: "credentials",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials) => authenticateWithPassword(credentials),
      }),
      ...oidcProvider(),
    ],
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
          return { sub: fresh.id, email: fresh.email, name: fresh.name, sv: fresh.sessionVersion, authAt: now, sid: randomUUID() };
        }
        if (!token.sub || typeof token.sid !== "string" || typeof token.authAt !== "number" || now - token.authAt > SESSION_ABSOLUTE_SECONDS) return null;
        const [current, revoked] = await Promise.all([findSessionUser(token.sub), isSessionRevoked(token.sid)]);
        if (!current || revoked || current.sessionVersion !== token.sv) return null;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return { ...session, sessionId: token.sid, authAt: token.authAt };
      },
    },
  };
}
