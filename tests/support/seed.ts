import { randomBytes, randomUUID } from "node:crypto";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { createUserWithPassword } from "@/lib/users/mutations";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { type LoadedWorkspace, loadWorkspaceFixture } from "@/tests/support/fixture/load";
import type { WorkspaceFixture } from "@/tests/support/fixture/types";

/** A slug no other test will take, so test files can share one database in any order. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A password for a file's seeded accounts, different on every run. */
export function testPassword(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString("base64url")}`;
}

/** The demo's parties and issues with nothing recorded: no people, documents, quotes, statements, events or proposals. */
export const DEMO_STRUCTURE_ONLY = {
  ...securityGuarantees,
  people: [],
  documents: [],
  evidence: [],
  statements: [],
  events: [],
  proposals: [],
};

/** The id of an existing account (the admin the app's first start made, say). */
export async function userIdByEmail(email: string): Promise<string> {
  return (await db().user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, select: { id: true } })).id;
}

export interface SeededUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

/** An account that signs in with a password, made through the app's own mutation. */
export async function seedUser(person: { name: string; email: string; password: string }): Promise<SeededUser> {
  return { ...person, ...(await createUserWithPassword(person)) };
}

export interface WorkspaceSeed {
  title: string;
  slug: string;
  /** The creator, made its owner. */
  ownerId: string;
  /** Other members and their roles. */
  members?: { userId: string; role: Role }[];
  /** The demo workspace (security guarantees) unless given. */
  fixture?: WorkspaceFixture;
}

/** A workspace of a test file's own, loaded through the demo loader the app's seed uses. */
export function seedWorkspace({
  title,
  slug,
  ownerId,
  members = [],
  fixture,
}: WorkspaceSeed): Promise<LoadedWorkspace> {
  return loadWorkspaceFixture(
    { ...(fixture ?? securityGuarantees), title },
    { slug, createdById: ownerId, members: [{ userId: ownerId, role: Role.OWNER }, ...members] },
  );
}

/** Adds a member to a workspace that exists already. */
export async function addMembership(workspaceId: string, userId: string, role: Role): Promise<void> {
  await db().membership.create({ data: { workspaceId, userId, role } });
}
