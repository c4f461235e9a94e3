import { randomUUID } from "node:crypto";
import { createLogger } from "graphql-yoga";
import { createInstansi, createKinerja } from "../src/index.ts";

// Prints survey submissions per second and result reads per second with
// 1,000 and with 100,000 stored responses. Runs on embedded PGlite, or on
// the PostgreSQL server named by DATABASE_URL (use a scratch database: the
// benchmark writes to it). Both go through the HTTP API (Yoga, no socket).

const sizes = [1_000, 100_000];
const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 300);
const reads = Number(process.env.BENCH_READS ?? 1_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);

const kinerja = await createKinerja({
  database: { url: process.env.DATABASE_URL, dataDir: "memory://" },
  // Proof of work is the browser's cost, not the server's: measured without it.
  config: { proofOfWork: null, submissionRateLimit: { max: 1e9, windowSeconds: 60 } },
  logger: createLogger("error"),
});
const { db, yoga } = kinerja;

async function post(query: string, variables?: object) {
  const response = await yoga.fetch("http://bench/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function timed(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < count) await work(next++); }));
  return count / ((performance.now() - started) / 1000);
}

const suffix = randomUUID().slice(0, 8);
const { instansi } = await createInstansi(db.prisma, { slug: `bench-${suffix}`, name: "Bench", kind: "KOTA", adminName: "Bench" });
const unit = await db.prisma.orgUnit.create({ data: { instansiId: instansi.id, slug: "dpmptsp", name: "DPMPTSP" } });
await db.prisma.scorecard.create({ data: { instansiId: instansi.id, unitId: unit.id, published: true } });

const submit = `mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { __typename } }`;
const read = `query($slug: String!) { survey(slug: $slug) { result { responseCount ikm grade sampleTarget representative } } }`;

console.log(`Database: ${db.kind}; ${concurrency} concurrent clients; ${submissions} submissions and ${reads} reads per size.`);
for (const size of sizes) {
  const slug = `bench-${suffix}-${size}`;
  const year = new Date().getUTCFullYear();
  const survey = await db.prisma.survey.create({
    data: {
      instansiId: instansi.id, unitId: unit.id, slug, serviceName: "Perizinan", status: "OPEN",
      periods: { create: [{ instansiId: instansi.id, label: `Tahun ${year}`, startsOn: new Date(Date.UTC(year, 0, 1)), endsOn: new Date(Date.UTC(year, 11, 31)), serviceUsers: 200_000 }] },
    },
    include: { periods: true },
  });
  const periodId = survey.periods[0]!.id;
  // Fill in bulk, then set the totals from what was stored: the same state submissions would leave.
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "SurveyResponse" (id, "instansiId", "surveyId", "periodId", "idempotencyKey", "payloadHash", answers)
     SELECT gen_random_uuid()::text, $1, $2, $3, 'fill-' || n, repeat('0', 64),
            ARRAY(SELECT 1 + floor(random() * 4)::int FROM generate_series(1, 9) WHERE n > 0)
     FROM generate_series(1, $4) AS n`,
    instansi.id, survey.id, periodId, size,
  );
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "SurveyTotal" ("periodId", "instansiId", "surveyId", "responseCount", "sumU1", "sumU2", "sumU3", "sumU4", "sumU5", "sumU6", "sumU7", "sumU8", "sumU9", "updatedAt")
     SELECT $1, $2, $3, count(*), sum(answers[1]), sum(answers[2]), sum(answers[3]), sum(answers[4]), sum(answers[5]), sum(answers[6]), sum(answers[7]), sum(answers[8]), sum(answers[9]), now()
     FROM "SurveyResponse" WHERE "periodId" = $1`,
    periodId, instansi.id, survey.id,
  );
  const answers = (i: number) => ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"].map((element, k) => ({ element, value: 1 + ((i + k) % 4) }));
  const submitRate = await timed(submissions, (i) => post(submit, { input: { survey: slug, idempotencyKey: randomUUID(), answers: answers(i) } }));
  const readRate = await timed(reads, () => post(read, { slug }));
  const { survey: check } = await post(read, { slug });
  console.log(
    `${String(size).padStart(7)} responses: ${submitRate.toFixed(0).padStart(6)} submissions/s, ${readRate.toFixed(0).padStart(6)} result reads/s` +
      `  (now ${check.result.responseCount} responses, IKM ${check.result.ikm})`,
  );
}
await kinerja.close();
