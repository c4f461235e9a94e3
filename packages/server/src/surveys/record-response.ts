import { createHash } from "node:crypto";
import type { Element } from "../domain/ikm.ts";
import { elements } from "../domain/ikm.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { RespondentEducation, RespondentOccupation, RespondentSex } from "../generated/prisma/enums.ts";
import type { VerifiedProof } from "./proof-of-work.ts";

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
  | { reason: "KEY_REUSED" }
  /** The proof of work was required and missing, wrong or expired. */
  | { reason: "PROOF_MISSING" }
  /** The proof of work was already spent on another response. */
  | { reason: "PROOF_REUSED" };

/** What a caller learns of a stored response; `unitId` says whose scorecard it moves. */
export interface StoredResponse {
  id: string;
  surveyId: string;
  periodId: string;
  unitId: string;
  createdAt: Date;
  /** Responses its period holds now (known when this call stored it). */
  periodResponses?: number;
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

export interface ProofOfWorkCheck {
  /** The solved challenge, verified; null when missing, forged or expired. */
  proof: VerifiedProof | null;
}

interface StatementRow {
  surveyId: string;
  unitId: string;
  status: string;
  periodId: string | null;
  proofSpent: boolean;
  responseId: string | null;
  createdAt: Date | null;
  periodResponses: number | null;
}

/**
 * Stores one response and adds it to its period's running totals, so the
 * totals always equal the stored responses. Safe to call again with the same
 * idempotency key: the first response comes back and nothing new is stored.
 *
 * One statement, one round trip: it finds the survey and today's period (in
 * the instansi's time zone), spends the proof of work, inserts the response
 * unless its key is stored, and increments the totals — atomically, so a
 * dropped connection leaves all of it or none. Only a retry, a reused key or
 * a refusal costs a second look.
 */
export async function recordResponse(
  prisma: PrismaClient,
  submission: ResponseSubmission,
  options: { now?: Date; proofOfWork?: ProofOfWorkCheck } = {},
): Promise<RecordOutcome> {
  const check = options.proofOfWork;
  if (check && !check.proof) return (await findPrevious(prisma, submission)) ?? { ok: false, refusal: { reason: "PROOF_MISSING" } };
  const now = (options.now ?? new Date()).toISOString();
  const scores = elements.map((element) => submission.answers[element]!);
  const proof = check?.proof ?? null;
  const rows = await prisma.$queryRaw<StatementRow[]>`
    WITH survey AS (
      SELECT s.id, s."instansiId", s."unitId", s.status::text AS status, ((${now}::timestamptz) AT TIME ZONE i."timeZone")::date AS today
      FROM "Survey" s JOIN "Instansi" i ON i.id = s."instansiId" WHERE s.slug = ${submission.surveySlug}
    ), period AS (
      SELECT p.id FROM "SurveyPeriod" p JOIN survey ON p."surveyId" = survey.id
      WHERE survey.status = 'OPEN' AND p."startsOn" <= survey.today AND p."endsOn" >= survey.today
    ), spent AS (
      INSERT INTO "SpentChallenge" (signature, "expiresAt")
      SELECT ${proof?.signature ?? null}::text, ${proof?.expiresAt.toISOString() ?? null}::timestamptz AT TIME ZONE 'UTC' FROM period, survey
      WHERE ${proof?.signature ?? null}::text IS NOT NULL
        -- A retry of a stored response spends nothing: its proof was spent the first time.
        AND NOT EXISTS (SELECT 1 FROM "SurveyResponse" r WHERE r."surveyId" = survey.id AND r."idempotencyKey" = ${submission.idempotencyKey})
      ON CONFLICT DO NOTHING RETURNING signature
    ), inserted AS (
      INSERT INTO "SurveyResponse" (id, "instansiId", "surveyId", "periodId", "idempotencyKey", "payloadHash", answers, "extraAnswers",
        sex, age, education, occupation, "serviceUsedAt", suggestion, "createdAt")
      SELECT gen_random_uuid()::text, survey."instansiId", survey.id, period.id, ${submission.idempotencyKey}, ${payloadHash(submission)}, ${scores}::int[],
        ${submission.extraAnswers ? JSON.stringify(submission.extraAnswers) : null}::jsonb,
        ${submission.sex ?? null}::text::"RespondentSex", ${submission.age ?? null}::int, ${submission.education ?? null}::text::"RespondentEducation",
        ${submission.occupation ?? null}::text::"RespondentOccupation", ${submission.serviceUsedAt?.toISOString() ?? null}::timestamptz AT TIME ZONE 'UTC',
        ${submission.suggestion ?? null}::text, ${now}::timestamptz AT TIME ZONE 'UTC'
      FROM survey, period
      WHERE ${proof?.signature ?? null}::text IS NULL OR EXISTS (SELECT 1 FROM spent)
      ON CONFLICT ("surveyId", "idempotencyKey") DO NOTHING
      RETURNING id, "periodId", "createdAt"
    ), totals AS (
      UPDATE "SurveyTotal" t SET "responseCount" = t."responseCount" + 1,
        "sumU1" = t."sumU1" + ${scores[0]}, "sumU2" = t."sumU2" + ${scores[1]}, "sumU3" = t."sumU3" + ${scores[2]},
        "sumU4" = t."sumU4" + ${scores[3]}, "sumU5" = t."sumU5" + ${scores[4]}, "sumU6" = t."sumU6" + ${scores[5]},
        "sumU7" = t."sumU7" + ${scores[6]}, "sumU8" = t."sumU8" + ${scores[7]}, "sumU9" = t."sumU9" + ${scores[8]}, "updatedAt" = now()
      FROM inserted WHERE t."periodId" = inserted."periodId"
      RETURNING t."periodId", t."responseCount"
    )
    SELECT survey.id AS "surveyId", survey."unitId", survey.status, (SELECT id FROM period) AS "periodId",
      EXISTS (SELECT 1 FROM spent) AS "proofSpent", inserted.id AS "responseId", inserted."createdAt", totals."responseCount" AS "periodResponses"
    FROM survey LEFT JOIN inserted ON true LEFT JOIN totals ON true`;
  const row = rows[0];
  if (!row) return { ok: false, refusal: { reason: "UNKNOWN_SURVEY" } };
  if (row.status !== "OPEN") {
    return { ok: false, refusal: { reason: "SURVEY_NOT_OPEN", message: `The survey is ${row.status === "DRAFT" ? "not open yet" : "closed"}.` } };
  }
  if (!row.periodId) return { ok: false, refusal: { reason: "SURVEY_NOT_OPEN", message: "The survey has no period open today." } };
  if (row.responseId) {
    const response = { id: row.responseId, surveyId: row.surveyId, periodId: row.periodId, unitId: row.unitId, createdAt: row.createdAt! };
    return { ok: true, duplicate: false, response: { ...response, periodResponses: Number(row.periodResponses) } };
  }
  // Nothing stored: the key was stored before (a retry), or the proof was spent before.
  const previous = await findPrevious(prisma, submission);
  if (previous) return previous;
  return { ok: false, refusal: { reason: check && !row.proofSpent ? "PROOF_REUSED" : "KEY_REUSED" } };
}

function flatten({ id, surveyId, periodId, createdAt, survey }: { id: string; surveyId: string; periodId: string; createdAt: Date; survey: { unitId: string } }): StoredResponse {
  return { id, surveyId, periodId, createdAt, unitId: survey.unitId };
}
