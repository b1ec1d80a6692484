import "server-only";
import { createHmac, createSecretKey, hkdfSync, type KeyObject, randomUUID, timingSafeEqual } from "node:crypto";
import { base64url, calculateJwkThumbprint, EncryptJWT, type JWTPayload, jwtDecrypt } from "jose";
import { LRUCache } from "lru-cache";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, sessionCookieName } from "@/lib/platform/auth/config";
import { findSessionStanding } from "@/lib/platform/auth/session-user";
import { env } from "@/lib/platform/env";
import { deploymentOrigin } from "@/lib/platform/http/public-origin";

/** A session cookie is re-issued (sliding the idle timeout) at most this often. */
export const SESSION_RENEW_SECONDS = 60;

function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; `npm start` sets one, or set it in the environment.");
  return secret;
}

// The session cookie is an Auth.js JWT (next-auth/jwt encode/decode): direct encryption with a key
// derived from AUTH_SECRET and the cookie name by HKDF. Auth.js derives the key, and hashes it for
// its key id, on every decode; the derivation depends on nothing else, so it is done once here.
const ENCRYPTION = "A256CBC-HS512";
type SessionKey = { key: KeyObject; kid: string };
const sessionKeys = new Map<string, Promise<SessionKey>>();

function sessionKey(cookieName: string): Promise<SessionKey> {
  const secret = authSecret();
  const cacheKey = `${cookieName}\0${secret}`;
  let derived = sessionKeys.get(cacheKey);
  if (!derived) {
    const bytes = new Uint8Array(
      hkdfSync("sha256", secret, cookieName, `Auth.js Generated Encryption Key (${cookieName})`, 64),
    );
    derived = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(bytes) }, "sha512").then((kid) => ({
      key: createSecretKey(bytes),
      kid,
    }));
    sessionKeys.set(cacheKey, derived);
  }
  return derived;
}

// A cookie is sent unchanged with every request of the minute until it is re-issued, and opening
// it (jose's JWE through WebCrypto: two key imports, three HMACs, a decryption) cost ~2 ms of CPU a
// request under load. The same token always opens to the same claims, so each is opened once; its
// times and its standing in the database are still checked on every request (checkSessionToken).
const openedTokens = new LRUCache<string, JWTPayload>({ max: 10_000 });

/** Opens a session cookie as next-auth/jwt's decode does (its options, its key id check). */
async function decodeSessionToken(token: string, cookieName: string): Promise<JWTPayload> {
  const sealing = await sessionKey(cookieName);
  // The key id stands for the secret and the cookie name: a token opened under another key is not reused.
  const cacheKey = `${sealing.kid}\0${token}`;
  const opened = openedTokens.get(cacheKey);
  if (opened) return opened;
  const payload = await openSessionToken(token, sealing);
  openedTokens.set(cacheKey, payload);
  return payload;
}

async function openSessionToken(token: string, { key, kid }: SessionKey): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(
    token,
    (header) => {
      if (header.kid !== undefined && header.kid !== kid) throw new Error("no matching decryption secret");
      return key;
    },
    { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: [ENCRYPTION] },
  );
  return payload;
}

/** Seals claims as next-auth/jwt's encode does, so Auth.js (sign-out, auth()) still reads the cookie. */
async function encodeSessionToken(claims: JWTPayload, cookieName: string, seconds: number): Promise<string> {
  const { key, kid } = await sessionKey(cookieName);
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: ENCRYPTION, kid })
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + SESSION_IDLE_SECONDS)
    .setJti(randomUUID())
    .encrypt(key);
}

/** What the proxy verified about the request's session, handed to the page it serves. */
export type VerifiedSession = {
  userId: string;
  sessionId: string;
  sessionVersion: number;
  /** When the user signed in (seconds): the absolute limit counts from here. */
  authAt: number;
};

export type SessionCheck =
  | { kind: "none" }
  /** `renewed`: a fresh token to set, when the cookie was issued over a minute ago. */
  | { kind: "valid"; session: VerifiedSession; renewed: string | null }
  /** A forged, expired, revoked or outdated cookie: clear it. */
  | { kind: "invalid"; reason: string };

/**
 * Decodes the session cookie once and checks it against the database in one query (the user
 * exists and is enabled, the token's version is current, the session was not signed out), the
 * same rules as the Auth.js callbacks in lib/platform/auth/config.ts. `now` is the clock, in ms.
 */
export async function checkSessionToken(
  token: string | undefined,
  cookieName: string,
  now: number = Date.now(),
): Promise<SessionCheck> {
  if (!token) return { kind: "none" };
  const seconds = Math.floor(now / 1000);
  let claims: JWTPayload;
  try {
    claims = await decodeSessionToken(token, cookieName);
  } catch (error) {
    return { kind: "invalid", reason: `JWTSessionError: ${(error as Error).name}: ${(error as Error).message}` };
  }
  const { sub, sid, sv, authAt, iat, exp } = claims;
  if (typeof sub !== "string" || typeof sid !== "string" || typeof sv !== "number" || typeof authAt !== "number")
    return { kind: "invalid", reason: "JWTSessionError: the session token lacks its claims" };
  if (typeof exp !== "number" || exp <= seconds) return { kind: "invalid", reason: "session idle timeout" };
  if (seconds - authAt > SESSION_ABSOLUTE_SECONDS) return { kind: "invalid", reason: "session absolute timeout" };
  const standing = await findSessionStanding(sub, sid);
  if (!standing || standing.revoked || standing.sessionVersion !== sv)
    return { kind: "invalid", reason: "session ended" };
  const session: VerifiedSession = { userId: sub, sessionId: sid, sessionVersion: sv, authAt };
  const issuedAt = typeof iat === "number" ? iat : 0;
  const renewed =
    seconds - issuedAt >= SESSION_RENEW_SECONDS ? await encodeSessionToken(claims, cookieName, seconds) : null;
  return { kind: "valid", session, renewed };
}

// The proxy hands the verified session to the page in a request header it always sets itself
// (a client's own is dropped); the signature makes a header from anywhere else worthless.
export const SESSION_HEADER = "x-parley-session";

function sign(payload: string): string {
  return createHmac("sha256", authSecret()).update("parley-session-header\0").update(payload).digest("base64url");
}

export function sessionHeaderValue(session: VerifiedSession | null): string {
  const payload = Buffer.from(JSON.stringify(session)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The session the proxy verified for this request; undefined when no proxy vouched for one. */
export function sessionFromHeader(value: string | null): VerifiedSession | null | undefined {
  if (!value) return undefined;
  const [payload, signature] = value.split(".");
  if (!payload || !signature) return undefined;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as VerifiedSession | null;
}

/**
 * The signed-in session of the request being served, verified once: by the proxy (read from its
 * header) or, for a request that did not pass it, from the cookie here, without renewing it.
 */
export const currentSession = cache(async (): Promise<VerifiedSession | null> => {
  const requestHeaders = await headers();
  const vouched = sessionFromHeader(requestHeaders.get(SESSION_HEADER));
  if (vouched !== undefined) return vouched;
  const cookieName = sessionCookieName(deploymentOrigin(requestHeaders).secureCookies);
  const check = await checkSessionToken((await cookies()).get(cookieName)?.value, cookieName);
  return check.kind === "valid" ? check.session : null;
});
