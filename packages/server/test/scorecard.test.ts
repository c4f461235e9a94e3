import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";

// The scorecard publishes counts of predikat, never a person's: only for a
// year the admin closed, and only when at least 5 of the unit were rated.

describe("scorecard predikat distribution", () => {
  let api: Api;
  let org: Organisation;
  const query = graphql(`query ScorecardPredikat($instansi: String!, $unit: String!) {
    scorecard(instansi: $instansi, unit: $unit) { year predikatYear predikatDistribution { predikat count } indicators { description target realised achievedPercent } }
  }`);
  const dinas = { instansi: "kota-salatiga", unit: "dinas-kesehatan" };
  const scorecard = async () => (await api.request(null, query, dinas)).data?.scorecard;
  beforeAll(async () => {
    // The suite probes public fields with its own selections, so the anonymous
    // gate is open: what they reveal must hold even where a deployment opens it.
    api = await startApi("pglite", { anonymousOperations: "any" });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    await api.prisma.scorecard.create({ data: { instansiId: org.instansi.id, unitId: org.unit.id, published: true } });
  });
  afterAll(() => api?.close());

  async function rate(employeeKey: string, predikat: "BAIK" | "SANGAT_BAIK" | "BUTUH_PERBAIKAN") {
    const employeeId = org.people[employeeKey]!.id;
    const skp =
      (await api.prisma.skp.findFirst({ where: { employeeId, yearId: org.year.id } })) ??
      (await api.prisma.skp.create({ data: { instansiId: org.instansi.id, employeeId, yearId: org.year.id, status: "AGREED" } }));
    await api.prisma.evaluation.create({
      data: { instansiId: org.instansi.id, skpId: skp.id, periodId: org.annual.id, status: "FINAL", predikat, hasilKerja: "SESUAI_EKSPEKTASI", perilakuKerja: "SESUAI_EKSPEKTASI" },
    });
  }

  it("stays hidden until the year is closed, and then shows counts only", async () => {
    for (const key of ["kepala", "kasi", "kasiLain", "staff"]) await rate(key, "BAIK");
    let card = await scorecard();
    expect(card).toMatchObject({ year: 2026, predikatYear: null, predikatDistribution: null });
    await rate("peer", "SANGAT_BAIK");
    await api.publication.refresh([org.unit.id]);
    card = await scorecard();
    expect(card).toMatchObject({ year: 2026, predikatYear: null, predikatDistribution: null });
    const close = await api.request(org.tokens.admin!, graphql(`mutation CloseYear { closePerformanceYear(input: { year: 2026 }) { __typename } }`));
    expect(close.data?.closePerformanceYear.__typename).toBe("ClosePerformanceYearPayload");
    card = await scorecard();
    expect(card?.predikatYear).toBe(2026);
    expect(card?.predikatDistribution).toEqual([
      { predikat: "SANGAT_BAIK", count: 1 },
      { predikat: "BAIK", count: 4 },
      { predikat: "BUTUH_PERBAIKAN", count: 0 },
      { predikat: "KURANG", count: 0 },
      { predikat: "SANGAT_KURANG", count: 0 },
    ]);
  });

  it("shows the head's main indicators with the latest approved realisation", async () => {
    const rhk = await api.prisma.rhk.create({
      data: { instansiId: org.instansi.id, skpId: (await api.prisma.skp.findFirstOrThrow({ where: { employeeId: org.people.kepala!.id } })).id, kind: "UTAMA", description: "Meningkatnya derajat kesehatan" },
    });
    const indicator = await api.prisma.indicator.create({
      data: { instansiId: org.instansi.id, rhkId: rhk.id, aspect: "KUANTITAS", description: "Cakupan imunisasi dasar lengkap", targetValue: 95, targetUnit: "%" },
    });
    await api.prisma.realisation.create({ data: { instansiId: org.instansi.id, indicatorId: indicator.id, periodId: org.q1.id, value: 76, status: "APPROVED" } });
    await api.prisma.realisation.create({ data: { instansiId: org.instansi.id, indicatorId: indicator.id, periodId: org.q2.id, value: 99, status: "SUBMITTED" } });
    // Written around the API: publish as a use case would after commit.
    await api.publication.refresh([org.unit.id]);
    const card = await scorecard();
    // Only the approved Q1 figure is public: 76 of 95 = 80%.
    expect(card?.indicators).toEqual([{ description: "Cakupan imunisasi dasar lengkap", target: 95, realised: 76, achievedPercent: 80 }]);
  });
});
