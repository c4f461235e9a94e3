import { createHash } from "node:crypto";
import type { Element } from "../domain/ikm.ts";
import { elements } from "../domain/ikm.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import type { RespondentEducation, RespondentOccupation, RespondentSex } from "../generated/prisma/enums.ts";
import { localDate } from "./local-date.ts";

export interface ResponseSubmission {
  surveySlug: string;
  idempotencyKey: string;
  answers: Record<Element, number>;
  extraAnswers?: Record<string, string | number> | null;
  sex?: RespondentSex | null;
  age?: number | null;
  education?: RespondentEducation | null;
  occupation?: RespondentOccupation | null;
  serviceUsedAt?: Date | null;
  suggestion?: string | null;
}

export type Refusal =
  | { reason: "UNKNOWN_SURVEY" }
  | { reason: "SURVEY_NOT_OPEN"; message: string }
  | { reason: "KEY_REUSED" };

/** What a caller learns of a stored response; `unitId` says whose scorecard it moves. */
export interface StoredResponse {
  id: string;
  surveyId: string;
  periodId: string;
  unitId: string;
  createdAt: Date;
}

const storedResponse = { id: true, surveyId: true, periodId: true, createdAt: true, survey: { select: { unitId: true } } } as const;

export type RecordOutcome =
  | { ok: true; response: StoredResponse; duplicate: boolean }
  | { ok: false; refusal: Refusal };

/** What the idempotency key stands for: everything the citizen answered. */
export function payloadHash(submission: ResponseSubmission): string {
  const canonical = JSON.stringify([
    elements.map((element) => submission.answers[element]),
    Object.entries(submission.extraAnswers ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    submission.sex ?? null,
    submission.age ?? null,
    submission.education ?? null,
    submission.occupation ?? null,
    submission.serviceUsedAt?.toISOString() ?? null,
    submission.suggestion ?? null,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** The response already stored under this key, if any: a retry gets it back, a different payload is refused. */
export async function findPrevious(prisma: PrismaClient, submission: ResponseSubmission): Promise<RecordOutcome | null> {
  const previous = await prisma.surveyResponse.findFirst({
    where: { idempotencyKey: submission.idempotencyKey, survey: { slug: submission.surveySlug } },
    select: { ...storedResponse, payloadHash: true },
  });
  if (!previous) return null;
  if (previous.payloadHash !== payloadHash(submission)) return { ok: false, refusal: { reason: "KEY_REUSED" } };
  return { ok: true, response: flatten(previous), duplicate: true };
}

/**
 * Stores one response and adds it to its period's running totals in the same
 * transaction, so the totals always equal the stored responses. Safe to call
 * again with the same idempotency key: the first response comes back and
 * nothing new is stored.
 *
 * `spend` runs inside the transaction (e.g. marking a proof-of-work as used),
 * so a failed store does not consume it.
 */
export async function recordResponse(
  prisma: PrismaClient,
  submission: ResponseSubmission,
  options: { now?: Date; spend?: (tx: Prisma.TransactionClient) => Promise<void> } = {},
): Promise<RecordOutcome> {
  const previous = await findPrevious(prisma, submission);
  if (previous) return previous;

  const now = options.now ?? new Date();
  const survey = await prisma.survey.findUnique({
    where: { slug: submission.surveySlug },
    select: { id: true, instansiId: true, status: true, unit: { select: { instansi: { select: { timeZone: true } } } } },
  });
  if (!survey) return { ok: false, refusal: { reason: "UNKNOWN_SURVEY" } };
  if (survey.status !== "OPEN") {
    return { ok: false, refusal: { reason: "SURVEY_NOT_OPEN", message: `The survey is ${survey.status === "DRAFT" ? "not open yet" : "closed"}.` } };
  }
  const today = localDate(now, survey.unit.instansi.timeZone);
  const period = await prisma.surveyPeriod.findFirst({
    where: { surveyId: survey.id, startsOn: { lte: today }, endsOn: { gte: today } },
    select: { id: true },
  });
  if (!period) return { ok: false, refusal: { reason: "SURVEY_NOT_OPEN", message: "The survey has no period open today." } };

  const scores = elements.map((element) => submission.answers[element]);
  try {
    const response = await prisma.$transaction(async (tx) => {
      await options.spend?.(tx);
      const created = await tx.surveyResponse.create({
        data: {
          instansiId: survey.instansiId,
          surveyId: survey.id,
          periodId: period.id,
          idempotencyKey: submission.idempotencyKey,
          payloadHash: payloadHash(submission),
          answers: scores,
          extraAnswers: submission.extraAnswers ?? Prisma.JsonNull,
          sex: submission.sex ?? null,
          age: submission.age ?? null,
          education: submission.education ?? null,
          occupation: submission.occupation ?? null,
          serviceUsedAt: submission.serviceUsedAt ?? null,
          suggestion: submission.suggestion ?? null,
          createdAt: now,
        },
        select: storedResponse,
      });
      // One atomic UPDATE: concurrent responses add up instead of overwriting each other.
      await tx.surveyTotal.update({
        where: { periodId: period.id },
        data: {
          responseCount: { increment: 1 },
          sumU1: { increment: scores[0]! },
          sumU2: { increment: scores[1]! },
          sumU3: { increment: scores[2]! },
          sumU4: { increment: scores[3]! },
          sumU5: { increment: scores[4]! },
          sumU6: { increment: scores[5]! },
          sumU7: { increment: scores[6]! },
          sumU8: { increment: scores[7]! },
          sumU9: { increment: scores[8]! },
        },
      });
      return created;
    });
    return { ok: true, response: flatten(response), duplicate: false };
  } catch (error) {
    // The same key sent twice at once: the other request stored it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findPrevious(prisma, submission);
      if (winner) return winner;
    }
    throw error;
  }
}

function flatten({ id, surveyId, periodId, createdAt, survey }: { id: string; surveyId: string; periodId: string; createdAt: Date; survey: { unitId: string } }): StoredResponse {
  return { id, surveyId, periodId, createdAt, unitId: survey.unitId };
}
