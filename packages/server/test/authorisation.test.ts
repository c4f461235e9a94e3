import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { tppPresets } from "../src/domain/tpp.ts";
import { schema } from "../src/schema/index.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { gid, seedOrganisation, testNip, type Organisation } from "./support/organisation.ts";
import { databaseFingerprint } from "./support/snapshot.ts";
import { responseInput, solvedProof } from "./support/surveys.ts";

// Every role against every mutation, each on a fresh organisation. Callers
// from another instansi (foreignAdmin, foreignSupervisor) always use IDs of
// this one: they must learn nothing (NotFoundError) or be refused by role.
// A refused call must leave every row of the database as it was.

const roles = ["anonymous", "admin", "kepala", "kasi", "kasiLain", "staff", "peer", "foreignAdmin", "foreignSupervisor"] as const;
type RoleName = (typeof roles)[number];
// A foreign admin acting on their own instansi can also meet its own refusals (an unknown NIP, no rule set yet).
type Outcome = "ok" | "ForbiddenError" | "NotFoundError" | "InputValidationError" | "ConflictError";

interface MutationCase {
  name: string;
  input: (org: Organisation, api: Api) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Roles that succeed; every other role gets `denied[role]` or ForbiddenError. */
  allowed: RoleName[];
  denied?: Partial<Record<RoleName, Outcome>>;
}

const foreignNotFound = { foreignAdmin: "NotFoundError", foreignSupervisor: "NotFoundError" } as const;
const foreignAdminNotFound = { foreignAdmin: "NotFoundError" } as const;
const foreignSupervisorNotFound = { foreignSupervisor: "NotFoundError" } as const;

