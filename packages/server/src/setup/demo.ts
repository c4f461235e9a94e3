import { randomUUID } from "node:crypto";
import { finalRating } from "../domain/evaluation.ts";
import { formatNip } from "../domain/nip.ts";
import { periodsOfYear } from "../domain/periods.ts";
import { predikatFor, type Predikat } from "../domain/predikat.ts";
import { addDays, daysOfMonth, isWorkingDay, logDeadline, type WorkCalendar } from "../domain/work-calendar.ts";
import type { RatingLevel } from "../domain/rating.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { PositionKind, Role, UnitPredikat } from "../generated/prisma/enums.ts";
import { grantAccess } from "../access/grants.ts";
import { competencyIndicator, demoRegions, ranks, type IndicatorTemplate, type RegionTemplate, type UnitTemplate } from "./demo-catalogue.ts";
import { seedDemoForums } from "./demo-forums.ts";
import { seedDemoSurveys } from "./demo-surveys.ts";
import { seedDemoTpp } from "./demo-tpp.ts";
import { createInstansi } from "../organisation/instansi.ts";
import { closeYear } from "../performance/year-closing.ts";

// Demo data for a newcomer's first start: four regions, about 200 employees
// with valid NIPs, a finished 2025 (annual evaluations with predikat) and a
// 2026 in progress (realisations up to the third quarter, October's daily
// work log). Deterministic, so every machine shows the same people and the
// same tokens.

export interface DemoAccess {
  region: string;
  who: string;
  role: Role;
  token: string;
}

const berakhlak = ["BERORIENTASI_PELAYANAN", "AKUNTABEL", "KOMPETEN", "HARMONIS", "LOYAL", "ADAPTIF", "KOLABORATIF"] as const;
const demoToken = (region: string, who: string) => `knj_demo_${region}_${who}`;

/** Seeds the demo unless it is already there; returns the demo logins either way. */
export async function seedDemo(prisma: PrismaClient): Promise<{ created: boolean; access: DemoAccess[] }> {
  const present = await prisma.instansi.findUnique({ where: { slug: demoRegions[0]!.slug } });
  const access: DemoAccess[] = [];
  for (const [index, region] of demoRegions.entries()) {
    access.push(...(present ? demoAccessOf(region) : await seedRegion(prisma, region, index + 1)));
  }
  if (!present) {
    await seedDemoSurveys(prisma, seededRandom(99).next);
    await seedDemoForums(prisma);
  }
  return { created: !present, access };
}

/** Mulberry32: a small seeded generator, so the demo is the same everywhere. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (low: number, high: number) => low + (high - low) * next(),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

type Random = ReturnType<typeof seededRandom>;

interface Person {
  id: string;
  name: string;
  supervisorId: string | null;
  unitId: string;
  level: "head" | "section" | "staff";
  position: string;
  /** How well this person tends to perform, 0.85–1.15. */
  form: number;
  indicators: IndicatorTemplate[];
  result: string;
}

/** The people a newcomer can log in as. */
function demoAccessOf(region: RegionTemplate): DemoAccess[] {
  const access: DemoAccess[] = [{ region: region.name, who: "Admin (pengelola kinerja)", role: "ADMIN", token: demoToken(region.slug, "admin") }];
  if (region.slug === "kota-salatiga") {
    access.push(
      { region: region.name, who: "Kepala Dinas Kesehatan", role: "SUPERVISOR", token: demoToken(region.slug, "kepala-dinkes") },
      { region: region.name, who: "Kepala Bidang P2P (assessor)", role: "SUPERVISOR", token: demoToken(region.slug, "kabid-p2p") },
      { region: region.name, who: "Staff of Bidang P2P", role: "EMPLOYEE", token: demoToken(region.slug, "staff-p2p") },
    );
  }
  return access;
}

