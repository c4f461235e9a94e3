import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/database.ts";
import { computeIkm, elements } from "../src/domain/ikm.ts";
import { recordResponse, type RecordOutcome, type ResponseSubmission } from "../src/surveys/record-response.ts";
import { ResponseRecorder } from "../src/surveys/response-recorder.ts";
import { surveyResult, totalColumns } from "../src/surveys/results.ts";
import { databaseKinds, openTestDatabase } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";

// Accepting a response updates the running totals in the same transaction.
// These tests hammer that path and then recompute everything from the raw
// responses: the two must agree exactly, with nothing lost or duplicated.

function randomSubmission(survey: string): ResponseSubmission {
  const answers = Object.fromEntries(elements.map((e) => [e, 1 + Math.floor(Math.random() * 4)])) as ResponseSubmission["answers"];
  return { surveySlug: survey, idempotencyKey: randomUUID(), answers };
}

/** Runs `work` on every item with at most `concurrency` in flight; returns the items whose work threw. */
async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<T[]> {
  const failed: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await work(item).catch(() => failed.push(item));
      }
    }),
  );
  return failed;
}

/**
 * Runs a check once the pool is rid of connections the server closed: an
 * idle one killed late can still be handed out, and each failing query
 * drops one from the pool. Only that failure is retried, never an assertion.
 */
async function afterKills<T>(check: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await check();
    } catch (error) {
      if (attempt >= 30 || !/terminating connection due to administrator command|Connection terminated/.test(String(error))) throw error;
    }
  }
}

async function expectTotalsMatchResponses(db: Database, org: Organisation, expectedCount: number) {
  const total = await db.prisma.surveyTotal.findUniqueOrThrow({ where: { periodId: org.surveyPeriod.id } });
  const responses = await db.prisma.surveyResponse.findMany({ where: { surveyId: org.survey.id }, select: { answers: true, idempotencyKey: true } });
  expect(responses).toHaveLength(expectedCount);
  expect(new Set(responses.map((r) => r.idempotencyKey)).size).toBe(expectedCount);
  expect(total.responseCount).toBe(expectedCount);
  totalColumns.forEach((column, i) => expect(total[column], column).toBe(responses.reduce((sum, r) => sum + r.answers[i]!, 0)));
  // And the result read from the totals equals the one computed from raw answers.
  const recomputed = computeIkm(elements.map((_, i) => ({ sum: responses.reduce((s, r) => s + r.answers[i]!, 0), count: responses.length })));
  const result = await surveyResult(db.prisma, org.survey.id);
  expect(result).toMatchObject({ ikm: recomputed!.ikm, grade: recomputed!.grade, responseCount: expectedCount });
}

/** Each response in its own statement, or through the server's group commit. */
type Store = (db: Database) => (submission: ResponseSubmission) => Promise<RecordOutcome>;
const stores: Array<[string, Store]> = [
  ["one statement each", (db) => (submission) => recordResponse(db.prisma, submission)],
  ["batched (group commit)", (db) => {
    const recorder = new ResponseRecorder(db.prisma);
    return (submission) => recorder.record({ submission });
  }],
];
const cases = databaseKinds.flatMap((kind) => stores.map(([how, store]) => [kind, how, store] as const));

describe.each(cases)("running totals on %s, %s", (kind, _how, store) => {
  let db: Database;
  let org: Organisation;
  let record: ReturnType<Store>;
  beforeAll(async () => {
    db = await openTestDatabase(kind, { poolSize: 8 });
    org = await seedOrganisation(db.prisma, "kota-salatiga");
    record = store(db);
  });
  afterAll(() => db?.close());

  it("equal a recomputation from raw responses after 2,000 concurrent random submissions, retries included", async () => {
    const submissions = Array.from({ length: 2_000 }, () => randomSubmission(org.survey.slug));
    const failed = await inParallel(submissions, 16, (s) => record(s));
    expect(failed).toEqual([]);
    // Every tenth submission is sent again, some twice at once: nothing new may be stored.
    const retries = submissions.filter((_, i) => i % 10 === 0);
    const outcomes = await Promise.all([...retries, ...retries.slice(0, 50)].map((s) => record(s)));
    expect(outcomes.every((o) => o.ok && o.duplicate)).toBe(true);
    await expectTotalsMatchResponses(db, org, 2_000);
  });
});