const cases: MutationCase[] = [
  {
    name: "createUnit",
    input: (org) => ({ name: "Bidang Pencegahan Penyakit", slug: "bidang-p2p", parentId: org.ids.unit }),
    allowed: ["admin"],
    denied: foreignAdminNotFound,
  },
  { name: "updateUnit", input: (org) => ({ id: org.ids.unit, name: "Dinas Kesehatan Kota" }), allowed: ["admin"], denied: foreignAdminNotFound },
  {
    name: "createEmployee",
    input: (org) => ({ nip: testNip("FEMALE"), name: "Sri Wahyuni", position: "Bidan", rank: "Penata Muda (III/a)", unitId: org.ids.unit }),
    allowed: ["admin"],
    denied: foreignAdminNotFound,
  },
  { name: "updateEmployee", input: (org) => ({ id: org.ids.staff, position: "Pengelola Imunisasi" }), allowed: ["admin"], denied: foreignAdminNotFound },
  { name: "revokeAccessTokens", input: (org) => ({ employeeId: org.ids.peer }), allowed: ["admin"], denied: foreignAdminNotFound },
  { name: "issueAccessToken", input: (org) => ({ employeeId: org.ids.peer, role: "EMPLOYEE" }), allowed: ["admin"], denied: foreignAdminNotFound },
  {
    name: "addFeedbackNote",
    input: (org) => ({ employeeId: org.ids.staff, body: "Laporan imunisasi bulan ini sudah rapi." }),
    allowed: ["staff", "kasi"],
    denied: foreignSupervisorNotFound,
  },
  {
    name: "recordTraining",
    input: (org) => ({ employeeId: org.ids.staff, title: "Pelatihan Cold Chain Vaksin", provider: "Dinkes Provinsi", startsOn: "2026-03-02", endsOn: "2026-03-04", hours: 24 }),
    allowed: ["admin", "staff"],
    denied: foreignNotFound,
  },
  { name: "createPerformanceYear", input: () => ({ year: 2027, cadence: "MONTHLY" }), allowed: ["admin", "foreignAdmin"] },
  // By year number: a foreign admin closes their own instansi's 2026, never this one's.
  { name: "closePerformanceYear", input: () => ({ year: 2026 }), allowed: ["admin", "foreignAdmin"] },
  { name: "createSkp", input: (org) => ({ employeeId: org.ids.kasi, year: 2026 }), allowed: ["admin", "kepala", "kasi"], denied: foreignNotFound },
  {
    name: "setSkpAttachment",
    input: (org) => ({ skpId: org.ids.draftSkp, resourceSupport: ["Aplikasi SKDR"], accountability: ["Laporan mingguan"], consequences: ["Dasar TPP"] }),
    allowed: ["admin", "kasi", "peer"],
    denied: foreignNotFound,
  },
  {
    name: "addRhk",
    input: (org) => ({ skpId: org.ids.draftSkp, kind: "TAMBAHAN", description: "Membina kader posyandu" }),
    allowed: ["admin", "kasi", "peer"],
    denied: foreignNotFound,
  },
  {
    name: "addIndicator",
    input: (org) => ({ rhkId: org.ids.draftRhk, aspect: "KUALITAS", description: "Kelengkapan laporan", target: 100, targetUnit: "%" }),
    allowed: ["admin", "kasi", "peer"],
    denied: foreignNotFound,
  },
  { name: "agreeSkp", input: (org) => ({ skpId: org.ids.draftSkp }), allowed: ["kasi"], denied: foreignSupervisorNotFound },
  {
    name: "submitRealisation",
    input: (org) => ({ indicatorId: org.ids.indicator, periodId: org.ids.q2, value: 97.1, evidenceUrl: "https://dinkes.example.go.id/laporan/q2.pdf" }),
    allowed: ["staff"],
    denied: foreignSupervisorNotFound,
  },
  {
    name: "reviewRealisation",
    input: (org) => ({ realisationId: org.ids.realisation, decision: "APPROVE" }),
    allowed: ["kasi"],
    denied: foreignSupervisorNotFound,
  },
  {
    name: "rateBehaviour",
    input: (org) => ({ skpId: org.ids.skp, periodId: org.ids.q1, ratings: [{ value: "BERORIENTASI_PELAYANAN", level: "SESUAI_EKSPEKTASI" }] }),
    allowed: ["staff", "kasi", "peer"],
    denied: foreignSupervisorNotFound,
  },
  {
    name: "submitEvaluationInput",
    input: (org) => ({ skpId: org.ids.skp, periodId: org.ids.q1, hasilKerja: "SESUAI_EKSPEKTASI", comment: "Target imunisasi tercapai." }),
    allowed: ["staff", "kasi", "peer"],
    denied: foreignSupervisorNotFound,
  },
  {
    name: "finaliseEvaluation",
    input: (org) => ({ skpId: org.ids.skp, periodId: org.ids.q1, perilakuKerja: "SESUAI_EKSPEKTASI" }),
    allowed: ["kasi"],
    denied: foreignSupervisorNotFound,
  },
  { name: "setUnitPredikat", input: (org) => ({ unitId: org.ids.unit, year: 2026, predikat: "BAIK" }), allowed: ["admin"], denied: foreignAdminNotFound },
  {
    name: "createSurvey",
    input: (org) => ({
      unitId: org.ids.unit,
      slug: `${org.instansi.slug}-posyandu`,
      serviceName: "Pelayanan Posyandu",
      periods: [{ label: "Semester I 2027", startsOn: "2027-01-01", endsOn: "2027-06-30", serviceUsers: 800 }],
    }),
    allowed: ["admin"],
    denied: foreignAdminNotFound,
  },
  {
    name: "addSurveyPeriod",
    input: (org) => ({ surveyId: org.ids.survey, period: { label: "Tahun 2099", startsOn: "2099-01-01", endsOn: "2099-12-31", serviceUsers: 900 } }),
    allowed: ["admin"],
    denied: foreignAdminNotFound,
  },
  { name: "setSurveyServiceUsers", input: (org) => ({ periodId: org.ids.surveyPeriod, serviceUsers: 1200 }), allowed: ["admin"], denied: foreignAdminNotFound },
  { name: "setSurveyStatus", input: (org) => ({ surveyId: org.ids.survey, status: "CLOSED" }), allowed: ["admin"], denied: foreignAdminNotFound },
  { name: "publishScorecard", input: (org) => ({ unitId: org.ids.unit, published: true }), allowed: ["admin"], denied: foreignAdminNotFound },
  {
    // Public: anyone may answer a survey, with or without a token.
    name: "submitSurveyResponse",
    input: async (org, api) => ({ ...responseInput(org.survey.slug, [4, 3, 3, 4, 3, 4, 4, 3, 3]), proofOfWork: await solvedProof(api) }),
    allowed: [...roles],
  },
  {
    name: "recommendDevelopment",
    input: async (org, api) => {
      const evaluation = await api.prisma.evaluation.create({ data: { instansiId: org.instansi.id, skpId: org.skp.id, periodId: org.q1.id, status: "FINAL" } });
      return { evaluationId: gid("Evaluation", evaluation.id), title: "Pelatihan analisis data imunisasi", targetDate: "2026-12-31" };
    },
    allowed: ["kasi"],
    denied: foreignSupervisorNotFound,
  },
  // The review chain: kasi assesses staff, kepala (kasi's superior) reviews and decides objections.
  {
    name: "reviewEvaluation",
    input: async (org, api) => ({ evaluationId: await annualEvaluation(org, api, "IN_REVIEW"), agree: false, note: "Bukti capaian triwulan IV belum dilampirkan." }),
    allowed: ["kepala"],
    denied: foreignSupervisorNotFound,
  },
  {
    name: "fileObjection",
    input: async (org, api) => ({ evaluationId: await annualEvaluation(org, api, "FINAL"), reason: "Capaian imunisasi melampaui target, belum dihitung." }),
    allowed: ["staff"],
    denied: foreignSupervisorNotFound,
  },
  {
    name: "decideObjection",
    input: async (org, api) => {
      const evaluationId = decodeGlobalID(await annualEvaluation(org, api, "FINAL")).id;
      const objection = await api.prisma.objection.create({
        data: { instansiId: org.instansi.id, evaluationId, employeeId: org.people.staff!.id, reason: "Capaian belum dihitung.", deciderId: org.people.kepala!.id, predikatBefore: "BAIK" },
      });
      return { objectionId: gid("Objection", objection.id), uphold: true, hasilKerja: "DI_ATAS_EKSPEKTASI", note: "Bukti capaian diterima." };
    },
    allowed: ["kepala"],
    denied: foreignNotFound,
  },
  { name: "setObjectionWindow", input: () => ({ objectionWindowDays: 21 }), allowed: ["admin", "foreignAdmin"] },
  // A survey unit's follow-up plan: its head (kepala heads the dinas) and the admin.
  {
    name: "planFollowUp",
    input: (org) => ({ surveyPeriodId: org.ids.surveyPeriod, element: "U8", action: "Membuka kanal pengaduan WhatsApp", responsible: "Kepala Seksi Pelayanan", dueOn: "2026-12-31" }),
    allowed: ["admin", "kepala"],
    denied: foreignNotFound,
  },
  {
    name: "updateFollowUp",
    input: async (org, api) => {
      const action = await api.prisma.followUpAction.create({
        data: { instansiId: org.instansi.id, surveyPeriodId: org.surveyPeriod.id, element: "U8", action: "Membuka kanal pengaduan WhatsApp", responsible: "Kepala Seksi Pelayanan", dueOn: new Date("2026-12-31") },
      });
      return { id: gid("FollowUpAction", action.id), status: "IN_PROGRESS" };
    },
    allowed: ["admin", "kepala"],
    denied: foreignNotFound,
  },
  // Paper questionnaires of the survey's unit: its head (kepala) and the admin type them in.
  {
    name: "enterPaperResponses",
    input: (org) => ({
      surveyId: org.ids.survey,
      questionnaires: [{ formNumber: "001", answeredOn: new Date().toISOString().slice(0, 10), answers: ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"].map((element) => ({ element, value: 3 })) }],
    }),
    allowed: ["admin", "kepala"],
    denied: foreignNotFound,
  },
  // Community forums: the admin records them; the unit's head (kepala) and the admin record and track its commitments.
  {
    name: "recordForum",
    input: () => ({ title: "Musyawarah Kelurahan Sidorejo", kind: "MUSYAWARAH_DESA", heldOn: "2026-01-15", place: "Balai Kelurahan", participants: 40, aspirations: ["Posyandu buka sore"] }),
    allowed: ["admin", "foreignAdmin"],
  },
  {
    name: "addForumCommitment",
    input: async (org, api) => {
      const forum = await api.prisma.communityForum.create({ data: { instansiId: org.instansi.id, title: "Musyawarah Kelurahan", kind: "MUSYAWARAH_DESA", heldOn: new Date("2026-01-15"), place: "Balai Kelurahan", participants: 40 } });
      return { forumId: gid("CommunityForum", forum.id), unitId: org.ids.unit, commitment: "Posyandu sore di RW 03 mulai Februari" };
    },
    allowed: ["admin", "kepala"],
    denied: foreignNotFound,
  },
  {
    name: "updateForumCommitment",
    input: async (org, api) => {
      const forum = await api.prisma.communityForum.create({ data: { instansiId: org.instansi.id, title: "Musyawarah Kelurahan", kind: "MUSYAWARAH_DESA", heldOn: new Date("2026-01-15"), place: "Balai Kelurahan", participants: 40 } });
      const commitment = await api.prisma.forumCommitment.create({ data: { instansiId: org.instansi.id, forumId: forum.id, unitId: org.unit.id, commitment: "Posyandu sore di RW 03 mulai Februari" } });
      return { id: gid("ForumCommitment", commitment.id), status: "IN_PROGRESS" };
    },
    allowed: ["admin", "kepala"],
    denied: foreignNotFound,
  },
  // TPP: each admin sets, records and runs their own instansi's allowance.
  { name: "setTppRules", input: () => ({ preset: "KEPAHIANG" }), allowed: ["admin", "foreignAdmin"] },
  {
    name: "recordTppInputs",
    input: async (org, api) => {
      const staff = await api.prisma.employee.findUniqueOrThrow({ where: { id: org.people.staff!.id } });
      return { month: "2026-10", rows: [{ nip: staff.nip, baseAmount: 3_000_000, absentDays: 0, lateArrivals: 0 }] };
    },
    allowed: ["admin"],
    // Another instansi's NIP is unknown to a foreign admin.
    denied: { foreignAdmin: "InputValidationError" },
  },
  {
    name: "runTpp",
    input: async (org, api) => {
      await api.prisma.instansi.update({ where: { id: org.instansi.id }, data: { tppRules: tppPresets.KEPAHIANG } });
      await api.prisma.tppInput.create({ data: { instansiId: org.instansi.id, employeeId: org.people.staff!.id, month: "2026-10", baseAmount: 3_000_000 } });
      return { month: "2026-10" };
    },
    allowed: ["admin"],
    // The foreign admin's instansi has no rule set.
    denied: { foreignAdmin: "ConflictError" },
  },
  // The daily work log: the SKP's owner writes, its assessor reviews.
  {
    name: "logWork",
    input: (org) => ({ rhkId: org.ids.rhk, indicatorId: org.ids.indicator, date: "2026-03-02", activity: "Rekap PWS imunisasi", minutes: 90 }),
    allowed: ["staff"],
    denied: foreignSupervisorNotFound,
  },
  { name: "updateWorkLogEntry", input: async (org, api) => ({ id: await workLogEntry(org, api, "DRAFT"), minutes: 60 }), allowed: ["staff"], denied: foreignSupervisorNotFound },
  { name: "deleteWorkLogEntry", input: async (org, api) => ({ id: await workLogEntry(org, api, "RETURNED") }), allowed: ["staff"], denied: foreignSupervisorNotFound },
  {
    name: "reviewWorkLog",
    input: async (org, api) => ({ entryIds: [await workLogEntry(org, api, "SUBMITTED")], decision: "APPROVE" }),
    allowed: ["kasi"],
    denied: foreignSupervisorNotFound,
  },
  // Each admin sets their own instansi's calendar.
  { name: "setWorkCalendar", input: () => ({ workDaysPerWeek: 6, workLogGraceDays: 3 }), allowed: ["admin", "foreignAdmin"] },
  // Each admin imports into their own instansi (both have a unit of that name).
  {
    name: "importRoster",
    input: () => ({ csv: `NIP;Nama;Jabatan;Pangkat;Unit Kerja\n${testNip("FEMALE")};Sri Wahyuni;Bidan;Penata Muda (III/a);Dinas Kesehatan\n` }),
    allowed: ["admin", "foreignAdmin"],
  },
  { name: "setEvaluationWindow", input: () => ({ evaluationOpensDays: 7 }), allowed: ["admin", "foreignAdmin"] },
  { name: "addHoliday", input: () => ({ date: "2026-12-25", name: "Hari Raya Natal" }), allowed: ["admin", "foreignAdmin"] },
  {
    name: "removeHoliday",
    input: async (org, api) => {
      await api.prisma.holiday.create({ data: { instansiId: org.instansi.id, date: new Date("2026-12-24"), name: "Cuti bersama Natal" } });
      return { date: "2026-12-24" };
    },
    allowed: ["admin"],
    denied: foreignAdminNotFound,
  },
  // Each renews their own token: anyone signed in. Last, as it revokes the shared foreign tokens.
  { name: "renewAccessToken", input: () => ({}), allowed: ["admin", "kepala", "kasi", "kasiLain", "staff", "peer", "foreignAdmin", "foreignSupervisor"] },
];

/** Staff's annual evaluation as kasi left it (Baik), waiting for kepala's review or final since now, by global ID. */
async function annualEvaluation(org: Organisation, api: Api, status: "IN_REVIEW" | "FINAL") {
  const evaluation = await api.prisma.evaluation.create({
    data: {
      instansiId: org.instansi.id,
      skpId: org.skp.id,
      periodId: org.annual.id,
      status,
      hasilKerja: "SESUAI_EKSPEKTASI",
      perilakuKerja: "SESUAI_EKSPEKTASI",
      predikat: "BAIK",
      finalisedById: org.people.kasi!.id,
      finalisedAt: status === "FINAL" ? new Date() : null,
      reviewerId: org.people.kepala!.id,
    },
  });
  return gid("Evaluation", evaluation.id);
}

/** A work log entry of staff's in the given state, by global ID. */
async function workLogEntry(org: Organisation, api: Api, status: "DRAFT" | "SUBMITTED" | "RETURNED") {
  const entry = await api.prisma.workLogEntry.create({
    data: { instansiId: org.instansi.id, employeeId: org.people.staff!.id, rhkId: org.rhk.id, date: new Date("2026-03-03"), activity: "Sweeping imunisasi", minutes: 120, status },
  });
  return gid("WorkLogEntry", entry.id);
}

const capitalised = (name: string) => name[0]!.toUpperCase() + name.slice(1);

describe.each(databaseKinds)("authorisation matrix on %s", (kind) => {
  let api: Api;
  let foreign: Organisation;
  let counter = 0;
  beforeAll(async () => {
    // Anonymous rows test the policy itself, as in a deployment that lets
    // anonymous callers send any query; by default they are stopped earlier
    // (trusted-documents.test.ts).
    api = await startApi(kind, { anonymousOperations: "any" });
    foreign = await seedOrganisation(api.prisma, "kabupaten-lampung-utara");
  });
  afterAll(() => api?.close());

  function tokenFor(role: RoleName, org: Organisation): string | null {
    if (role === "anonymous") return null;
    if (role === "foreignAdmin") return foreign.tokens.admin!;
    if (role === "foreignSupervisor") return foreign.tokens.kasi!;
    return org.tokens[role]!;
  }

  for (const mutation of cases) {
    for (const role of roles) {
      const expected: Outcome = mutation.allowed.includes(role) ? "ok" : (mutation.denied?.[role] ?? "ForbiddenError");
      it(`${mutation.name} by ${role}: ${expected}`, async () => {
        const org = await seedOrganisation(api.prisma, `kota-${counter++}`);
        const input = await mutation.input(org, api);
        const before = expected === "ok" ? null : await databaseFingerprint(api.prisma);
        const result = await api.request(
          tokenFor(role, org),
          `mutation($input: ${capitalised(mutation.name)}Input!) { result: ${mutation.name}(input: $input) { __typename ... on Error { message } } }`,
          { input },
        );
        expect(result.errors, `${JSON.stringify(result.errors)} ${String(api.loggedErrors.at(-1))}`).toBeUndefined();
        const typename = result.data.result.__typename;
        expect(typename, result.data.result.message).toBe(expected === "ok" ? `${capitalised(mutation.name)}Payload` : expected);
        if (before !== null) expect(await databaseFingerprint(api.prisma)).toBe(before);
      });
    }
  }

  it("covers every mutation of the schema", async () => {
    const names = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(names).toEqual(cases.map((c) => c.name).sort());
  });
});