async function seedRegion(prisma: PrismaClient, region: RegionTemplate, seed: number): Promise<DemoAccess[]> {
  const random = seededRandom(seed);
  const { instansi } = await createInstansi(prisma, {
    slug: region.slug,
    name: region.name,
    kind: region.kind,
    websiteOrigins: region.websiteOrigins,
    adminName: `Pengelola Kinerja ${region.name}`,
    adminToken: demoToken(region.slug, "admin"),
  });
  const instansiId = instansi.id;
  const units: Prisma.OrgUnitCreateManyInput[] = [];
  const people: Person[] = [];
  let serial = 1;
  const nameOf = () => `${random.pick(region.firstNames)} ${random.pick(region.lastNames)}`;
  // CPNS are appointed in their twenties; intakes start in March or April.
  const nipOf = () => {
    const born = 1968 + Math.floor(random.next() * 28);
    return formatNip({
      birthDate: { year: born, month: 1 + Math.floor(random.next() * 12), day: 1 + Math.floor(random.next() * 28) },
      appointment: { year: Math.min(2024, born + 23 + Math.floor(random.next() * 8)), month: random.pick([3, 4]) },
      sex: random.next() < 0.5 ? "MALE" : "FEMALE",
      serial: serial++,
    });
  };

  for (const template of region.units) {
    const unitId = randomUUID();
    units.push({ id: unitId, instansiId, slug: template.slug, name: template.name });
    const head = addPerson(people, random, { unitId, supervisorId: null, level: "head", position: template.head, indicators: template.indicators, result: template.result });
    units[units.length - 1]!.headId = head.id;
    for (const [sectionIndex, section] of template.sections.entries()) {
      const sectionId = randomUUID();
      const sectionSlug = `${template.slug}-${sectionIndex + 1}`;
      const sectionIndicators = template.indicators.filter((_, i) => i % template.sections.length === sectionIndex || template.indicators.length <= 2);
      const chief = addPerson(people, random, {
        unitId: sectionId,
        supervisorId: head.id,
        level: "section",
        position: `Kepala ${section}`,
        indicators: sectionIndicators,
        result: `Terlaksananya program ${section}`,
      });
      units.push({ id: sectionId, instansiId, parentId: unitId, slug: sectionSlug, name: section, headId: chief.id });
      for (let i = 0; i < region.staffPerSection; i++) {
        addPerson(people, random, {
          unitId: sectionId,
          supervisorId: chief.id,
          level: "staff",
          position: i === 0 ? `Analis ${section.replace(/^(Bidang|Subseksi|Unit) /, "")}` : random.pick(["Pelaksana", "Pengelola Data", "Penyuluh", "Pranata Komputer", "Verifikator"]),
          indicators: [sectionIndicators[i % sectionIndicators.length]!],
          result: `Terlaksananya kegiatan ${section.replace(/^(Bidang|Subseksi|Unit) /, "").toLowerCase()}`,
          staffShare: region.staffPerSection,
        });
      }
    }
  }

  const employees = people.map((person) => ({
    id: person.id,
    instansiId,
    unitId: person.unitId,
    supervisorId: person.supervisorId,
    nip: nipOf(),
    name: (person.name = nameOf()),
    position: person.position,
    rank: person.level === "head" ? ranks.head : person.level === "section" ? ranks.section : random.pick(ranks.staff),
    employmentType: person.level === "staff" && random.next() < 0.2 ? ("PPPK" as const) : ("PNS" as const),
    ...positionKindOf(person),
  }));

  // Heads are set once their employees exist.
  await prisma.orgUnit.createMany({ data: units.map(({ headId: _headId, ...unit }) => unit) });
  await prisma.employee.createMany({ data: employees });
  for (const unit of units) await prisma.orgUnit.update({ where: { id: unit.id! }, data: { headId: unit.headId ?? null } });

  const plan = new PlanBuilder(instansiId, random);
  plan.calendar(2026);
  for (const year of [2025, 2026]) plan.year(year, people, units);
  await plan.save(prisma);
  // 2025 is over and evaluated: the admin has closed it, publishing its predikat counts.
  const finished = await prisma.performanceYear.findUniqueOrThrow({ where: { instansiId_year: { instansiId, year: 2025 } } });
  await closeYear(prisma, instansiId, finished.id);
  await seedDemoTpp(prisma, instansiId, seed - 1, employees.map((employee, i) => ({ nip: employee.nip, level: people[i]!.level })));

  const access = demoAccessOf(region);
  if (region.slug === "kota-salatiga") {
    const dinkesHead = people.find((p) => p.position === "Kepala Dinas Kesehatan")!;
    const p2p = people.find((p) => p.position === "Kepala Bidang Pencegahan dan Pengendalian Penyakit" && p.supervisorId === dinkesHead.id)!;
    const staff = people.find((p) => p.supervisorId === p2p.id)!;
    const grants: Array<[Person, Role, string]> = [
      [dinkesHead, "SUPERVISOR", "kepala-dinkes"],
      [p2p, "SUPERVISOR", "kabid-p2p"],
      [staff, "EMPLOYEE", "staff-p2p"],
    ];
    for (const [person, role, who] of grants) {
      await prisma.$transaction((tx) =>
        grantAccess(tx, { instansiId, employee: person, role, label: "demo", token: demoToken(region.slug, who) }),
      );
    }
  }
  return access;
}

