import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, base64url: 43 characters. Only its hash is stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
