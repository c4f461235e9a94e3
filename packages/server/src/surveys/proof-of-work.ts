import { createChallenge, verifySolution } from "altcha-lib/v1";
import type { Challenge } from "altcha-lib/v1/types";
import type { Config } from "../config.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

// Self-hosted spam protection for anonymous submissions (ALTCHA): the
// browser must find a number whose SHA-256 with a salt matches a challenge
// the server signed. Cheap for one citizen, expensive for a bot farm, and no
// third-party service sees the respondent.

const challengeLifetimeMs = 30 * 60_000;

/** Responses from one address per doubling of the work, and how far it rises. */
const responsesPerDoubling = 10;
const maxFactor = 4;

/**
 * The work asked of an address that already sent `responses` in the current
 * rate-limit window: the base for the first ten (a citizen never notices),
 * then twice, then four times as much. A kiosk shared by many citizens waits
 * a little longer; a script pays more for every response, up to the limit.
 */
export function difficultyFor(baseMaxNumber: number, responses: number): number {
  return baseMaxNumber * Math.min(maxFactor, 2 ** Math.floor(responses / responsesPerDoubling));
}

export function issueChallenge(proofOfWork: NonNullable<Config["proofOfWork"]>, responsesFromAddress = 0): Promise<Challenge> {
  return createChallenge({
    hmacKey: proofOfWork.hmacKey,
    maxnumber: difficultyFor(proofOfWork.maxNumber, responsesFromAddress),
    expires: new Date(Date.now() + challengeLifetimeMs),
  });
}

export interface VerifiedProof {
  signature: string;
  expiresAt: Date;
}

/** Checks a solved challenge (the base64 payload the widget sends); null when missing, forged, wrong or expired. */
export async function verifyProof(proofOfWork: NonNullable<Config["proofOfWork"]>, payload: string | null | undefined): Promise<VerifiedProof | null> {
  if (!payload) return null;
  let decoded: { signature?: unknown; salt?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof decoded.signature !== "string" || typeof decoded.salt !== "string") return null;
  if (!(await verifySolution(payload, proofOfWork.hmacKey, true))) return null;
  const expires = Number(new URLSearchParams(decoded.salt.split("?")[1] ?? "").get("expires"));
  return { signature: decoded.signature, expiresAt: new Date(Number.isFinite(expires) && expires > 0 ? expires * 1000 : Date.now() + challengeLifetimeMs) };
}

/** Spent proofs past their expiry can no longer be replayed: forgets them, now and then. */
export async function forgetExpiredProofs(prisma: PrismaClient): Promise<void> {
  await prisma.spentChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
