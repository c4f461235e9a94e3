import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupedNip } from "../src/domain/nip.ts";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { payloadOf } from "./support/payload.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";

// An ASN's working year over HTTP, the clock moving with it: staff logs
// October 2026 (the last day a week late), kasi approves, the admin pays
// October's TPP (Bangka Belitung's rules) and the test pays it by hand; in
// December kasi evaluates the year, kepala sends it back once and then
// agrees; in January staff objects and kepala upholds the objection; the
// cycle's SKP and evaluation documents print what was decided.

const logWork = graphql(`mutation YearLog($input: LogWorkInput!) { logWork(input: $input) { __typename ... on Error { message } ... on LogWorkPayload { entry { id late } } } }`);
const queue = graphql(`query YearQueue { workLogQueue(first: 50) { edges { node { id } } } }`);
const approve = graphql(`mutation YearApprove($input: ReviewWorkLogInput!) { reviewWorkLog(input: $input) { __typename ... on Error { message } } }`);
const monthOf = graphql(`query YearMonth($id: ID!) { node(id: $id) { ... on Employee { workLogMonth(month: "2026-10") { workingDays effectiveMinutes approvedMinutes lateDays } } } }`);
const setRules = graphql(`mutation YearRules($input: SetTppRulesInput!) { setTppRules(input: $input) { __typename ... on Error { message } } }`);
const record = graphql(`mutation YearInputs($input: RecordTppInputsInput!) { recordTppInputs(input: $input) { __typename ... on Error { message } } }`);
const runTpp = graphql(`mutation YearTpp($input: RunTppInput!) {
  runTpp(input: $input) { __typename ... on Error { message } ... on RunTppPayload { run { lines { nip achievement performanceAmount disciplineAmount gross net } } } }
}`);
const finalise = graphql(`mutation YearFinalise($input: FinaliseEvaluationInput!) {
  finaliseEvaluation(input: $input) { __typename ... on Error { message } ... on FinaliseEvaluationPayload { evaluation { id status } } }
}`);
const review = graphql(`mutation YearReview($input: ReviewEvaluationInput!) {
  reviewEvaluation(input: $input) { __typename ... on Error { message } ... on ReviewEvaluationPayload { evaluation { status predikat } } }
}`);
const object = graphql(`mutation YearObject($input: FileObjectionInput!) {
  fileObjection(input: $input) { __typename ... on Error { message } ... on FileObjectionPayload { objection { id } } }
}`);
const decide = graphql(`mutation YearDecide($input: DecideObjectionInput!) {
  decideObjection(input: $input) { __typename ... on Error { message } ... on DecideObjectionPayload { objection { status predikatBefore predikatAfter evaluation { predikat predikatLabel } } } }
}`);

