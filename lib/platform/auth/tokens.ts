import { createHash, randomBytes } from "node:crypto";

// Secret links (invitations, read-only shares): 256 random bits, base64url (43 characters).
// Only a SHA-256 of a token is stored, so a database leak does not leak working links.

export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
