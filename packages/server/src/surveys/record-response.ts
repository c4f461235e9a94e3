import { createHash } from "node:crypto";
import type { Element } from "../domain/ikm.ts";
import { elements } from "../domain/ikm.ts";
import type { Prisma } from "../generated/prisma/client.ts";
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
  /** When it was answered, if it waited on the device; not part of what the idempotency key stands for. */
  answeredAt?: Date | null;
}

/** How long answers may wait on a device and still count in the period they were given in. */
const offlineWindowMs = 7 * 24 * 3_600_000;
/** Device clocks run a little ahead: a time this far in the future still counts as now. */
const clockSkewMs = 5 * 60_000;

/** The time a response counts at: when it was answered, if that is plausible, else when it arrived. */
export function countedAt(submission: Pick<ResponseSubmission, "answeredAt">, arrived: Date): Date {
  const answered = submission.answeredAt;
  if (!answered || answered.getTime() > arrived.getTime() + clockSkewMs || answered.getTime() < arrived.getTime() - offlineWindowMs) return arrived;
  return answered < arrived ? answered : arrived;
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
export async function findPrevious(prisma: Prisma.TransactionClient, submission: ResponseSubmission): Promise<RecordOutcome | null> {
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

/** One response to store, with its proof of work (when required) and its arrival time. */
export interface ResponseToRecord {
  submission: ResponseSubmission;
  proofOfWork?: ProofOfWorkCheck;
  now?: Date;
  /**
   * A paper questionnaire typed in by an operator: it counts on the date
   * written on it (the caller checked it), however long ago, not by the
   * offline window of a device.
   */
  paper?: true;
}

/** The time a response to record counts at. */
const countedAtOf = (item: ResponseToRecord, arrival: Date) => (item.paper && item.submission.answeredAt ? item.submission.answeredAt : countedAt(item.submission, arrival));

interface StatementRow {
  n: number;
  surveyId: string | null;
  unitId: string | null;
  status: string | null;
  accepting: boolean | null;
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
 */
export async function recordResponse(prisma: Prisma.TransactionClient, submission: ResponseSubmission, options: Omit<ResponseToRecord, "submission"> = {}): Promise<RecordOutcome> {
  return (await recordResponses(prisma, [{ submission, ...options }]))[0]!;
}

/**
 * Stores responses in one statement, one round trip: for each it finds the
 * survey and the period of the day it counts at (when answered, if it waited
 * on a device; else its arrival) in the instansi's time zone,
 * spends the proof of work, inserts the response unless its key is stored,
 * and adds it to the totals, one update per period for the whole batch:
 * atomically, so a dropped connection leaves all of it or none. Only a
 * retry, a reused key or a refusal costs a second look.
 *
 * No two items may share an idempotency key or a proof (ResponseRecorder
 * keeps them in separate batches): within one statement they would not see
 * each other.
 */
export async function recordResponses(prisma: Prisma.TransactionClient, items: readonly ResponseToRecord[]): Promise<RecordOutcome[]> {
  const outcomes = new Array<RecordOutcome>(items.length);
  const toStore: Array<{ item: ResponseToRecord; i: number }> = [];
  for (const [i, item] of items.entries()) {
    // A missing or wrong proof stores nothing: only a retry of a stored response is answered.
    if (item.proofOfWork && !item.proofOfWork.proof) outcomes[i] = (await findPrevious(prisma, item.submission)) ?? { ok: false, refusal: { reason: "PROOF_MISSING" } };
    else toStore.push({ item, i });
  }
  if (toStore.length === 0) return outcomes;
  const column = <T>(value: (item: ResponseToRecord) => T) => toStore.map(({ item }) => value(item));
  // One arrival time for the batch: what is stored as received and what "counted at" falls back to agree.
  const received = new Date();
  const arrivalOf = (r: ResponseToRecord) => r.now ?? received;
  const rows = await prisma.$queryRaw<StatementRow[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((r) => r.submission.surveySlug)}::text[], ${column((r) => r.submission.idempotencyKey)}::text[],
        ${column((r) => payloadHash(r.submission))}::text[], ${column((r) => arrivalOf(r).toISOString())}::timestamptz[],
        ${column((r) => countedAtOf(r, arrivalOf(r)).toISOString())}::timestamptz[],
        ${column((r) => (r.submission.extraAnswers ? JSON.stringify(r.submission.extraAnswers) : null))}::jsonb[],
        ${column((r) => r.submission.sex ?? null)}::text[], ${column((r) => r.submission.age ?? null)}::int[],
        ${column((r) => r.submission.education ?? null)}::text[], ${column((r) => r.submission.occupation ?? null)}::text[],
        ${column((r) => r.submission.serviceUsedAt?.toISOString() ?? null)}::timestamptz[], ${column((r) => r.submission.suggestion ?? null)}::text[],
        ${column((r) => r.proofOfWork?.proof?.signature ?? null)}::text[], ${column((r) => r.proofOfWork?.proof?.expiresAt.toISOString() ?? null)}::timestamptz[],
        ${column((r) => (r.paper ? "PAPER" : "ONLINE"))}::text[]
      ) WITH ORDINALITY AS x(slug, key, hash, now, answered, extra, sex, age, education, occupation, "serviceUsedAt", suggestion, signature, "expiresAt", channel, n)
    ), scores AS (
      -- Nine scores per response, in input order.
      SELECT input.n, (${toStore.flatMap(({ item }) => elements.map((element) => item.submission.answers[element]!))}::int[])[(input.n - 1) * 9 + 1 : input.n * 9] AS answers
      FROM input
    ), survey AS (
      -- Open, or closed after the answers were given (they waited on a device).
      SELECT input.n, s.id, s."instansiId", s."unitId", s.status::text AS status, (input.answered AT TIME ZONE i."timeZone")::date AS day,
        s.status = 'OPEN' OR (s.status = 'CLOSED' AND s."closedAt" > input.answered AT TIME ZONE 'UTC') AS accepting
      FROM input JOIN "Survey" s ON s.slug = input.slug JOIN "Instansi" i ON i.id = s."instansiId"
    ), period AS (
      SELECT DISTINCT ON (survey.n) survey.n, p.id FROM survey JOIN "SurveyPeriod" p ON p."surveyId" = survey.id
      WHERE survey.accepting AND p."startsOn" <= survey.day AND p."endsOn" >= survey.day
      ORDER BY survey.n, p."startsOn" DESC
    ), spent AS (
      INSERT INTO "SpentChallenge" (signature, "expiresAt")
      SELECT input.signature, input."expiresAt" AT TIME ZONE 'UTC' FROM input JOIN period USING (n) JOIN survey USING (n)
      WHERE input.signature IS NOT NULL
        -- A retry of a stored response spends nothing: its proof was spent the first time.
        AND NOT EXISTS (SELECT 1 FROM "SurveyResponse" r WHERE r."surveyId" = survey.id AND r."idempotencyKey" = input.key)
      ON CONFLICT DO NOTHING RETURNING signature
    ), inserted AS (
      INSERT INTO "SurveyResponse" (id, "instansiId", "surveyId", "periodId", "idempotencyKey", "payloadHash", answers, "extraAnswers",
        sex, age, education, occupation, "serviceUsedAt", suggestion, channel, "createdAt")
      SELECT gen_random_uuid()::text, survey."instansiId", survey.id, period.id, input.key, input.hash, scores.answers, input.extra,
        input.sex::"RespondentSex", input.age, input.education::"RespondentEducation", input.occupation::"RespondentOccupation",
        input."serviceUsedAt" AT TIME ZONE 'UTC', input.suggestion, input.channel::"ResponseChannel", input.now AT TIME ZONE 'UTC'
      FROM input JOIN survey USING (n) JOIN period USING (n) JOIN scores USING (n)
      WHERE input.signature IS NULL OR input.signature IN (SELECT signature FROM spent)
      ON CONFLICT ("surveyId", "idempotencyKey") DO NOTHING
      RETURNING id, "surveyId", "idempotencyKey", "periodId", "createdAt", answers
    ), added AS (
      SELECT "periodId", count(*) AS count, sum(answers[1]) AS u1, sum(answers[2]) AS u2, sum(answers[3]) AS u3, sum(answers[4]) AS u4,
        sum(answers[5]) AS u5, sum(answers[6]) AS u6, sum(answers[7]) AS u7, sum(answers[8]) AS u8, sum(answers[9]) AS u9
      FROM inserted GROUP BY "periodId"
    ), totals AS (
      UPDATE "SurveyTotal" t SET "responseCount" = t."responseCount" + added.count,
        "sumU1" = t."sumU1" + added.u1, "sumU2" = t."sumU2" + added.u2, "sumU3" = t."sumU3" + added.u3,
        "sumU4" = t."sumU4" + added.u4, "sumU5" = t."sumU5" + added.u5, "sumU6" = t."sumU6" + added.u6,
        "sumU7" = t."sumU7" + added.u7, "sumU8" = t."sumU8" + added.u8, "sumU9" = t."sumU9" + added.u9, "updatedAt" = now()
      FROM added WHERE t."periodId" = added."periodId"
      RETURNING t."periodId", t."responseCount"
    )
    SELECT input.n::int AS n, survey.id AS "surveyId", survey."unitId", survey.status, survey.accepting, period.id AS "periodId",
      COALESCE(input.signature IN (SELECT signature FROM spent), false) AS "proofSpent",
      inserted.id AS "responseId", inserted."createdAt", totals."responseCount" AS "periodResponses"
    FROM input LEFT JOIN survey USING (n) LEFT JOIN period USING (n)
      LEFT JOIN inserted ON inserted."surveyId" = survey.id AND inserted."idempotencyKey" = input.key
      LEFT JOIN totals ON totals."periodId" = inserted."periodId"`;
  for (const row of rows) {
    const { item, i } = toStore[Number(row.n) - 1]!;
    outcomes[i] = await outcomeOf(prisma, item, row);
  }
  return outcomes;
}

async function outcomeOf(prisma: Prisma.TransactionClient, item: ResponseToRecord, row: StatementRow): Promise<RecordOutcome> {
  if (!row.surveyId) return { ok: false, refusal: { reason: "UNKNOWN_SURVEY" } };
  if (!row.accepting) {
    return { ok: false, refusal: { reason: "SURVEY_NOT_OPEN", message: `The survey is ${row.status === "DRAFT" ? "not open yet" : "closed"}.` } };
  }
  if (!row.periodId) return { ok: false, refusal: { reason: "SURVEY_NOT_OPEN", message: "The survey has no period open today." } };
  if (row.responseId) {
    const response = { id: row.responseId, surveyId: row.surveyId, periodId: row.periodId, unitId: row.unitId!, createdAt: row.createdAt! };
    // With several responses to one period in the batch, each learns the count after all of them.
    return { ok: true, duplicate: false, response: { ...response, periodResponses: Number(row.periodResponses) } };
  }
  // Nothing stored: the key was stored before (a retry), or the proof was spent before.
  const previous = await findPrevious(prisma, item.submission);
  if (previous) return previous;
  return { ok: false, refusal: { reason: item.proofOfWork && !row.proofSpent ? "PROOF_REUSED" : "KEY_REUSED" } };
}

function flatten({ id, surveyId, periodId, createdAt, survey }: { id: string; surveyId: string; periodId: string; createdAt: Date; survey: { unitId: string } }): StoredResponse {
  return { id, surveyId, periodId, createdAt, unitId: survey.unitId };
}
