import { randomUUID } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_SECONDS, SESSION_COOKIE, SESSION_IDLE_SECONDS } from "@/lib/platform/auth/config";
import { checkSessionToken, SESSION_RENEW_SECONDS } from "@/lib/platform/auth/session-check";
import { revokeSession } from "@/lib/platform/auth/session-user";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { createUserWithPassword } from "@/lib/users/mutations";
import { resetDatabase } from "../support/database";

// The proxy's session check (lib/platform/auth/session-check.ts) with a controllable clock: the cookie is
// re-issued at most once a minute, and the idle and absolute limits still hold.

const SECOND = 1000;

async function newUser() {
  return createUserWithPassword({
    email: `session-${randomUUID().slice(0, 8)}@parley.test`,
    name: "Session check",
    password: "integration passphrase 4711",
  });
}

/** A session token as Auth.js issues it at sign-in (lib/platform/auth/config.ts, the jwt callback). */
async function signedIn(userId: string, authAt = Math.floor(Date.now() / 1000)) {
  const sessionId = randomUUID();
  const token = await encode({
    token: { sub: userId, sv: 1, authAt, sid: sessionId },
    secret: env().AUTH_SECRET!,
    salt: SESSION_COOKIE,
    maxAge: SESSION_IDLE_SECONDS,
  });
  return { token, sessionId };
}

beforeAll(async () => {
  await resetDatabase();
});

describe("the session check", () => {
  it("accepts a fresh cookie without re-issuing it, and re-issues it once a minute has passed", async () => {
    const user = await newUser();
    const { token, sessionId } = await signedIn(user.id);
    const now = Date.now();

    const first = await checkSessionToken(token, SESSION_COOKIE, now);
    expect(first).toMatchObject({ kind: "valid", renewed: null, session: { userId: user.id, sessionId } });
    const second = await checkSessionToken(token, SESSION_COOKIE, now + (SESSION_RENEW_SECONDS - 2) * SECOND);
    expect(second).toMatchObject({ kind: "valid", renewed: null });

    const later = await checkSessionToken(token, SESSION_COOKIE, now + (SESSION_RENEW_SECONDS + 1) * SECOND);
    expect(later.kind).toBe("valid");
    const renewed = later.kind === "valid" ? later.renewed : null;
    expect(renewed).toEqual(expect.any(String));
    const claims = await decode({ token: renewed!, secret: env().AUTH_SECRET!, salt: SESSION_COOKIE });
    expect(claims).toMatchObject({ sub: user.id, sid: sessionId, sv: 1 });
    expect(claims!.exp).toBeGreaterThanOrEqual(Math.floor(now / 1000) + SESSION_IDLE_SECONDS);
  });

  it("refuses a cookie left idle for 30 minutes, and one signed in more than 12 hours ago", async () => {
    const user = await newUser();
    const { token } = await signedIn(user.id);
    const now = Date.now();
    expect(await checkSessionToken(token, SESSION_COOKIE, now + (SESSION_IDLE_SECONDS - 60) * SECOND)).toMatchObject({
      kind: "valid",
    });
    expect(await checkSessionToken(token, SESSION_COOKIE, now + (SESSION_IDLE_SECONDS + 1) * SECOND)).toMatchObject({
      kind: "invalid",
    });

    const old = await signedIn(user.id, Math.floor(now / 1000) - SESSION_ABSOLUTE_SECONDS - 1);
    expect(await checkSessionToken(old.token, SESSION_COOKIE, now)).toMatchObject({ kind: "invalid" });
  });

  it("refuses a signed-out session, an outdated session version, a disabled user and a forged cookie", async () => {
    const user = await newUser();
    const revoked = await signedIn(user.id);
    await revokeSession(revoked.sessionId, new Date(Date.now() + 3_600_000));
    expect(await checkSessionToken(revoked.token, SESSION_COOKIE)).toMatchObject({ kind: "invalid" });

    const outdated = await signedIn(user.id);
    await db().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await checkSessionToken(outdated.token, SESSION_COOKIE)).toMatchObject({ kind: "invalid" });

    const other = await newUser();
    const disabled = await signedIn(other.id);
    await db().user.update({ where: { id: other.id }, data: { disabledAt: new Date() } });
    expect(await checkSessionToken(disabled.token, SESSION_COOKIE)).toMatchObject({ kind: "invalid" });

    const forged = await checkSessionToken(`forged-${randomUUID()}`, SESSION_COOKIE);
    expect(forged).toMatchObject({ kind: "invalid", reason: expect.stringMatching(/^JWTSessionError/) });
    // A token sealed for the other cookie name (the plain-HTTP one) does not open as this one.
    const valid = await signedIn((await newUser()).id);
    expect(await checkSessionToken(valid.token, "parley.session-token")).toMatchObject({ kind: "invalid" });
  });

  it("refuses a cookie it accepted before, once its session is signed out or its user disabled", async () => {
    // Each token is opened once and kept opened: its standing is still read on every request.
    const user = await newUser();
    const session = await signedIn(user.id);
    expect(await checkSessionToken(session.token, SESSION_COOKIE)).toMatchObject({ kind: "valid" });
    await revokeSession(session.sessionId, new Date(Date.now() + 3_600_000));
    expect(await checkSessionToken(session.token, SESSION_COOKIE)).toMatchObject({ kind: "invalid" });

    const other = await newUser();
    const later = await signedIn(other.id);
    expect(await checkSessionToken(later.token, SESSION_COOKIE)).toMatchObject({ kind: "valid" });
    await db().user.update({ where: { id: other.id }, data: { disabledAt: new Date() } });
    expect(await checkSessionToken(later.token, SESSION_COOKIE)).toMatchObject({ kind: "invalid" });
  });

  it("answers with no session when there is no cookie", async () => {
    expect(await checkSessionToken(undefined, SESSION_COOKIE)).toEqual({ kind: "none" });
  });
});
