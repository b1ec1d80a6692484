import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TokenScope } from "@/lib/generated/prisma/enums";
import { db, dbPool } from "@/lib/platform/db/client";

// Personal access tokens: `parley_pat_` and 256 random bits in base64url. The prefix lets secret
// scanners and people recognise one; only its SHA-256 is stored (a fast hash is enough for a
// secret this long: there is nothing to guess).

export const TOKEN_PREFIX = "parley_pat_";
const TOKEN_PATTERN = /^parley_pat_[A-Za-z0-9_-]{43}$/;
/** Last use is written at most this often per token, so a busy script does not write on every request. */
export const LAST_USE_RESOLUTION_MS = 60 * 1000;

export type TokenCaller = {
  readonly kind: "token";
  readonly tokenId: string;
  readonly userId: string;
  readonly scope: TokenScope;
  readonly workspaceIds: readonly string[];
  readonly lastUsedAt: Date | null;
};

export type SessionCaller = { readonly kind: "session"; readonly userId: string };
/** Who calls a route handler: a signed-in session or a personal access token. */
export type ApiCaller = SessionCaller | TokenCaller;

export function newApiToken(): { secret: string; hash: string } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashApiToken(secret) };
}

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The token in `Authorization: Bearer …`: undefined when there is no such header, null when it is malformed. */
export function bearerToken(request: Request): string | null | undefined {
  const header = request.headers.get("authorization");
  if (header === null) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match) return /^Bearer\b/i.test(header) ? null : undefined;
  return TOKEN_PATTERN.test(match[1]!) ? match[1]! : null;
}

type LiveTokenRow = {
  id: string;
  userId: string;
  scope: TokenScope;
  expiresAt: Date;
  lastUsedAt: Date | null;
  workspaceIds: string[];
};

/**
 * The live token behind a secret: unknown, revoked, expired and disabled users' tokens all give
 * null. One round trip by unique index: every API request pays for it, so the user and the
 * workspaces come joined, and it goes to the pool directly (lib/platform/db/client.ts, dbPool).
 */
export async function findLiveToken(secret: string, now = new Date()): Promise<TokenCaller | null> {
  const { rows } = await dbPool().query<LiveTokenRow>(
    // The columns are UTC without a zone (Prisma's DateTime): said so, for pg to read them right.
    `SELECT t.id::text AS id, t."userId"::text AS "userId", t.scope::text AS scope,
            t."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", t."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt",
            array(SELECT w."workspaceId"::text FROM api_token_workspaces w WHERE w."tokenId" = t.id) AS "workspaceIds"
     FROM api_tokens t
     JOIN users u ON u.id = t."userId"
     WHERE t."tokenHash" = $1
       AND t."revokedAt" IS NULL AND u."disabledAt" IS NULL`,
    [hashApiToken(secret)],
  );
  const token = rows[0];
  if (!token || token.expiresAt <= now) return null;
  return {
    kind: "token",
    tokenId: token.id,
    userId: token.userId,
    scope: token.scope,
    workspaceIds: token.workspaceIds,
    lastUsedAt: token.lastUsedAt,
  };
}

/** Records a use that got past the gate; a no-op if the last one is less than a minute old. */
export async function touchApiToken(token: TokenCaller, now = new Date()) {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < LAST_USE_RESOLUTION_MS) return;
  const stale = new Date(now.getTime() - LAST_USE_RESOLUTION_MS);
  // Conditional, so several app servers racing on one token write once.
  await db().apiToken.updateMany({
    where: { id: token.tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
    data: { lastUsedAt: now },
  });
}
