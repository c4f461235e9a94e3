import { randomUUID } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createKinerja, seedDemo, type DatabaseOptions } from "@kinerja/server";
import { load, type LoadRequest, type LoadResult } from "./load.ts";
import { startProcess, type Started } from "./processes.ts";
import { addSurveyWithResponses, benchDatabase } from "./database.ts";

// The project's side-by-side benchmark. Kinerja is started as its users
// start it, in its own process, over a scratch database filled with the demo
// data; each workload is measured against a floor (a bare node:http server,
// one SQL round trip) or a peer (PostGraphile 4) on the same data, in A/B
// rounds that alternate so machine drift hits both sides. Twice: on a
// PostgreSQL server, then on the embedded PGlite (where PostGraphile cannot
// run, and the million-response survey would take longer to write than to
// measure). Ratios come from one run; the absolute figures depend on the machine.

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const bigSurvey = Number(process.env.BENCH_BIG_SURVEY ?? 1_000_000);
const adminToken = "knj_demo_kota-salatiga_admin";

const silent = { debug() {}, info() {}, warn() {}, error: console.error };
const kinerjaEnv = { NODE_ENV: "production", KINERJA_PROOF_OF_WORK: "off", KINERJA_SUBMISSIONS_PER_WINDOW: "1000000000" };
const tables: string[] = [];
const only = (name: string) => name.includes(process.env.BENCH_ONLY ?? ""); // BENCH_ONLY=submission: those workloads only


