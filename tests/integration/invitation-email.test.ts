import { randomUUID } from "node:crypto";
import type { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@/lib/generated/prisma/enums";
import { mailConfigured } from "@/lib/members/invitation-mail";
import {
  acceptInvitation,
  createInvitation,
  EMAIL_CODE_MAX_ATTEMPTS,
  registerWithInvitation,
  requestInvitationCode,
} from "@/lib/members/mutations";
import { newLinkToken } from "@/lib/platform/auth/tokens";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { createUserWithPassword } from "@/lib/users/mutations";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { resetDatabase } from "../support/database";
import { type Mail, startMailSink } from "../support/mail-sink";

// Email-bound invitations with mail configured: a local SMTP sink started here receives what the
// app sends, and the tests read the code from it as the invitee would. Runs on PostgreSQL and
// PGlite; unique names throughout.

const inbox: Mail[] = [];
let sink: SMTPServer;

const PASSWORD = "invitation email passphrase 4711";
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await resetDatabase();
  sink = await startMailSink(inbox);
});

afterAll(async () => {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

async function codeMailedTo(address: string, after: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const mail = inbox.slice(after).find((m) => m.to.includes(address));
    const code = mail && /Your Parley code: (\d{6})/.exec(mail.raw)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no code reached ${address}`);
}

describe("an email-bound invitation with mail configured", () => {
  let workspace: AuthorizedWorkspace;

  beforeAll(async () => {
    expect(env().SMTP_URL).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(mailConfigured()).toBe(true);
    const owner = await createUserWithPassword({
      email: `${unique("owner")}@parley.test`,
      name: "Owner",
      password: PASSWORD,
    });
    const created = await db().workspace.create({
      data: { slug: unique("bound"), title: "Bound invitations" },
      select: { id: true, slug: true, title: true },
    });
    await db().membership.create({ data: { workspaceId: created.id, userId: owner.id, role: Role.OWNER } });
    workspace = trustedWorkspace(created, owner.id);
  });

  async function invite(email: string) {
    const invitation = await createInvitation(workspace, { role: Role.EDITOR, email, expiresInDays: 7 });
    return { ...invitation, token: invitation.path.split("/").pop() as string };
  }

  it("mails a code to the bound address, and only that code, typed in, lets the registrant join", async () => {
    const bound = `${unique("bound")}@parley.test`;
    const { id, token } = await invite(bound);

    // Without a code the address is not proven.
    await expect(
      registerWithInvitation({ token, name: "Bound", email: bound, password: PASSWORD }),
    ).resolves.toMatchObject({
      code: "invitation_code_required",
    });

    const before = inbox.length;
    await requestInvitationCode(token);
    const code = await codeMailedTo(bound, before);
    expect(inbox.slice(before).every((m) => m.to.length === 1 && m.to[0] === bound)).toBe(true);
    const stored = await db().invitation.findUniqueOrThrow({ where: { id }, select: { emailCodeHash: true } });
    expect(stored.emailCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.emailCodeHash).not.toContain(code);

    // Another address cannot accept it, not even with the code.
    const other = `${unique("other")}@parley.test`;
    await expect(
      registerWithInvitation({ token, name: "Other", email: other, password: PASSWORD, code }),
    ).resolves.toMatchObject({ code: "invitation_other_email" });
    const stranger = await createUserWithPassword({ email: other, name: "Stranger", password: PASSWORD });
    await expect(acceptInvitation(stranger.id, token, code)).resolves.toMatchObject({ code: "invitation_other_email" });

    // A wrong code is refused.
    const wrong = code === "000000" ? "000001" : "000000";
    await expect(
      registerWithInvitation({ token, name: "Bound", email: bound, password: PASSWORD, code: wrong }),
    ).resolves.toMatchObject({ code: "invitation_code_wrong" });
    expect(await db().user.count({ where: { email: bound } })).toBe(0);

    // The right one works, and marks the address verified.
    await expect(
      registerWithInvitation({ token, name: "Bound", email: bound, password: PASSWORD, code }),
    ).resolves.toEqual({ ok: true, workspaceSlug: workspace.slug });
    const user = await db().user.findUniqueOrThrow({ where: { email: bound }, select: { emailVerified: true } });
    expect(user.emailVerified).toBeInstanceOf(Date);
  });

  it("refuses a signed-in user with the bound address until it is proven, by a code or an earlier proof", async () => {
    const bound = `${unique("member")}@parley.test`;
    const user = await createUserWithPassword({ email: bound, name: "Member", password: PASSWORD });
    const first = await invite(bound);
    await expect(acceptInvitation(user.id, first.token)).resolves.toMatchObject({ code: "invitation_code_required" });
    const before = inbox.length;
    await requestInvitationCode(first.token);
    const code = await codeMailedTo(bound, before);
    await expect(acceptInvitation(user.id, first.token, code)).resolves.toEqual({
      ok: true,
      workspaceSlug: workspace.slug,
    });

    // Proven once (as an identity provider's verified email also does), no code is needed again.
    const second = await invite(bound);
    await db().membership.delete({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } } });
    await expect(acceptInvitation(user.id, second.token)).resolves.toEqual({ ok: true, workspaceSlug: workspace.slug });
  });

  it("stops taking codes after too many wrong ones, and mails nothing for a guessed link", async () => {
    const bound = `${unique("guessed")}@parley.test`;
    const { token } = await invite(bound);
    const before = inbox.length;
    await requestInvitationCode(token);
    const code = await codeMailedTo(bound, before);
    const wrong = code === "000000" ? "000001" : "000000";
    for (let i = 0; i < EMAIL_CODE_MAX_ATTEMPTS; i++)
      await expect(
        registerWithInvitation({ token, name: "Guesser", email: bound, password: PASSWORD, code: wrong }),
      ).resolves.toMatchObject({ code: "invitation_code_wrong" });
    await expect(
      registerWithInvitation({ token, name: "Guesser", email: bound, password: PASSWORD, code }),
    ).resolves.toMatchObject({ code: "invitation_code_wrong" });

    // requestInvitationCode returns once the sink has accepted a mail, so none came for this one.
    const count = inbox.length;
    await expect(requestInvitationCode(newLinkToken())).resolves.toBeUndefined();
    expect(inbox.length).toBe(count);
  });
});