describe.each(databaseKinds)("group commit on %s", (kind) => {
  let db: Database;
  let org: Organisation;
  let statements: string[] | null = null;
  beforeAll(async () => {
    db = await openTestDatabase(kind, { poolSize: 8, onQuery: (sql) => statements?.push(sql) });
    org = await seedOrganisation(db.prisma, "kota-salatiga");
  });
  afterAll(() => db?.close());

  it("stores responses that arrive together in few statements, answering each only with its own outcome", async () => {
    const recorder = new ResponseRecorder(db.prisma);
    const submissions = Array.from({ length: 200 }, () => randomSubmission(org.survey.slug));
    statements = [];
    const outcomes = await Promise.all(submissions.map((submission) => recorder.record({ submission })));
    const inserts = statements.filter((sql) => sql.includes('INSERT INTO "SurveyResponse"')).length;
    statements = null;
    expect(outcomes.every((o) => o.ok && !o.duplicate)).toBe(true);
    expect(new Set(outcomes.map((o) => o.ok && o.response.id)).size).toBe(200);
    expect(inserts).toBeLessThanOrEqual(3);
    await expectTotalsMatchResponses(db, org, 200);
    // One key sent twice, one proof sent with two keys, arriving together: never both stored.
    const twice = randomSubmission(org.survey.slug);
    const proof = { signature: `sig-${randomUUID()}`, expiresAt: new Date(Date.now() + 60_000) };
    const [first, again, spent, reused] = await Promise.all([
      recorder.record({ submission: twice }),
      recorder.record({ submission: twice }),
      recorder.record({ submission: randomSubmission(org.survey.slug), proofOfWork: { proof } }),
      recorder.record({ submission: randomSubmission(org.survey.slug), proofOfWork: { proof } }),
    ]);
    expect([first.ok && first.duplicate, again.ok && again.duplicate]).toEqual([false, true]);
    expect(spent.ok).toBe(true);
    expect(reused).toEqual({ ok: false, refusal: { reason: "PROOF_REUSED" } });
    await expectTotalsMatchResponses(db, org, 202);
  });

  it("fails only the response the database refuses, not the others of its batch", async () => {
    const recorder = new ResponseRecorder(db.prisma);
    const before = await db.prisma.surveyResponse.count({ where: { surveyId: org.survey.id } });
    // PostgreSQL text cannot hold a NUL character: this response makes its statement fail.
    const poison = { ...randomSubmission(org.survey.slug), suggestion: "a\u0000b" };
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => recorder.record({ submission: randomSubmission(org.survey.slug) })),
      recorder.record({ submission: poison }),
      ...Array.from({ length: 5 }, () => recorder.record({ submission: randomSubmission(org.survey.slug) })),
    ]);
    expect(results.map((r) => r.status)).toEqual([...Array(5).fill("fulfilled"), "rejected", ...Array(5).fill("fulfilled")]);
    await expectTotalsMatchResponses(db, org, before + 10);
  });
});

describe.runIf(databaseKinds.includes("postgresql")).each(stores)("dropped database connections, %s", (_how, store) => {
  let db: Database;
  let org: Organisation;
  let record: ReturnType<Store>;
  beforeAll(async () => {
    db = await openTestDatabase("postgresql", { poolSize: 8 });
    org = await seedOrganisation(db.prisma, "kota-salatiga");
    record = store(db);
  });
  afterAll(() => db?.close());

  it("lose and duplicate nothing when backends are killed mid-burst and failures are re-sent", async () => {
    const databaseName = (await db.prisma.$queryRawUnsafe<Array<{ name: string }>>("SELECT current_database()::text AS name"))[0]!.name;
    const killer = new pg.Client({ connectionString: process.env.KINERJA_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
    await killer.connect();
    const submissions = Array.from({ length: 600 }, () => randomSubmission(org.survey.slug));
    let killed = 0;
    const killing = (async () => {
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve, 60));
        const { rowCount } = await killer.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [databaseName],
        );
        killed += rowCount ?? 0;
      }
    })();
    let pending = await inParallel(submissions, 16, (s) => record(s));
    await killing;
    await killer.end();
    expect(killed).toBeGreaterThan(0);
    const failedAtFirst = pending.length;
    // The widget's behaviour: re-send what failed, with the same idempotency keys, until it is stored.
    for (let attempt = 0; attempt < 10 && pending.length; attempt++) {
      pending = await inParallel(pending, 4, (s) => record(s));
    }
    expect(pending).toEqual([]);
    console.log(`killed ${killed} backends; ${failedAtFirst} of 600 submissions failed and were re-sent`);
    await afterKills(() => expectTotalsMatchResponses(db, org, 600));
  });
});