describe.each(databaseKinds)("an ASN's working year on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let now = new Date();
  /** Moves the clock to a moment, given in UTC. */
  const at = (instant: string) => void (now = new Date(instant));
  beforeAll(async () => {
    api = await startApi(kind, {}, { clock: () => now });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  it("logs, approves, pays TPP, evaluates, reviews, and decides an objection", async () => {
    // October 2026: 22 working days, 420 minutes each, logged at 17:00 WIB the same day; the 30th only on 6 November.
    const days = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, "0")}`).filter((day) => ![0, 6].includes(new Date(day).getUTCDay()));
    for (const day of days) {
      at(day === "2026-10-30" ? "2026-11-06T10:00:00Z" : `${day}T10:00:00Z`);
      const input = { rhkId: org.ids.rhk, indicatorId: org.ids.indicator, date: day, activity: "Pelayanan dan pencatatan imunisasi", minutes: 420 };
      expect(payloadOf(await api.request(org.tokens.staff!, logWork, { input }))).toMatchObject({ entry: { late: day === "2026-10-30" } });
    }
    // kasi approves everything waiting, on 6 November.
    const waiting = (await api.request(org.tokens.kasi!, queue)).data!.workLogQueue.edges.map((edge) => edge.node.id);
    expect(waiting).toHaveLength(22);
    payloadOf(await api.request(org.tokens.kasi!, approve, { input: { entryIds: waiting, decision: "APPROVE" } }));
    const month = (await api.request(org.tokens.staff!, monthOf, { id: org.ids.staff })).data!.node;
    expect(month).toEqual({ workLogMonth: { workingDays: 22, effectiveMinutes: 9900, approvedMinutes: 9240, lateDays: 1 } });

    // 10 November: October's TPP under Bangka Belitung's rules, and by hand.
    at("2026-11-10T02:00:00Z");
    const staffNip = (await api.prisma.employee.findUniqueOrThrow({ where: { id: org.people.staff!.id } })).nip;
    payloadOf(await api.request(org.tokens.admin!, setRules, { input: { preset: "BANGKA_BELITUNG" } }));
    payloadOf(await api.request(org.tokens.admin!, record, { input: { month: "2026-10", rows: [{ nip: staffNip, baseAmount: 4_000_000, absentDays: 1, lateArrivals: 2 }] } }));
    const performancePart = (4_000_000 * 60) / 100; // 2,400,000
    const achievement = (9240 / 9900) * 100; // 93.33…%: the 90% band pays 90%
    const performanceAmount = (performancePart * 90) / 100; // 2,160,000
    const disciplinePart = 4_000_000 - performancePart; // 1,600,000
    const disciplineAmount = disciplinePart - (disciplinePart * 3) / 100 - (disciplinePart * 2 * 1) / 100; // one absent day at 3%, two late arrivals at 1%
    const gross = performanceAmount + disciplineAmount;
    const net = gross - (gross * 10) / 100; // the 30th came in after 5 November
    const tpp = payloadOf(await api.request(org.tokens.admin!, runTpp, { input: { month: "2026-10" } }));
    expect(tpp).toMatchObject({ run: { lines: [{ nip: staffNip, achievement: Math.floor(achievement * 100) / 100, performanceAmount, disciplineAmount, gross, net }] } });
    expect(net).toBe(3_312_000);

    // December: kasi evaluates 2026; kepala, kasi's superior, sends it back once, then agrees.
    at("2026-12-21T02:00:00Z");
    const ratings = { skpId: org.ids.skp, periodId: org.ids.annual, hasilKerja: "SESUAI_EKSPEKTASI" as const, perilakuKerja: "SESUAI_EKSPEKTASI" as const };
    const submitted = payloadOf(await api.request(org.tokens.kasi!, finalise, { input: ratings }));
    const evaluationId = submitted.__typename === "FinaliseEvaluationPayload" ? submitted.evaluation.id : "";
    expect(submitted).toMatchObject({ evaluation: { status: "IN_REVIEW" } });
    expect(payloadOf(await api.request(org.tokens.kepala!, review, { input: { evaluationId, agree: false, note: "Lampirkan rekap log harian Oktober–Desember." } }))).toMatchObject({
      evaluation: { status: "OPEN" },
    });
    payloadOf(await api.request(org.tokens.kasi!, finalise, { input: ratings }));
    at("2026-12-28T02:00:00Z");
    expect(payloadOf(await api.request(org.tokens.kepala!, review, { input: { evaluationId, agree: true } }))).toMatchObject({ evaluation: { status: "FINAL", predikat: "BAIK" } });

    // January: staff objects within 14 days; kepala upholds it.
    at("2027-01-05T02:00:00Z");
    const filed = payloadOf(await api.request(org.tokens.staff!, object, { input: { evaluationId, reason: "Seluruh log harian disetujui dan capaian imunisasi melampaui target." } }));
    const objectionId = filed.__typename === "FileObjectionPayload" ? filed.objection.id : "";
    const decided = payloadOf(
      await api.request(org.tokens.kepala!, decide, {
        input: { objectionId, uphold: true, hasilKerja: "DI_ATAS_EKSPEKTASI", perilakuKerja: "DI_ATAS_EKSPEKTASI", note: "Capaian dan perilaku terbukti di atas ekspektasi." },
      }),
    );
    expect(decided).toMatchObject({ objection: { status: "UPHELD", predikatBefore: "BAIK", predikatAfter: "SANGAT_BAIK", evaluation: { predikat: "SANGAT_BAIK", predikatLabel: "Sangat Baik" } } });

    // The cycle's documents: the SKP and the annual evaluation as decided, with the three parties.
    const nips = await api.prisma.employee.findMany({ where: { id: { in: [org.people.staff!.id, org.people.kasi!.id, org.people.kepala!.id] } }, select: { nip: true } });
    for (const path of [`/documents/skp/${encodeURIComponent(org.ids.skp)}.pdf`, `/documents/evaluation/${encodeURIComponent(evaluationId)}.pdf`]) {
      const response = await api.yoga.fetch(`http://kinerja.test${path}`, { headers: { authorization: `Bearer ${org.tokens.staff!}` } });
      expect(response.status).toBe(200);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true });
      const flat = text.replace(/\s+/g, " ");
      for (const { nip } of nips) expect(flat).toContain(groupedNip(nip));
      expect(flat).toContain("Persentase bayi diimunisasi lengkap");
      if (path.includes("evaluation")) expect(flat).toMatch(/PREDIKAT KINERJA PEGAWAI Sangat Baik/);
    }
  });
});
