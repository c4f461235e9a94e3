import { createHash, randomBytes } from "node:crypto";

/** Prefix that makes a leaked Kinerja token easy to recognise in logs and secret scanners. */
const tokenPrefix = "knj_";

/** A new bearer token: 256 random bits. Only its hash is stored. */
export function generateToken(): string {
  return tokenPrefix + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
