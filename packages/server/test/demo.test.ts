import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/database.ts";
import { parseNip } from "../src/domain/nip.ts";
import { predikatFor } from "../src/domain/predikat.ts";
import { computeSnapshot } from "../src/publication/snapshot.ts";
import { seedDemo } from "../src/setup/demo.ts";
import { openTestDatabase } from "./support/databases.ts";

describe("demo data", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase("pglite");
  });
  afterAll(() => db?.close());

  it("seeds four regions with about 200 employees, valid NIPs and a supervisor chain inside each instansi", async () => {
    const first = await seedDemo(db.prisma);
    expect(first.created).toBe(true);
    const regions = await db.prisma.instansi.findMany({ select: { slug: true } });
    expect(regions.map((r) => r.slug).sort()).toEqual(["distrik-walesi", "kabupaten-lampung-utara", "kecamatan-maulafa", "kota-salatiga"]);
    const employees = await db.prisma.employee.findMany({ include: { supervisor: true } });
    expect(employees.length).toBeGreaterThanOrEqual(180);
    expect(employees.length).toBeLessThanOrEqual(220);
    for (const employee of employees) {
      expect(parseNip(employee.nip), employee.nip).toMatchObject({ ok: true });
      if (employee.supervisor) expect(employee.supervisor.instansiId).toBe(employee.instansiId);
    }
    expect(await db.prisma.indicator.count({ where: { description: { contains: "imunisasi" } } })).toBeGreaterThan(0);
    expect(await db.prisma.indicator.count({ where: { description: { contains: "kemiskinan" } } })).toBeGreaterThan(0);
  });

  it("gives every 2025 SKP a final annual evaluation whose predikat follows the matrix", async () => {
    const evaluations = await db.prisma.evaluation.findMany({ where: { period: { kind: "YEAR" }, skp: { year: { year: 2025 } } } });
    expect(evaluations.length).toBe(await db.prisma.skp.count({ where: { year: { year: 2025 } } }));
    expect(evaluations.every((e) => e.status === "FINAL" && e.predikat)).toBe(true);
    // A believable spread, not one predikat for everybody.
    expect(new Set(evaluations.map((e) => e.predikat)).size).toBeGreaterThan(1);
    expect(evaluations.every((e) => e.predikat === predikatFor(e.hasilKerja!, e.perilakuKerja!))).toBe(true);
  });

  it("has one upheld and one rejected objection in each region, decided by the assessor's superior", async () => {
    const objections = await db.prisma.objection.findMany({ include: { evaluation: true } });
    const regions = await db.prisma.instansi.count();
    const kinds = new Set(objections.map((o) => `${o.instansiId}:${o.status}`));
    expect([objections.length, kinds.size]).toEqual([2 * regions, 2 * regions]);
    for (const objection of objections) {
      expect(objection.deciderId).toBe(objection.evaluation.reviewerId);
      expect(objection.predikatAfter).toBe(objection.evaluation.predikat);
      if (objection.status === "UPHELD") expect(objection.predikatAfter).not.toBe(objection.predikatBefore);
    }
  });

  it("runs October 2026's TPP in each region under one of the presets, every employee with a line", async () => {
    const runs = await db.prisma.tppRun.findMany({ where: { month: "2026-10" } });
    expect(runs).toHaveLength(await db.prisma.instansi.count());
    for (const run of runs) {
      const lines = run.lines as Array<{ net: number; baseAmount: number; deductions: unknown[] }>;
      expect(lines).toHaveLength(await db.prisma.employee.count({ where: { instansiId: run.instansiId } }));
      expect(lines.every((line) => line.net > 0 && line.net <= line.baseAmount)).toBe(true);
    }
    expect(new Set(runs.map((run) => JSON.stringify(run.rules))).size).toBe(3);
  });

  it("gives every demo survey a follow-up plan for its first quarter, shown on the published scorecard", async () => {
    const plans = await db.prisma.followUpAction.findMany({ include: { surveyPeriod: { select: { label: true } } } });
    expect(plans).toHaveLength(await db.prisma.survey.count());
    expect(plans.every((plan) => plan.surveyPeriod.label.startsWith("Triwulan I ") && (plan.status !== "DONE" || plan.evidence))).toBe(true);
    expect(new Set(plans.map((plan) => plan.status))).toEqual(new Set(["PLANNED", "IN_PROGRESS", "DONE"]));
  });

  it("records a community forum in three regions, with commitments at every status on the units' scorecards", async () => {
    const forums = await db.prisma.communityForum.findMany({ include: { aspirations: true, commitments: true } });
    expect(forums).toHaveLength(3);
    expect(forums.every((forum) => forum.aspirations.length >= 2 && forum.commitments.length >= 2 && forum.heldOn <= new Date())).toBe(true);
    const commitments = forums.flatMap((forum) => forum.commitments);
    expect(new Set(commitments.map((c) => c.status))).toEqual(new Set(["PROMISED", "IN_PROGRESS", "DONE", "DROPPED"]));
    expect(commitments.filter((c) => c.status === "DONE" || c.status === "DROPPED").every((c) => c.note)).toBe(true);
    const salatigaHealth = await db.prisma.orgUnit.findFirstOrThrow({ where: { slug: "dinas-kesehatan", instansi: { slug: "kota-salatiga" } } });
    const snapshot = await computeSnapshot(db.prisma, salatigaHealth.id, {});
    expect(snapshot!.body.scorecard!.commitments.map((c) => c.status)).toEqual(["DONE", "IN_PROGRESS"]);
  });

  it("opens surveys with a few hundred responses, published on the units' scorecards", async () => {
    const surveys = await db.prisma.survey.findMany({ include: { totals: true, unit: { include: { scorecard: true } } } });
    expect(surveys.length).toBeGreaterThanOrEqual(4);
    for (const survey of surveys) {
      const counted = survey.totals.reduce((n, t) => n + t.responseCount, 0);
      expect(counted).toBe(await db.prisma.surveyResponse.count({ where: { surveyId: survey.id } }));
      expect(counted).toBeGreaterThanOrEqual(5);
      expect(survey.status).toBe("OPEN");
      expect(survey.unit.scorecard?.published).toBe(true);
    }
    expect(await db.prisma.surveyResponse.count()).toBeGreaterThanOrEqual(200);
  });

  it("logs October 2026 for every employee with a supervisor: mostly approved, some awaiting review, returned or late", async () => {
    const entries = await db.prisma.workLogEntry.groupBy({ by: ["status"], _count: true });
    const count = Object.fromEntries(entries.map((e) => [e.status, e._count]));
    expect(count.APPROVED).toBeGreaterThan(2000);
    expect(count.SUBMITTED).toBeGreaterThan(50);
    expect(count.RETURNED).toBeGreaterThan(10);
    expect(await db.prisma.workLogEntry.count({ where: { late: true } })).toBeGreaterThan(20);
    const dates = await db.prisma.workLogEntry.aggregate({ _min: { date: true }, _max: { date: true } });
    expect([dates._min.date, dates._max.date]).toEqual([new Date("2026-10-01"), new Date("2026-10-30")]);
    expect(await db.prisma.holiday.count({ where: { date: new Date("2026-08-17") } })).toBe(4);
  });

  it("recommends development after a 2025 predikat below Baik, some of it closed by a 2026 training", async () => {
    const recommendations = await db.prisma.developmentRecommendation.findMany({ include: { evaluation: true, trainingRecord: true } });
    expect(recommendations.length).toBeGreaterThan(0);
    expect(recommendations.every((r) => r.evaluation.predikat !== "BAIK" && r.evaluation.predikat !== "SANGAT_BAIK")).toBe(true);
    const closed = recommendations.filter((r) => r.closedAt);
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.length).toBeLessThan(recommendations.length);
    expect(closed.every((r) => r.trainingRecord?.employeeId === r.employeeId)).toBe(true);
  });

  it("is not seeded twice and always returns the same logins", async () => {
    const again = await seedDemo(db.prisma);
    expect(again.created).toBe(false);
    expect(again.access.map((a) => a.token)).toContain("knj_demo_kota-salatiga_staff-p2p");
    expect(await db.prisma.instansi.count()).toBe(4);
  });
});

describe("demo on a database server", () => {
  it("refuses to seed well-known tokens where DATABASE_URL points, unless asked explicitly", async () => {
    const { spawnSync } = await import("node:child_process");
    const { fileURLToPath } = await import("node:url");
    // An address nothing listens on: the refusal comes before any connection.
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "--demo"], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--demo-on-server/);
  });
});