/** A head of a dinas holds a JPT, a bidang or section head an administrator's post; computer and extension staff are functional (Ahli Pertama: 12.5 credit points a year). */
function positionKindOf(person: Person): { positionKind: PositionKind; creditCoefficient?: number } {
  if (person.level === "head") return { positionKind: "JPT" };
  if (person.level === "section") return { positionKind: "ADMINISTRATOR" };
  return /^(Pranata Komputer|Penyuluh)/.test(person.position) ? { positionKind: "FUNGSIONAL", creditCoefficient: 12.5 } : { positionKind: "PELAKSANA" };
}

function addPerson(
  people: Person[],
  random: Random,
  person: Omit<Person, "id" | "name" | "form"> & { staffShare?: number },
): Person {
  const { staffShare, ...rest } = person;
  const indicators = staffShare
    ? rest.indicators.map((indicator) =>
        indicator.cumulative ? { ...indicator, target: Math.max(1, Math.round(indicator.target / staffShare)) } : indicator,
      )
    : rest.indicators;
  const created: Person = { ...rest, indicators, id: randomUUID(), name: "", form: random.between(0.85, 1.15) };
  people.push(created);
  return created;
}

/** The attachment every demo SKP carries (lampiran SKP). */
const skpAttachment = {
  resourceSupport: ["Anggaran kegiatan pada DPA perangkat daerah", "Aplikasi e-Kinerja dan sarana kerja unit"],
  accountability: ["Laporan capaian triwulanan kepada pejabat penilai kinerja"],
  consequences: ["Capaian kinerja menjadi dasar pembayaran TPP dan pengembangan karier"],
};

/** Collects the plan and results of both years, then writes them in bulk. */
class PlanBuilder {
  private years: Prisma.PerformanceYearCreateManyInput[] = [];
  private periods: Prisma.PeriodCreateManyInput[] = [];
  private unitPerformances: Prisma.UnitPerformanceCreateManyInput[] = [];
  private skps: Prisma.SkpCreateManyInput[] = [];
  private rhks: Prisma.RhkCreateManyInput[] = [];
  private indicators: Prisma.IndicatorCreateManyInput[] = [];
  private realisations: Prisma.RealisationCreateManyInput[] = [];
  private evaluations: Prisma.EvaluationCreateManyInput[] = [];
  private ratings: Prisma.BehaviourRatingCreateManyInput[] = [];
  private trainings: Prisma.TrainingRecordCreateManyInput[] = [];
  private workLog: Prisma.WorkLogEntryCreateManyInput[] = [];
  private holidays: Prisma.HolidayCreateManyInput[] = [];
  private objections: Prisma.ObjectionCreateManyInput[] = [];
  /** Development recommended from 2025's evaluations, by employee; 2026's training closes some. */
  private recommendations = new Map<string, Prisma.DevelopmentRecommendationCreateManyInput>();

  constructor(
    private readonly instansiId: string,
    private readonly random: Random,
  ) {}

