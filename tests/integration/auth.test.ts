import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../support/database";
import { db } from "@/lib/db/client";
import { NewPasswordSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { delayAfter, FREE_FAILURES, THROTTLE_WINDOW_MS } from "@/lib/auth/throttle";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { createUserWithPassword } from "@/lib/users/mutations";
import { acceptInvitation, changeMemberRole, createInvitation, registerWithInvitation, removeMember, revokeInvitation } from "@/lib/members/mutations";
import { ActionError } from "@/lib/safe-action";
import { trustedWorkspace, type AuthorizedWorkspace } from "@/lib/workspaces/access";
import { Role } from "@/lib/generated/prisma/enums";

// Runs on real PostgreSQL and on PGlite (scripts/test.mjs). Calls the auth and membership code
// directly, as the server actions do once past the gate; the gate itself is covered end to end in
// tests/e2e/policy.test.ts. Every user and workspace here has a unique name, so the tests share
// one reset database and their order does not matter.

const PASSWORD = "integration passphrase 4711";

function unique(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

function newUser(label: string, password = PASSWORD) {
  return createUserWithPassword({ email: `${unique(label)}@parley.test`, name: label, password });
}

async function newWorkspace(owner: { id: string }): Promise<AuthorizedWorkspace> {
  const workspace = await db().workspace.create({ data: { slug: unique("auth"), title: "Auth test workspace" }, select: { id: true, slug: true, title: true } });
  await db().membership.create({ data: { workspaceId: workspace.id, userId: owner.id, role: Role.OWNER } });
  return trustedWorkspace(workspace, owner.id);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** A password of exactly `length` code points that is in no dictionary. */
function passwordOf(length: number, alphabet = "xK9$mQ2!vL4@hR7%"): string {
  return Array.from({ length }, (_, i) => Array.from(alphabet)[i % Array.from(alphabet).length]).join("");
}

beforeAll(async () => {
  await resetDatabase();
});

describe("the policy for new passwords", () => {
  it.each([
    [PASSWORD_MIN_LENGTH - 1, false],
    [PASSWORD_MIN_LENGTH, true],
    [PASSWORD_MAX_LENGTH, true],
    [PASSWORD_MAX_LENGTH + 1, false],
  ])("%i characters: accepted = %s", (length, accepted) => {
    expect(NewPasswordSchema.safeParse(passwordOf(length)).success).toBe(accepted);
  });

  it("sets its limits at 8 and 128", () => {
    expect([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]).toEqual([8, 128]);
  });

  it.each([
    [7, false],
    [8, true],
    [128, true],
    [129, false],
  ])("counts code points, not UTF-16 units: %i emoji accepted = %s", (count, accepted) => {
    const password = "🦊".repeat(count);
    expect(password.length).toBe(count * 2);
    expect(NewPasswordSchema.safeParse(password).success).toBe(accepted);
  });

  it("keeps a long password whole: nothing is truncated before hashing", async () => {
    const password = passwordOf(PASSWORD_MAX_LENGTH);
    expect(NewPasswordSchema.parse(password)).toBe(password);
    const hash = await hashPassword(password);
    expect(await verifyPassword(hash, password)).toBe(true);
    expect(await verifyPassword(hash, password.slice(0, -1))).toBe(false);
    expect(await verifyPassword(hash, password.slice(0, 72))).toBe(false);
  });

  it.each(["password1", "qwertyuiop", "Password1", "QWERTYUIOP"])("refuses the common password %s, whatever its case", (password) => {
    const result = NewPasswordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(" ")).toMatch(/common/i);
  });

  it("imposes no composition rules: a long lowercase passphrase is fine", () => {
    expect(NewPasswordSchema.safeParse("correct horse battery staple sideways").success).toBe(true);
  });
});

describe("password hashing", () => {
  it("uses argon2id with at least OWASP's minimum cost (m ≥ 19456 KiB, t ≥ 2, p = 1) and a fresh salt", async () => {
    const hash = await hashPassword(PASSWORD);
    const phc = /^\$argon2id\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(hash);
    expect(phc, hash).not.toBeNull();
    const [, version, m, t, p, salt, digest] = phc!;
    expect(Number(version)).toBe(19);
    expect(Number(m)).toBeGreaterThanOrEqual(19_456);
    expect(Number(t)).toBeGreaterThanOrEqual(2);
    expect(Number(p)).toBe(1);
    expect(Buffer.from(salt!, "base64").length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(digest!, "base64").length).toBeGreaterThanOrEqual(32);
    expect(await hashPassword(PASSWORD)).not.toBe(hash);
  });

  it("verifies the right password and refuses others and malformed hashes (time reported)", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(hash, `${PASSWORD}!`)).toBe(false);
    expect(await verifyPassword("not a hash", PASSWORD)).toBe(false);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const { ms, value } = await timed(() => verifyPassword(hash, PASSWORD));
      expect(value).toBe(true);
      times.push(ms);
    }
    const [, params] = /\$(m=\d+,t=\d+,p=\d+)\$/.exec(hash)!;
    console.log(`argon2id verification (${params}): median ${median(times).toFixed(1)} ms of 10 (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
  });
});

describe("sign-in throttling (authenticateWithPassword)", () => {
  it("lets the correct password in after 9 failures", async () => {
    const user = await newUser("nine-failures");
    for (let i = 0; i < FREE_FAILURES - 1; i++) expect(await authenticateWithPassword({ email: user.email, password: `wrong ${i}` })).toBeNull();
    expect(await authenticateWithPassword({ email: user.email, password: PASSWORD })).toMatchObject({ id: user.id, email: user.email });
  });

  it("after 10 failures in 15 minutes refuses even the correct password, until the delay has passed", async () => {
    expect(FREE_FAILURES).toBe(10);
    expect(THROTTLE_WINDOW_MS).toBe(15 * 60 * 1000);
    const user = await newUser("ten-failures");
    for (let i = 0; i < FREE_FAILURES; i++) expect(await authenticateWithPassword({ email: user.email, password: `wrong ${i}` })).toBeNull();
    // The 11th attempt, with the right password, is refused as a failure and counts as one.
    expect(await authenticateWithPassword({ email: user.email, password: PASSWORD })).toBeNull();
    expect(await db().loginAttempt.count({ where: { email: user.email, succeeded: true } })).toBe(0);
    expect(await db().loginAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(FREE_FAILURES + 1);
    // A delay, not a lockout: once it has passed, the right password works again.
    await new Promise((resolve) => setTimeout(resolve, delayAfter(FREE_FAILURES + 1) + 300));
    expect(await authenticateWithPassword({ email: user.email, password: PASSWORD })).toMatchObject({ id: user.id });
  });

  it("forgets failures older than the window", async () => {
    const user = await newUser("old-failures");
    const longAgo = new Date(Date.now() - THROTTLE_WINDOW_MS - 60_000);
    await db().loginAttempt.createMany({ data: Array.from({ length: 20 }, () => ({ email: user.email, succeeded: false, at: longAgo })) });
    expect(await authenticateWithPassword({ email: user.email, password: PASSWORD })).toMatchObject({ id: user.id });
  });

  it("refuses a disabled account even with the correct password", async () => {
    const user = await newUser("disabled");
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await authenticateWithPassword({ email: user.email, password: PASSWORD })).toBeNull();
  });

  it("answers an unknown email exactly like a wrong password, in about the same time, and throttles it alike", async () => {
    const user = await newUser("timing");
    const unknown = () => `${unique("nobody")}@parley.test`;
    // Warm up both paths (the dummy hash is made on first use).
    await authenticateWithPassword({ email: unknown(), password: "warm up" });
    await authenticateWithPassword({ email: user.email, password: "warm up" });
    const unknownTimes: number[] = [];
    const wrongTimes: number[] = [];
    // Interleaved, alternating which goes first, and compared by median: a busy machine slows
    // single calls, not one kind of call. Nine wrong passwords stay below the throttle.
    for (let i = 0; i < FREE_FAILURES - 1; i++) {
      const measureUnknown = async () => {
        const { ms, value } = await timed(() => authenticateWithPassword({ email: unknown(), password: PASSWORD }));
        expect(value).toBeNull();
        unknownTimes.push(ms);
      };
      const measureWrong = async () => {
        const { ms, value } = await timed(() => authenticateWithPassword({ email: user.email, password: `wrong ${i}` }));
        expect(value).toBeNull();
        wrongTimes.push(ms);
      };
      if (i % 2) await measureUnknown().then(measureWrong);
      else await measureWrong().then(measureUnknown);
    }
    const ratio = median(unknownTimes) / median(wrongTimes);
    console.log(`sign-in refusal: unknown email median ${median(unknownTimes).toFixed(1)} ms, wrong password ${median(wrongTimes).toFixed(1)} ms (ratio ${ratio.toFixed(2)})`);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);

    const ghost = unknown();
    for (let i = 0; i < FREE_FAILURES + 1; i++) await authenticateWithPassword({ email: ghost, password: `guess ${i}` });
    expect(await db().loginAttempt.count({ where: { email: ghost, succeeded: false } })).toBe(FREE_FAILURES + 1);
  });

  it("treats the email case-insensitively, so case variants share one throttle", async () => {
    const user = await newUser("case");
    for (let i = 0; i < FREE_FAILURES; i++) await authenticateWithPassword({ email: user.email.toUpperCase(), password: `wrong ${i}` });
    expect(await authenticateWithPassword({ email: user.email, password: PASSWORD })).toBeNull();
  });
});

describe("the redirect after sign-in (safeRedirectPath)", () => {
  const ORIGIN = "https://app.example";
  const payloads = [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "https://app.example.evil.example",
    "javascript:alert(1)",
    "data:text/html,x",
    "\t//evil.example",
    "/\t/evil.example",
    " //evil.example",
    "https:evil.example",
  ];

  it.each(payloads)("%j never leaves the origin", (payload) => {
    const path = safeRedirectPath(payload);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
    expect(path).not.toMatch(/evil|javascript|data:/);
  });

  it("keeps a same-origin path with its query and fragment", () => {
    expect(safeRedirectPath("/w/security-guarantees?asOf=2022-01-27#cell")).toBe("/w/security-guarantees?asOf=2022-01-27#cell");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/w/x"])).toBe("/");
  });
});

describe("the last owner of a workspace", () => {
  it("can be neither demoted nor removed, and the refusal changes nothing", async () => {
    const owner = await newUser("last-owner");
    const editor = await newUser("last-owner-editor");
    const workspace = await newWorkspace(owner);
    await db().membership.create({ data: { workspaceId: workspace.id, userId: editor.id, role: Role.EDITOR } });
    const state = () =>
      Promise.all([
        db().membership.findMany({ where: { workspaceId: workspace.id }, orderBy: { userId: "asc" }, select: { userId: true, role: true } }),
        db().activityEvent.count({ where: { workspaceId: workspace.id } }),
      ]);
    const before = await state();

    for (const role of [Role.EDITOR, Role.COMMENTER, Role.VIEWER]) {
      const refusal = changeMemberRole(workspace, owner.id, role);
      await expect(refusal).rejects.toBeInstanceOf(ActionError);
      await expect(refusal).rejects.toMatchObject({ code: "last_owner" });
    }
    await expect(removeMember(workspace, owner.id)).rejects.toMatchObject({ code: "last_owner" });
    expect(await state()).toEqual(before);

    // With a second owner, the first may step down; then the second is the last one.
    await changeMemberRole(workspace, editor.id, Role.OWNER);
    await changeMemberRole(workspace, owner.id, Role.EDITOR);
    await expect(removeMember(trustedWorkspace(workspace, editor.id), editor.id)).rejects.toMatchObject({ code: "last_owner" });
    expect(await db().membership.count({ where: { workspaceId: workspace.id, role: Role.OWNER } })).toBe(1);
  });

  it("survives two owners demoting each other at the same moment", async () => {
    const [a, b] = [await newUser("owner-a"), await newUser("owner-b")];
    const workspace = await newWorkspace(a);
    await db().membership.create({ data: { workspaceId: workspace.id, userId: b.id, role: Role.OWNER } });
    const results = await Promise.allSettled([
      changeMemberRole(trustedWorkspace(workspace, a.id), b.id, Role.VIEWER),
      changeMemberRole(trustedWorkspace(workspace, b.id), a.id, Role.VIEWER),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["last_owner"]);
    expect(await db().membership.count({ where: { workspaceId: workspace.id, role: Role.OWNER } })).toBe(1);
  });
});

describe("invitations", () => {
  let owner: { id: string; email: string };
  let workspace: AuthorizedWorkspace;

  beforeAll(async () => {
    owner = await newUser("inviter");
    workspace = await newWorkspace(owner);
  });

  async function invite(input: { role?: Role; email?: string } = {}) {
    const invitation = await createInvitation(workspace, { role: input.role ?? Role.VIEWER, email: input.email, expiresInDays: 7 });
    return { ...invitation, token: invitation.path.split("/").pop()! };
  }

  const roleOf = async (userId: string) => (await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId } }, select: { role: true } }))?.role ?? null;

  it("stores only a hash of the 256-bit token", async () => {
    const { id, token } = await invite();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db().invitation.findUniqueOrThrow({ where: { id }, select: { tokenHash: true } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("works once: a second use, by anyone, is refused", async () => {
    const { id, token } = await invite({ role: Role.COMMENTER });
    const first = await newUser("first-joiner");
    const second = await newUser("second-joiner");
    expect(await acceptInvitation(first.id, token)).toEqual({ workspaceSlug: workspace.slug });
    expect(await roleOf(first.id)).toBe(Role.COMMENTER);

    await expect(acceptInvitation(second.id, token)).rejects.toMatchObject({ code: "invitation_unusable" });
    await expect(acceptInvitation(first.id, token)).rejects.toMatchObject({ code: "invitation_unusable" });
    expect(await roleOf(second.id)).toBeNull();
    expect(await db().invitation.findUniqueOrThrow({ where: { id }, select: { acceptedById: true } })).toEqual({ acceptedById: first.id });
  });

  it("works once even when two people use it at the same moment", async () => {
    const { token } = await invite();
    const [a, b] = [await newUser("race-a"), await newUser("race-b")];
    const results = await Promise.allSettled([acceptInvitation(a.id, token), acceptInvitation(b.id, token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect([await roleOf(a.id), await roleOf(b.id)].filter(Boolean)).toHaveLength(1);
  });

  it("is refused once expired, and leaves no membership", async () => {
    const { id, token } = await invite();
    await db().invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await newUser("late-joiner");
    await expect(acceptInvitation(late.id, token)).rejects.toMatchObject({ code: "invitation_unusable" });
    expect(await roleOf(late.id)).toBeNull();
  });

  it("is refused once revoked", async () => {
    const { id, token } = await invite();
    await revokeInvitation(workspace, id);
    const joiner = await newUser("revoked-joiner");
    await expect(acceptInvitation(joiner.id, token)).rejects.toMatchObject({ code: "invitation_unusable" });
    expect(await roleOf(joiner.id)).toBeNull();
  });

  it("bound to an email, is refused for another address and stays usable for the right one", async () => {
    const invitee = await newUser("invitee");
    const { id, token } = await invite({ email: invitee.email });
    const stranger = await newUser("stranger");
    await expect(acceptInvitation(stranger.id, token)).rejects.toMatchObject({ code: "invitation_other_email" });
    expect(await roleOf(stranger.id)).toBeNull();
    expect(await db().invitation.findUniqueOrThrow({ where: { id }, select: { acceptedAt: true } })).toEqual({ acceptedAt: null });
    await expect(acceptInvitation(invitee.id, token)).resolves.toEqual({ workspaceSlug: workspace.slug });
    expect(await roleOf(invitee.id)).toBe(Role.VIEWER);
  });

  it("used up, refuses a registration and leaves no account behind", async () => {
    const { token } = await invite();
    await acceptInvitation((await newUser("registrant-first")).id, token);
    const email = `${unique("registrant")}@parley.test`;
    await expect(registerWithInvitation({ token, name: "Late registrant", email, password: PASSWORD })).rejects.toMatchObject({ code: "invitation_unusable" });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("never lowers the role of an existing member", async () => {
    const editor = await newUser("existing-editor");
    await db().membership.create({ data: { workspaceId: workspace.id, userId: editor.id, role: Role.EDITOR } });
    const { token } = await invite({ role: Role.VIEWER });
    await acceptInvitation(editor.id, token);
    expect(await roleOf(editor.id)).toBe(Role.EDITOR);
  });
});