async function onPostgresql() {
  const database = await benchDatabase(process.env.DATABASE_URL);
  const started: Started[] = [];
  try {
    console.log(`PostgreSQL scratch database ${database.name}; ${connections} connections, ${rounds} × ${seconds} s per side and workload.`);
    const setup = await createKinerja({ database: { url: database.url }, logger: silent });
    await seedDemo(setup.prisma);
    const sizes = await Promise.all([addSurveyWithResponses(database.url, "bench-1k", 1_000), addSurveyWithResponses(database.url, "bench-big", bigSurvey)]);
    await setup.close();

    const env = { DATABASE_URL: database.url };
    // Start-up of the development runtime, for comparison with the compiled one below.
    const viaTsx = await startProcess("kinerja (tsx)", "packages/server", ["--import", "tsx", "src/main.ts"], { ...env, ...kinerjaEnv }, "Kinerja API ready");
    await viaTsx.stop();
    const [kinerja, floor, postgraphile] = await Promise.all([
      // The production runtime: compiled JavaScript on node (`pnpm --filter @kinerja/server build`).
      startProcess("kinerja", "packages/server", ["--enable-source-maps", "dist/main.js"], { ...env, ...kinerjaEnv }, "Kinerja API ready"),
      startProcess("floor", "packages/bench", ["--import", "tsx", "src/floor-server.ts"], env, "floor ready"),
      startProcess("postgraphile", "packages/bench", ["--import", "tsx", "src/postgraphile-server.ts"], env, "postgraphile ready"),
    ]);
    started.push(kinerja, floor, postgraphile);
    const counter = await statementCounter({ url: database.url });
    const instansiId = (await counter.kinerja.prisma.instansi.findUniqueOrThrow({ where: { slug: "kota-salatiga" } })).id;
    const postgraphileStatements = async (body: string) => {
      const read = async () => Number(await (await fetch(`${postgraphile.url}/statements`)).text());
      const before = await read();
      await (await fetch(`${postgraphile.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body })).text();
      return (await read()) - before;
    };
    const workloads = [
      ...publicWorkloads(kinerja.url, floor.url, counter.statementsOf),
      {
        name: "HR list (20 employees, nested)",
        a: { name: "Kinerja", url: kinerja.url, request: gql(employees, { first: 20 }, adminToken), statements: () => counter.statementsOf(() => gql(employees, { first: 20 }, adminToken)) },
        b: {
          name: "PostGraphile 4",
          url: postgraphile.url,
          request: gql(allEmployees, { first: 20, instansiId }),
          statements: () => postgraphileStatements(gql(allEmployees, { first: 20, instansiId }).body),
        },
      },
      hrFloorWorkload(kinerja.url, floor.url),
      {
        name: `result read: ${sizes[1]!.responses.toLocaleString("en")} vs ${sizes[0]!.responses.toLocaleString("en")} responses`,
        a: { name: `${sizes[1]!.responses.toLocaleString("en")}`, url: kinerja.url, request: gql(resultRead(sizes[1]!.surveyId), {}, adminToken), statements: () => counter.statementsOf(() => gql(resultRead(sizes[1]!.surveyId), {}, adminToken)) },
        b: { name: `${sizes[0]!.responses.toLocaleString("en")}`, url: kinerja.url, request: gql(resultRead(sizes[0]!.surveyId), {}, adminToken), statements: () => counter.statementsOf(() => gql(resultRead(sizes[0]!.surveyId), {}, adminToken)) },
      },
    ];
    const rows = await measure(workloads);
    await counter.kinerja.close();
    tables.push(`PostgreSQL server. Start-up to "ready": node dist/main.js ${kinerja.startupMs.toFixed(0)} ms; tsx src/main.ts ${viaTsx.startupMs.toFixed(0)} ms.\n\n${table(rows)}`);
  } finally {
    await Promise.all(started.map((process) => process.stop()));
    await database.drop();
  }
}

async function onPglite() {
  // One embedded database per process (PGlite serves the process that opened it): seeded once, copied.
  const root = await mkdtemp(`${tmpdir()}/kinerja-bench-`);
  const started: Started[] = [];
  try {
    console.log(`Embedded PGlite in ${root}; ${connections} connections, ${rounds} × ${seconds} s per side and workload.`);
    const setup = await createKinerja({ database: { dataDir: `${root}/kinerja` }, logger: silent });
    await seedDemo(setup.prisma);
    await setup.close();
    await Promise.all(["floor", "counter"].map((copy) => cp(`${root}/kinerja`, `${root}/${copy}`, { recursive: true })));
    const [kinerja, floor] = await Promise.all([
      startProcess("kinerja", "packages/server", ["--enable-source-maps", "dist/main.js"], { KINERJA_DATA_DIR: `${root}/kinerja`, DATABASE_URL: "", ...kinerjaEnv }, "Kinerja API ready"),
      startProcess("floor", "packages/bench", ["--import", "tsx", "src/floor-server.ts"], { FLOOR_PGLITE_DIR: `${root}/floor` }, "floor ready"),
    ]);
    started.push(kinerja, floor);
    const counter = await statementCounter({ dataDir: `${root}/counter` });
    const rows = await measure([...publicWorkloads(kinerja.url, floor.url, counter.statementsOf), hrFloorWorkload(kinerja.url, floor.url)]);
    await counter.kinerja.close();
    tables.push(`Embedded PGlite. Start-up to "ready": node dist/main.js ${kinerja.startupMs.toFixed(0)} ms.\n\n${table(rows)}`);
  } finally {
    await Promise.all(started.map((process) => process.stop()));
    await rm(root, { recursive: true, force: true });
  }
}

/** Statements per request, counted on an in-process server over the same data. */
async function statementCounter(database: DatabaseOptions) {
  let counted: string[] | null = null;
  const kinerja = await createKinerja({ database: { ...database, onQuery: (sql) => counted?.push(sql) }, config: { proofOfWork: null, submissionRateLimit: { max: 1_000_000_000, windowSeconds: 600 } }, logger: silent });
  /** SQL statements per request, averaged over `times` requests (each built anew: a submission needs a fresh key). */
  const statementsOf = async (build: () => { path?: string; body?: string; headers?: Record<string, string> }, times = 1) => {
    const send = async () => {
      const request = build();
      const response = await (request.body === undefined
        ? kinerja.yoga.fetch(`http://bench${request.path}`)
        : kinerja.yoga.fetch("http://bench/graphql", { method: "POST", headers: { "content-type": "application/json", ...request.headers }, body: request.body }));
      await response.text();
    };
    // Warm twice: caches, prepared plans, and a first publication of the unit.
    for (let i = 0; i < 2; i++) {
      await send();
      await kinerja.publication.idle();
    }
    counted = [];
    for (let i = 0; i < times; i++) await send();
    const n = counted.length / times;
    counted = null;
    return Math.round(n * 10) / 10;
  };
  return { kinerja, statementsOf };
}

type Side = { name: string; url: string; request: LoadRequest; statements: () => Promise<number | null> };
type Workload = { name: string; a: Side; b: Side };
type StatementsOf = Awaited<ReturnType<typeof statementCounter>>["statementsOf"];

function gql(query: string, variables: object, token?: string) {
  return {
    method: "POST" as const,
    path: "/graphql",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  };
}

/** A public read as the widgets send it: a trusted document by ID, over GET. */
function widgetRead(documentId: string, variables: object) {
  return { method: "GET" as const, path: `/graphql?documentId=${documentId}&variables=${encodeURIComponent(JSON.stringify(variables))}` };
}

function answers() {
  return Array.from({ length: 9 }, () => 1 + Math.floor(Math.random() * 4));
}

function submission() {
  const values = answers();
  return JSON.stringify({
    documentId: "submit.v1",
    variables: { input: { survey: "salatiga-dpmptsp-pbg", idempotencyKey: randomUUID(), answers: values.map((value, i) => ({ element: `U${i + 1}`, value })) } },
  });
}

const employees = `query($first: Int!) { employees(first: $first) { totalCount edges { node { name nip
  skps { status rhks { kind description indicators { description target realisations { value status } } } } } } } }`;
const allEmployees = `query($first: Int!, $instansiId: String!) { allEmployees(first: $first, orderBy: NAME_ASC, condition: { instansiId: $instansiId }) { totalCount nodes { name nip
  skpsByEmployeeId { nodes { status rhksBySkpId { nodes { kind description indicatorsByRhkId { nodes { description targetValue realisationsByIndicatorId { nodes { value status } } } } } } } } } } }`;
const resultRead = (surveyId: string) => `{ node(id: "${Buffer.from(`Survey:${surveyId}`).toString("base64")}") { ... on Survey { result { responseCount ikm } } } }`;

/** What every visitor and respondent sends, against the floors. */
function publicWorkloads(kinerja: string, floor: string, statementsOf: StatementsOf): Workload[] {
  const scorecard = widgetRead("scorecard.v1", { instansi: "kota-salatiga", unit: "dinas-kesehatan" });
  const survey = widgetRead("survey.v1", { slug: "salatiga-dpmptsp-pbg", language: "ID" });
  return [
    {
      name: "public scorecard read",
      a: { name: "Kinerja", url: kinerja, request: scorecard, statements: () => statementsOf(() => scorecard) },
      b: { name: "node:http + 1 SQL", url: floor, request: { method: "GET", path: "/scorecard?instansi=kota-salatiga&unit=dinas-kesehatan" }, statements: async () => 1 },
    },
    {
      name: "public survey definition",
      a: { name: "Kinerja", url: kinerja, request: survey, statements: () => statementsOf(() => survey) },
      b: { name: "node:http + 1 SQL", url: floor, request: { method: "GET", path: "/survey?slug=salatiga-dpmptsp-pbg" }, statements: async () => 1 },
    },
    {
      name: "survey submission",
      a: {
        name: "Kinerja",
        url: kinerja,
        request: { method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, setupRequest: (request) => ({ ...request, body: submission() }) },
        // Averaged over 50: the unit's publication, at most once a second, is part of the cost.
        statements: () => statementsOf(() => ({ body: submission() }), 50),
      },
      b: {
        name: "node:http + 1 transaction",
        url: floor,
        request: { method: "POST", path: "/submit", setupRequest: (request) => ({ ...request, body: JSON.stringify({ survey: "salatiga-dpmptsp-pbg", key: randomUUID(), answers: answers() }) }) },
        statements: async () => 1,
      },
    },
  ];
}

function hrFloorWorkload(kinerja: string, floor: string): Workload {
  return {
    name: "HR list vs its json_agg floor",
    a: { name: "Kinerja", url: kinerja, request: gql(employees, { first: 20 }, adminToken), statements: async () => null },
    b: { name: "node:http + 1 SQL", url: floor, request: { method: "GET", path: "/employees?instansi=kota-salatiga&first=20" }, statements: async () => 1 },
  };
}

/** A/B rounds per workload; one table row each. */
async function measure(workloads: Workload[]): Promise<string[]> {
  const rows: string[] = [];
  for (const workload of workloads.filter((w) => only(w.name))) {
    const results: Record<"a" | "b", LoadResult[]> = { a: [], b: [] };
    for (let round = 0; round < rounds; round++) {
      for (const side of ["a", "b"] as const) results[side].push(await load(workload[side].url, workload[side].request, { seconds, connections }));
    }
    const [a, b] = [summary(results.a), summary(results.b)];
    const [sqlA, sqlB] = [await workload.a.statements(), await workload.b.statements()];
    rows.push(
      `| ${workload.name} | ${workload.a.name} | ${a.rps.toFixed(0)} | ${a.p50} / ${a.p99} | ${sqlA ?? "–"} | ${workload.b.name} | ${b.rps.toFixed(0)} | ${b.p50} / ${b.p99} | ${sqlB ?? "–"} | **${(a.rps / b.rps).toFixed(2)}×** |`,
    );
    console.log(rows.at(-1));
    if (a.errors || b.errors) console.log(`  (errors or non-2xx: ${a.errors} / ${b.errors})`);
  }
  return rows;
}

function table(rows: string[]): string {
  return ["| workload | A | req/s | p50 / p99 ms | SQL/req | B | req/s | p50 / p99 ms | SQL/req | A ÷ B |", "|---|---|---|---|---|---|---|---|---|---|", ...rows].join("\n");
}

/** Rounds of one side: mean requests per second, median p50 and p99. */
function summary(results: LoadResult[]) {
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  return {
    rps: results.reduce((n, r) => n + r.rps, 0) / results.length,
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    errors: results.reduce((n, r) => n + r.errors, 0),
  };
}

// BENCH_DATABASES=postgresql or =pglite runs one half.
if (process.env.BENCH_DATABASES !== "pglite") await onPostgresql();
if (process.env.BENCH_DATABASES !== "postgresql") await onPglite();
console.log(tables.join("\n\n"));
