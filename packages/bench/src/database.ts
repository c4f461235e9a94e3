import { scratchDatabase } from "@kinerja/server/testing";
import pg from "pg";

/** A throwaway database on the PostgreSQL server of `url` (default: the local one). */
export const benchDatabase = (url = "postgresql://postgres@127.0.0.1:5432/postgres") => scratchDatabase(url, "kinerja_bench");

/**
 * An open survey of Kota Salatiga's DPMPTSP with `count` responses, written in
 * bulk, and its running totals set from them: the state submissions leave.
 */
export async function addSurveyWithResponses(url: string, slug: string, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const year = new Date().getUTCFullYear();
    const { rows } = await client.query(
      `INSERT INTO "Survey" (id, "instansiId", "unitId", slug, "serviceName", status)
       SELECT gen_random_uuid()::text, u."instansiId", u.id, $1, 'Bench ' || $1, 'OPEN'
       FROM "OrgUnit" u JOIN "Instansi" i ON i.id = u."instansiId" WHERE i.slug = 'kota-salatiga' AND u.slug = 'dpmptsp'
       RETURNING id, "instansiId"`,
      [slug],
    );
    const survey = rows[0] as { id: string; instansiId: string };
    const period = (
      await client.query(
        `INSERT INTO "SurveyPeriod" (id, "instansiId", "surveyId", label, "startsOn", "endsOn", "serviceUsers")
         VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6) RETURNING id`,
        [survey.instansiId, survey.id, `Tahun ${year}`, `${year}-01-01`, `${year}-12-31`, Math.max(count, 1_000)],
      )
    ).rows[0].id as string;
    await client.query(
      `INSERT INTO "SurveyResponse" (id, "instansiId", "surveyId", "periodId", "idempotencyKey", "payloadHash", answers)
       SELECT gen_random_uuid()::text, $1, $2, $3, 'fill-' || n, repeat('0', 64), ARRAY(SELECT 1 + floor(random() * 4)::int FROM generate_series(1, 9) WHERE n > 0)
       FROM generate_series(1, $4::int) AS n`,
      [survey.instansiId, survey.id, period, count],
    );
    await client.query(
      `INSERT INTO "SurveyTotal" ("periodId", "instansiId", "surveyId", "responseCount", "sumU1", "sumU2", "sumU3", "sumU4", "sumU5", "sumU6", "sumU7", "sumU8", "sumU9", "updatedAt")
       SELECT $1, $2, $3, count(*), sum(answers[1]), sum(answers[2]), sum(answers[3]), sum(answers[4]), sum(answers[5]), sum(answers[6]), sum(answers[7]), sum(answers[8]), sum(answers[9]), now()
       FROM "SurveyResponse" WHERE "periodId" = $1`,
      [period, survey.instansiId, survey.id],
    );
    return { surveyId: survey.id, responses: count };
  } finally {
    await client.end();
  }
}
