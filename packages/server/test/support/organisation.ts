import { encodeGlobalID } from "@pothos/plugin-relay";
import { formatNip } from "../../src/domain/nip.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { Role } from "../../src/generated/prisma/enums.ts";
import { createInstansi } from "../../src/index.ts";
import { createSurveyPeriod, createYearWithPeriods, grantAccess } from "../../src/testing.ts";

let serial = 1;
/** A valid, unique NIP. */
export function testNip(sex: "MALE" | "FEMALE" = "MALE"): string {
  const n = serial++;
  return formatNip({
    birthDate: { year: 1970 + (n % 15), month: 1 + (n % 12), day: 1 + (n % 28) },
    appointment: { year: 2010, month: 3 },
    sex,
    serial: n % 999 || 1,
  });
}

export const gid = encodeGlobalID;

/**
 * One instansi with a small team, written straight to the database:
 *
 *   Dinas Kesehatan (head: kepala)
 *     kepala ─┬─ kasi ──┬─ staff
 *             │         └─ peer      (same supervisor as staff)
 *             └─ kasiLain ── other   (another team)
 *
 * plus a 2026 quarterly year and an agreed SKP for `staff` with one main
 * indicator and a submitted Q1 realisation.
 */
export async function seedOrganisation(prisma: PrismaClient, slug: string) {
  const { instansi, adminToken } = await createInstansi(prisma, { slug, name: `Pemerintah ${slug}`, kind: "KOTA", adminName: "Admin" });
  const instansiId = instansi.id;
  const unit = await prisma.orgUnit.create({ data: { instansiId, slug: "dinas-kesehatan", name: "Dinas Kesehatan" } });
  const otherUnit = await prisma.orgUnit.create({ data: { instansiId, slug: "dinas-sosial", name: "Dinas Sosial" } });

  const tokens: Record<string, string> = { admin: adminToken };
  const people: Record<string, { id: string; name: string }> = {};
  async function person(key: string, role: Role, supervisorKey: string | null, unitId = unit.id) {
    const employee = await prisma.employee.create({
      data: {
        instansiId,
        unitId,
        nip: testNip(),
        name: `${key} ${slug}`,
        position: key,
        rank: "Penata (III/c)",
        supervisorId: supervisorKey ? people[supervisorKey]!.id : null,
      },
    });
    people[key] = employee;
    tokens[key] = (await prisma.$transaction((tx) => grantAccess(tx, { instansiId, employee, role, label: "test" }))).token;
  }
  await person("kepala", "SUPERVISOR", null);
  await person("kasi", "SUPERVISOR", "kepala");
  await person("kasiLain", "SUPERVISOR", "kepala");
  await person("staff", "EMPLOYEE", "kasi");
  await person("peer", "EMPLOYEE", "kasi");
  await person("other", "EMPLOYEE", "kasiLain", otherUnit.id);
  await prisma.orgUnit.update({ where: { id: unit.id }, data: { headId: people.kepala!.id } });

  const year = await createYearWithPeriods(prisma, instansiId, 2026, "QUARTERLY");
  const q1 = year.periods.find((p) => p.kind === "QUARTER" && p.number === 1)!;
  const q2 = year.periods.find((p) => p.kind === "QUARTER" && p.number === 2)!;
  const annual = year.periods.find((p) => p.kind === "YEAR")!;

  const skp = await prisma.skp.create({
    data: { instansiId, employeeId: people.staff!.id, yearId: year.id, assessorId: people.kasi!.id, status: "AGREED" },
  });
  const rhk = await prisma.rhk.create({ data: { instansiId, skpId: skp.id, kind: "UTAMA", description: "Cakupan imunisasi dasar lengkap meningkat" } });
  const indicator = await prisma.indicator.create({
    data: { instansiId, rhkId: rhk.id, aspect: "KUANTITAS", description: "Persentase bayi diimunisasi lengkap", targetValue: 95, targetUnit: "%" },
  });
  const realisation = await prisma.realisation.create({
    data: { instansiId, indicatorId: indicator.id, periodId: q1.id, value: 96.5, status: "SUBMITTED", submittedAt: new Date() },
  });
  const draftSkp = await prisma.skp.create({
    data: { instansiId, employeeId: people.peer!.id, yearId: year.id, assessorId: people.kasi!.id },
  });
  const draftRhk = await prisma.rhk.create({ data: { instansiId, skpId: draftSkp.id, kind: "UTAMA", description: "Laporan surveilans tepat waktu" } });
  await prisma.indicator.create({
    data: { instansiId, rhkId: draftRhk.id, aspect: "WAKTU", description: "Laporan mingguan dikirim", targetValue: 52, targetUnit: "laporan" },
  });

  // An open survey of the unit's immunisation service for the current year; its scorecard is not published.
  const thisYear = new Date().getUTCFullYear();
  const survey = await prisma.survey.create({
    data: {
      instansiId,
      unitId: unit.id,
      slug: `${slug}-imunisasi`,
      serviceName: "Pelayanan Imunisasi",
      status: "OPEN",
    },
  });
  const surveyPeriod = await createSurveyPeriod(prisma, {
    instansiId,
    surveyId: survey.id,
    label: `Tahun ${thisYear}`,
    startsOn: new Date(Date.UTC(thisYear, 0, 1)),
    endsOn: new Date(Date.UTC(thisYear, 11, 31)),
    serviceUsers: 1000,
  });

  return {
    instansi,
    survey,
    surveyPeriod,
    tokens,
    people,
    unit,
    otherUnit,
    year,
    q1,
    q2,
    annual,
    skp,
    rhk,
    indicator,
    realisation,
    draftSkp,
    draftRhk,
    ids: {
      unit: gid("OrgUnit", unit.id),
      otherUnit: gid("OrgUnit", otherUnit.id),
      staff: gid("Employee", people.staff!.id),
      peer: gid("Employee", people.peer!.id),
      other: gid("Employee", people.other!.id),
      kepala: gid("Employee", people.kepala!.id),
      kasi: gid("Employee", people.kasi!.id),
      q1: gid("Period", q1.id),
      q2: gid("Period", q2.id),
      annual: gid("Period", annual.id),
      skp: gid("Skp", skp.id),
      rhk: gid("Rhk", rhk.id),
      indicator: gid("Indicator", indicator.id),
      realisation: gid("Realisation", realisation.id),
      draftSkp: gid("Skp", draftSkp.id),
      draftRhk: gid("Rhk", draftRhk.id),
      survey: gid("Survey", survey.id),
      surveyPeriod: gid("SurveyPeriod", surveyPeriod.id),
    },
  };
}

export type Organisation = Awaited<ReturnType<typeof seedOrganisation>>;
