import { createServer } from "node:http";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

// The floors: what one round trip to the database behind a bare node:http
// server costs for the same answers Kinerja gives. Run as its own process,
// on PostgreSQL (DATABASE_URL) or on an embedded PGlite (FLOOR_PGLITE_DIR).

interface Queryable {
  query(text: string, params: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}

const pool: Queryable = process.env.FLOOR_PGLITE_DIR ? await embedded(process.env.FLOOR_PGLITE_DIR) : new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

async function embedded(dataDir: string): Promise<Queryable> {
  const db = await PGlite.create(dataDir);
  return { query: async (text, params) => {
    const result = await db.query(text, params);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  } };
}
const sums = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `t."sumU${n}"`).join(", ");

const routes: Record<string, (url: URL, body: string) => Promise<unknown>> = {
  // A unit's survey figures: every period's totals in one statement.
  "/scorecard": async (url) =>
    (
      await pool.query(
        `SELECT u.name, (SELECT coalesce(json_agg(json_build_object('slug', s.slug, 'serviceName', s."serviceName", 'periods',
           (SELECT json_agg(json_build_object('label', p.label, 'responses', t."responseCount", 'sums', ARRAY[${sums}]) ORDER BY p."startsOn")
              FROM "SurveyPeriod" p JOIN "SurveyTotal" t ON t."periodId" = p.id WHERE p."surveyId" = s.id))), '[]')
           FROM "Survey" s WHERE s."unitId" = u.id AND s.status <> 'DRAFT') AS surveys
         FROM "OrgUnit" u JOIN "Instansi" i ON i.id = u."instansiId" WHERE i.slug = $1 AND u.slug = $2`,
        [url.searchParams.get("instansi"), url.searchParams.get("unit")],
      )
    ).rows[0],
  // A survey's public definition.
  "/survey": async (url) =>
    (
      await pool.query(
        `SELECT s.slug, s."serviceName", s.status, u.name AS "unitName",
           (SELECT coalesce(json_agg(json_build_object('position', q.position, 'kind', q.kind, 'text', q."textId") ORDER BY q.position), '[]')
              FROM "SurveyQuestion" q WHERE q."surveyId" = s.id) AS questions
         FROM "Survey" s JOIN "OrgUnit" u ON u.id = s."unitId" WHERE s.slug = $1 AND s.status <> 'DRAFT'`,
        [url.searchParams.get("slug")],
      )
    ).rows[0],
  // One response: stored and added to its period's totals in one statement (one transaction).
  "/submit": async (_url, body) => {
    const { survey, key, answers } = JSON.parse(body) as { survey: string; key: string; answers: number[] };
    const increments = answers.map((_, i) => `"sumU${i + 1}" = t."sumU${i + 1}" + $${i + 4}`).join(", ");
    const result = await pool.query(
      `WITH s AS (SELECT id, "instansiId" FROM "Survey" WHERE slug = $1 AND status = 'OPEN'),
            p AS (SELECT sp.id FROM "SurveyPeriod" sp JOIN s ON sp."surveyId" = s.id WHERE sp."startsOn" <= current_date AND sp."endsOn" >= current_date),
            r AS (INSERT INTO "SurveyResponse" (id, "instansiId", "surveyId", "periodId", "idempotencyKey", "payloadHash", answers)
                  SELECT gen_random_uuid()::text, s."instansiId", s.id, p.id, $2, repeat('0', 64), $3::int[] FROM s, p
                  ON CONFLICT DO NOTHING RETURNING "periodId")
       UPDATE "SurveyTotal" t SET "responseCount" = t."responseCount" + 1, ${increments}, "updatedAt" = now()
       FROM r WHERE t."periodId" = r."periodId" RETURNING t."responseCount"`,
      [survey, key, answers, ...answers],
    );
    return { stored: result.rowCount === 1 };
  },
  // The HR list: employees with their SKPs, RHKs, indicators and realisations, as one json_agg.
  "/employees": async (url) =>
    (
      await pool.query(
        `SELECT (SELECT count(*) FROM "Employee" x WHERE x."instansiId" = ins.id) AS "totalCount", coalesce(json_agg(e ORDER BY e.name), '[]') AS nodes FROM "Instansi" ins,
         LATERAL (SELECT e.name, e.nip,
           (SELECT coalesce(json_agg(json_build_object('status', k.status, 'rhks',
             (SELECT coalesce(json_agg(json_build_object('kind', r.kind, 'description', r.description, 'indicators',
               (SELECT coalesce(json_agg(json_build_object('description', i.description, 'target', i."targetValue", 'realisations',
                 (SELECT coalesce(json_agg(json_build_object('value', z.value, 'status', z.status)), '[]') FROM "Realisation" z WHERE z."indicatorId" = i.id))), '[]')
                FROM "Indicator" i WHERE i."rhkId" = r.id))), '[]') FROM "Rhk" r WHERE r."skpId" = k.id))), '[]') FROM "Skp" k WHERE k."employeeId" = e.id) AS skps
           FROM "Employee" e WHERE e."instansiId" = ins.id ORDER BY e.name LIMIT $2) e
         WHERE ins.slug = $1 GROUP BY ins.id`,
        [url.searchParams.get("instansi"), Number(url.searchParams.get("first") ?? 20)],
      )
    ).rows[0],
};

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://floor");
  const route = routes[url.pathname];
  if (!route) return void response.writeHead(404).end();
  let body = "";
  for await (const chunk of request) body += chunk;
  try {
    const result = JSON.stringify(await route(url, body));
    response.writeHead(200, { "content-type": "application/json" }).end(result);
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("floor ready"));
