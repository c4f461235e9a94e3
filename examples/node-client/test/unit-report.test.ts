import { createKinerjaClient } from "@kinerja/client";
import { createInstansi, createKinerja, type Kinerja } from "@kinerja/server";
import { createSurveyPeriod, formatNip, recordResponse } from "@kinerja/server/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { unitReport } from "../unit-report.ts";

// The example script against a real server over HTTP, through @kinerja/client.

let kinerja: Kinerja;
let endpoint: string;
let token: string;

beforeAll(async () => {
  kinerja = await createKinerja({
    database: { dataDir: "memory://" },
    config: { proofOfWork: null },
    logger: { debug() {}, info() {}, warn() {}, error: console.error },
  });
  const { db } = kinerja;
  endpoint = `${await kinerja.listen(0, "127.0.0.1")}/graphql`;

  const created = await createInstansi(db.prisma, { slug: "kota-salatiga", name: "Pemerintah Kota Salatiga", kind: "KOTA", adminName: "Admin" });
  token = created.adminToken;
  const instansiId = created.instansi.id;
  const unit = await db.prisma.orgUnit.create({ data: { instansiId, slug: "dpmptsp", name: "DPMPTSP" } });
  for (let i = 1; i <= 60; i++) {
    await db.prisma.employee.create({
      data: {
        instansiId, unitId: unit.id, name: `Pegawai ${String(i).padStart(2, "0")}`, position: "Verifikator", rank: "Penata (III/c)",
        nip: formatNip({ birthDate: { year: 1985, month: 1, day: 1 + (i % 28) }, appointment: { year: 2010, month: 3 }, sex: "MALE", serial: i }),
      },
    });
  }
  const year = new Date().getUTCFullYear();
  const survey = await db.prisma.survey.create({
    data: {
      instansiId, unitId: unit.id, slug: "salatiga-dpmptsp-pbg", serviceName: "Penerbitan PBG", status: "OPEN",
    },
  });
  await createSurveyPeriod(db.prisma, {
    instansiId, surveyId: survey.id, label: `Tahun ${year}`, startsOn: new Date(Date.UTC(year, 0, 1)), endsOn: new Date(Date.UTC(year, 11, 31)), serviceUsers: 100,
  });
  for (let i = 0; i < 3; i++) {
    const answers = { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 3 };
    await recordResponse(db.prisma, { surveySlug: "salatiga-dpmptsp-pbg", idempotencyKey: `report-test-key-${i}`, answers });
  }
});

afterAll(() => kinerja?.close());

it("lists every employee of the unit across pages and prints its IKM", async () => {
  const lines = await unitReport(createKinerjaClient({ endpoint, token }), "dpmptsp");
  expect(lines[0]).toBe("DPMPTSP");
  expect(lines.filter((line) => line.includes("Pegawai"))).toHaveLength(60);
  expect(lines).toContain("  60 employees");
  // Σ 31 per response: IKM = 31 × 25 / 9 = 86.11.
  expect(lines.at(-1)).toBe("  IKM Penerbitan PBG: 86.11 (B, Baik) from 3 responses, not yet representative (needs 80)");
});

it("refuses an unknown unit clearly", async () => {
  await expect(unitReport(createKinerjaClient({ endpoint, token }), "tidak-ada")).rejects.toThrow('No unit "tidak-ada"');
});