  year(year: number, people: Person[], units: Prisma.OrgUnitCreateManyInput[]) {
    const { instansiId, random } = this;
    const yearId = randomUUID();
    this.years.push({ id: yearId, instansiId, year, cadence: "QUARTERLY" });
    const periodIds = new Map<string, { id: string; endsOn: Date }>();
    for (const span of periodsOfYear(year, "QUARTERLY")) {
      const id = randomUUID();
      periodIds.set(`${span.kind}${span.number}`, { id, endsOn: span.endsOn });
      this.periods.push({ id, instansiId, yearId, ...span });
    }
    const finished = year === 2025;
    // Quarters with results: all of 2025; 2026 up to the third quarter (the last one still under review).
    const quarters = finished ? [1, 2, 3, 4] : [1, 2, 3];
    const unitPredikat = new Map<string, UnitPredikat>();
    if (finished) {
      for (const unit of units) {
        const predikat = random.pick<UnitPredikat>(["ISTIMEWA", "BAIK", "BAIK", "BAIK", "BUTUH_PERBAIKAN"]);
        unitPredikat.set(unit.id!, predikat);
        this.unitPerformances.push({ instansiId, unitId: unit.id!, yearId, predikat });
      }
    }
    const mainRhkOf = new Map<string, string>();
    const supervisorOf = new Map(people.map((p) => [p.id, p.supervisorId]));
    /** The Atasan Pejabat Penilai: the assessor's own superior. */
    const reviewerOf = (person: Person) => (person.supervisorId ? (supervisorOf.get(person.supervisorId) ?? null) : null);
    for (const person of people) {
      const skpId = randomUUID();
      this.skps.push({ id: skpId, instansiId, employeeId: person.id, yearId, assessorId: person.supervisorId, status: "AGREED", ...skpAttachment });
      const mainRhkId = randomUUID();
      mainRhkOf.set(person.id, mainRhkId);
      const parentRhkId = person.supervisorId ? (mainRhkOf.get(person.supervisorId) ?? null) : null;
      this.rhks.push({ id: mainRhkId, instansiId, skpId, kind: "UTAMA", description: person.result, parentRhkId, position: 0 });
      const extraRhkId = randomUUID();
      this.rhks.push({ id: extraRhkId, instansiId, skpId, kind: "TAMBAHAN", description: "Mengembangkan kompetensi diri", position: 0 });

      const results: Array<{ main: boolean; target: number; direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER"; realised: number | null }> = [];
      const planned: Array<[string, IndicatorTemplate, boolean]> = [
        ...person.indicators.map((t) => [mainRhkId, t, true] as [string, IndicatorTemplate, boolean]),
        [extraRhkId, competencyIndicator, false],
      ];
      for (const [rhkId, template, main] of planned) {
        const indicatorId = randomUUID();
        const direction = template.direction ?? "HIGHER_IS_BETTER";
        this.indicators.push({
          id: indicatorId,
          instansiId,
          rhkId,
          aspect: template.aspect,
          // A JPT's SKP answers to perspectives: service users for its main results, internal strengthening for its own development.
          ...(person.level === "head" ? { perspective: main ? ("PENERIMA_LAYANAN" as const) : ("PENGUATAN_INTERNAL" as const) } : {}),
          description: template.description,
          targetValue: template.target,
          targetUnit: template.unit,
          direction,
        });
        let latest: number | null = null;
        for (const quarter of quarters) {
          const period = periodIds.get(`QUARTER${quarter}`)!;
          const value = this.realised(template, person.form, quarter);
          const underReview = !finished && quarter === 3 && random.next() < 0.4;
          this.realisations.push({
            instansiId,
            indicatorId,
            periodId: period.id,
            value,
            status: underReview ? "SUBMITTED" : "APPROVED",
            submittedAt: period.endsOn,
            reviewerId: underReview ? null : person.supervisorId,
            reviewedAt: underReview ? null : period.endsOn,
            evidenceUrl: `https://arsip.example.go.id/kinerja/${year}/q${quarter}/${indicatorId.slice(0, 8)}.pdf`,
          });
          if (!underReview) latest = value;
        }
        results.push({ main, target: template.target, direction, realised: latest });
      }
      if (finished) this.evaluate(person, skpId, periodIds.get("YEAR0")!, results, unitPredikat, reviewerOf(person));
      else this.logMonth(person, mainRhkId, "2026-10");
      if (random.next() < 0.3) {
        const trainingId = randomUUID();
        const recommended = this.recommendations.get(person.id);
        if (!finished && recommended) Object.assign(recommended, { trainingRecordId: trainingId, closedAt: new Date(Date.UTC(year, 4, 14)) });
        this.trainings.push({
          id: trainingId,
          instansiId,
          employeeId: person.id,
          title: random.pick(["Pelatihan Pelayanan Prima", "Diklat Manajemen Kinerja", "Pelatihan Analisis Data SPSS", "Bimtek SAKIP"]),
          provider: random.pick(["BPSDM Provinsi", "BKPSDM", "LAN RI"]),
          startsOn: new Date(Date.UTC(year, 4, 12)),
          endsOn: new Date(Date.UTC(year, 4, 14)),
          hours: 24,
        });
      }
    }
  }

  private workCalendar: WorkCalendar = { workDaysPerWeek: 5, holidays: new Set() };

  /** A five-day week with national days off of the year that fall on weekdays, in every region's calendar. */
  calendar(year: number) {
    const days: Array<[string, string]> = [
      [`${year}-01-01`, "Tahun Baru Masehi"],
      [`${year}-05-01`, "Hari Buruh Internasional"],
      [`${year}-06-01`, "Hari Lahir Pancasila"],
      [`${year}-08-17`, "Hari Kemerdekaan Republik Indonesia"],
      [`${year}-12-25`, "Hari Raya Natal"],
    ];
    for (const [day, name] of days) this.holidays.push({ instansiId: this.instansiId, date: new Date(day), name });
    this.workCalendar = { workDaysPerWeek: 5, holidays: new Set(days.map(([day]) => day)) };
  }

  /**
   * A month of daily work: most working days logged with one or two
   * entries, most approved the next day; the last week partly awaiting
   * review, a few returned with a note, a few late and a few days missed.
   */
  private logMonth(person: Person, rhkId: string, month: string) {
    const { instansiId, random, workCalendar: calendar } = this;
    if (!person.supervisorId) return; // heads of region-level units answer to the sekda, who is not in the demo
    const days = daysOfMonth(month).filter((day) => isWorkingDay(day, calendar));
    const lastWeek = days.slice(-5);
    const tasks = ["Menyiapkan bahan", "Melaksanakan kegiatan", "Menyusun laporan", "Rapat koordinasi", "Verifikasi data", "Pelayanan langsung"];
    for (const day of days) {
      if (random.next() < 0.06) continue; // a day not logged
      const pieces = random.next() < 0.5 ? 1 : 2;
      for (let piece = 0; piece < pieces; piece++) {
        const late = random.next() < 0.05;
        // 16:00 WIB on the day, or past the two grace days.
        const submittedAt = new Date(`${late ? addDays(logDeadline(day, 2, calendar), 1) : day}T09:00:00Z`);
        const returned = random.next() < 0.03;
        const pending = !returned && lastWeek.includes(day) && random.next() < 0.5;
        const status = returned ? "RETURNED" : pending ? "SUBMITTED" : "APPROVED";
        this.workLog.push({
          instansiId,
          employeeId: person.id,
          rhkId,
          date: new Date(day),
          activity: `${random.pick(tasks)}: ${person.result.toLowerCase()}`,
          output: random.pick(["1 laporan", "1 dokumen", "2 berkas", "1 notulen", "10 layanan"]),
          minutes: Math.round(random.between(360, 450) / pieces / 15) * 15,
          status,
          submittedAt,
          late,
          reviewerId: status === "SUBMITTED" ? null : person.supervisorId,
          reviewedAt: status === "SUBMITTED" ? null : new Date(`${addDays(day, 1)}T03:00:00Z`),
          reviewComment: returned ? "Lengkapi keluaran dan jumlah yang dilayani." : null,
        });
      }
    }
  }

  /** A realisation near the target, cumulative for counts, shaped by the person's form. */
  private realised(template: IndicatorTemplate, form: number, quarter: number): number {
    const noise = this.random.between(0.93, 1.07) * form;
    const raw =
      template.direction === "LOWER_IS_BETTER"
        ? template.target / noise
        : template.cumulative
          ? (template.target * quarter * noise) / 4
          : Math.min(template.unit === "%" ? 100 : Infinity, template.target * noise);
    return Math.round(raw * 100) / 100;
  }

  private evaluate(
    person: Person,
    skpId: string,
    period: { id: string; endsOn: Date },
    indicators: Parameters<typeof finalRating>[0]["indicators"],
    unitPredikat: Map<string, UnitPredikat>,
    reviewerId: string | null,
  ) {
    const { instansiId, random } = this;
    const evaluationId = randomUUID();
    const levels: RatingLevel[] = berakhlak.map(() => {
      const roll = random.next() * person.form;
      return roll > 0.75 ? "DI_ATAS_EKSPEKTASI" : roll > 0.2 ? "SESUAI_EKSPEKTASI" : "DI_BAWAH_EKSPEKTASI";
    });
    if (person.supervisorId) {
      berakhlak.forEach((value, i) =>
        this.ratings.push({ instansiId, evaluationId, raterId: person.supervisorId!, source: "SUPERVISOR", value, level: levels[i]! }),
      );
    }
    const headsUnit = person.level !== "staff";
    const rating = finalRating({
      indicators,
      assessorBehaviourLevels: levels,
      headedUnitPredikat: headsUnit ? (unitPredikat.get(person.unitId) ?? null) : null,
    });
    if (!rating.ok) throw new Error(`Demo data cannot be rated: ${rating.reason}`);
    const evaluation = {
      id: evaluationId,
      instansiId,
      skpId,
      periodId: period.id,
      status: "FINAL" as const,
      hasilKerja: rating.hasilKerja,
      perilakuKerja: rating.perilakuKerja,
      predikat: rating.predikat,
      finalisedById: person.supervisorId,
      // Reviewed by the assessor's superior where there is one, final on the day they agreed.
      reviewerId,
      reviewedAt: reviewerId ? new Date(Date.UTC(2026, 0, 15)) : null,
      finalisedAt: new Date(Date.UTC(2026, 0, 15)),
    };
    this.evaluations.push(evaluation);
    if (reviewerId) this.objectTo(evaluation, person, reviewerId);
    // Below Baik, the assessor recommends development for the new year (no draw from the generator: the rest of the demo stays as it was).
    if (person.supervisorId && evaluation.predikat !== "SANGAT_BAIK" && evaluation.predikat !== "BAIK") {
      this.recommendations.set(person.id, {
        instansiId,
        employeeId: person.id,
        evaluationId,
        title: evaluation.perilakuKerja === "DI_BAWAH_EKSPEKTASI" ? "Pelatihan Pelayanan Prima" : "Diklat Manajemen Kinerja",
        targetDate: new Date(Date.UTC(2026, 5, 30)),
        recommendedById: person.supervisorId,
      });
    }
  }

  /**
   * In each region one employee with a predikat below Baik objects and the
   * reviewer upholds it (the rating below expectation goes up to as
   * expected), and one rated Baik objects and is turned down.
   */
  private objectTo(evaluation: Prisma.EvaluationCreateManyInput & { hasilKerja: RatingLevel; perilakuKerja: RatingLevel; predikat: Predikat }, person: Person, reviewerId: string) {
    const below = evaluation.predikat !== "SANGAT_BAIK" && evaluation.predikat !== "BAIK";
    const upheld = below && !this.objections.some((o) => o.status === "UPHELD");
    const rejected = evaluation.predikat === "BAIK" && !this.objections.some((o) => o.status === "REJECTED");
    if (!upheld && !rejected) return;
    const before = evaluation.predikat;
    if (upheld) {
      if (evaluation.hasilKerja === "DI_BAWAH_EKSPEKTASI") evaluation.hasilKerja = "SESUAI_EKSPEKTASI";
      else evaluation.perilakuKerja = "SESUAI_EKSPEKTASI";
      evaluation.predikat = predikatFor(evaluation.hasilKerja, evaluation.perilakuKerja);
    }
    this.objections.push({
      instansiId: this.instansiId,
      evaluationId: evaluation.id!,
      employeeId: person.id,
      reason: upheld
        ? "Capaian triwulan IV sudah disetujui tetapi belum diperhitungkan dalam penilaian tahunan."
        : "Capaian seluruh indikator melampaui target; predikat Sangat Baik lebih tepat.",
      filedAt: new Date(Date.UTC(2026, 0, 20)),
      status: upheld ? "UPHELD" : "REJECTED",
      deciderId: reviewerId,
      decidedById: reviewerId,
      decidedAt: new Date(Date.UTC(2026, 0, 27)),
      decisionNote: upheld ? "Bukti capaian triwulan IV diterima; hasil kerja sesuai ekspektasi." : "Perilaku kerja sesuai ekspektasi, sehingga predikat tetap Baik.",
      predikatBefore: before,
      predikatAfter: evaluation.predikat,
    });
  }

  async save(prisma: PrismaClient) {
    await prisma.performanceYear.createMany({ data: this.years });
    await prisma.period.createMany({ data: this.periods });
    await prisma.unitPerformance.createMany({ data: this.unitPerformances });
    await prisma.skp.createMany({ data: this.skps });
    await prisma.rhk.createMany({ data: this.rhks });
    await prisma.indicator.createMany({ data: this.indicators });
    await prisma.realisation.createMany({ data: this.realisations });
    await prisma.evaluation.createMany({ data: this.evaluations });
    await prisma.behaviourRating.createMany({ data: this.ratings });
    await prisma.objection.createMany({ data: this.objections });
    await prisma.trainingRecord.createMany({ data: this.trainings });
    await prisma.developmentRecommendation.createMany({ data: [...this.recommendations.values()] });
    await prisma.holiday.createMany({ data: this.holidays });
    await prisma.workLogEntry.createMany({ data: this.workLog });
  }
}
