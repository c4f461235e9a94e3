import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { gid, seedOrganisation, type Organisation } from "./support/organisation.ts";
import { databaseFingerprint } from "./support/snapshot.ts";

// The review chain over HTTP with a set clock: kasi assesses staff's 2026,
// kepala (kasi's superior, the Atasan Pejabat Penilai) sends it back once and
// then agrees; staff objects within the window and kepala decides. Where the
// assessor has no superior (kepala assessing kasi), the evaluation is final
// at once and the admin decides the objection.

const finalise = graphql(`mutation ChainFinalise($input: FinaliseEvaluationInput!) {
  finaliseEvaluation(input: $input) { __typename ... on Error { message } ... on FinaliseEvaluationPayload { evaluation { id status predikat } } }
}`);
const review = graphql(`mutation ChainReview($input: ReviewEvaluationInput!) {
  reviewEvaluation(input: $input) {
    __typename ... on Error { message }
    ... on ReviewEvaluationPayload { evaluation { status predikat reviewNote finalisedAt objectionsCloseOn } }
  }
}`);
const object = graphql(`mutation ChainObject($input: FileObjectionInput!) {
  fileObjection(input: $input) { __typename ... on Error { message } ... on FileObjectionPayload { objection { id status predikatBefore } } }
}`);
const decide = graphql(`mutation ChainDecide($input: DecideObjectionInput!) {
  decideObjection(input: $input) {
    __typename ... on Error { message }
    ... on DecideObjectionPayload { objection { status predikatBefore predikatAfter decisionNote evaluation { predikat hasilKerja perilakuKerja } } }
  }
}`);
const closeYear = graphql(`mutation ChainCloseYear($input: ClosePerformanceYearInput!) { closePerformanceYear(input: $input) { __typename ... on Error { message } } }`);
const queues = graphql(`query ChainQueues { evaluationsToReview { id status skp { id } } objectionsToDecide { id reason } }`);
const skpOf = graphql(`query ChainSkp($id: ID!) { node(id: $id) { ... on Skp { id evaluations { status } } } }`);
const trail = graphql(`query ChainAudit { auditLog(first: 100) { edges { node { entity action before after } } } }`);

describe.each(databaseKinds)("review chain on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let now = new Date("2026-12-21T02:00:00Z");
  let evaluationId = "";
  let objectionId = "";
  beforeAll(async () => {
    api = await startApi(kind, {}, { clock: () => now });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  const kasiFinalises = async () => {
    const result = await api.request(org.tokens.kasi!, finalise, {
      input: { skpId: org.ids.skp, periodId: org.ids.annual, hasilKerja: "DI_BAWAH_EKSPEKTASI", perilakuKerja: "SESUAI_EKSPEKTASI" },
    });
    return result.data!.finaliseEvaluation;
  };

  it("sends the assessor's annual evaluation to the assessor's superior, who sends it back once and then agrees", async () => {
    const submitted = await kasiFinalises();
    expect(submitted).toMatchObject({ __typename: "FinaliseEvaluationPayload", evaluation: { status: "IN_REVIEW", predikat: "BUTUH_PERBAIKAN" } });
    evaluationId = submitted.__typename === "FinaliseEvaluationPayload" ? submitted.evaluation.id : "";

    // kepala reads what came to them, and the SKP it rates; kasiLain, outside the chain, does not.
    const kepalaQueue = (await api.request(org.tokens.kepala!, queues)).data!;
    expect(kepalaQueue.evaluationsToReview).toEqual([{ id: evaluationId, status: "IN_REVIEW", skp: { id: org.ids.skp } }]);
    expect((await api.request(org.tokens.kepala!, skpOf, { id: org.ids.skp })).data!.node).toMatchObject({ id: org.ids.skp });
    expect((await api.request(org.tokens.kasiLain!, skpOf, { id: org.ids.skp })).data!.node).toBeNull();
    expect((await api.request(org.tokens.kasi!, queues)).data!.evaluationsToReview).toEqual([]);

    // Nobody else reviews; no input while in review; sending back needs a reason. None of it changes anything.
    const before = await databaseFingerprint(api.prisma);
    expect((await api.request(org.tokens.kasi!, review, { input: { evaluationId, agree: true } })).data!.reviewEvaluation.__typename).toBe("ForbiddenError");
    expect((await api.request(org.tokens.staff!, review, { input: { evaluationId, agree: true } })).data!.reviewEvaluation.__typename).toBe("ForbiddenError");
    expect((await api.request(org.tokens.kepala!, review, { input: { evaluationId, agree: false } })).data!.reviewEvaluation.__typename).toBe("InputValidationError");
    expect(await kasiFinalises()).toMatchObject({ __typename: "ConflictError", message: expect.stringMatching(/review/) });
    expect(await databaseFingerprint(api.prisma)).toBe(before);

    const note = "Capaian triwulan IV belum diperhitungkan; mohon dinilai ulang.";
    expect((await api.request(org.tokens.kepala!, review, { input: { evaluationId, agree: false, note } })).data!.reviewEvaluation).toMatchObject({
      evaluation: { status: "OPEN", predikat: null, reviewNote: note, finalisedAt: null },
    });
    expect(await kasiFinalises()).toMatchObject({ evaluation: { id: evaluationId, status: "IN_REVIEW" } });
    now = new Date("2026-12-28T02:00:00Z");
    expect((await api.request(org.tokens.kepala!, review, { input: { evaluationId, agree: true } })).data!.reviewEvaluation).toMatchObject({
      evaluation: { status: "FINAL", predikat: "BUTUH_PERBAIKAN", finalisedAt: "2026-12-28T02:00:00.000Z", objectionsCloseOn: "2027-01-11" },
    });
    expect((await api.request(org.tokens.kepala!, review, { input: { evaluationId, agree: true } })).data!.reviewEvaluation.__typename).toBe("ConflictError");
  });

  it("takes the employee's objection within the window, and the reviewer's decision changes the predikat with an audit", async () => {
    const reason = "Capaian imunisasi triwulan IV 97%, melampaui target 95%.";
    // Only the evaluated employee objects, and only until the window closes (14 days after it became final, in WIB).
    expect((await api.request(org.tokens.kasi!, object, { input: { evaluationId, reason } })).data!.fileObjection.__typename).toBe("ForbiddenError");
    now = new Date("2027-01-11T17:30:00Z"); // 12 January in Salatiga
    expect((await api.request(org.tokens.staff!, object, { input: { evaluationId, reason } })).data!.fileObjection).toEqual({
      __typename: "ConflictError",
      message: "Objections to this evaluation closed on 2027-01-11.",
    });
    now = new Date("2027-01-11T16:00:00Z"); // 23:00 on 11 January in Salatiga
    const filed = (await api.request(org.tokens.staff!, object, { input: { evaluationId, reason } })).data!.fileObjection;
    expect(filed).toMatchObject({ objection: { status: "PENDING", predikatBefore: "BUTUH_PERBAIKAN" } });
    objectionId = filed.__typename === "FileObjectionPayload" ? filed.objection.id : "";
    expect((await api.request(org.tokens.staff!, object, { input: { evaluationId, reason } })).data!.fileObjection.__typename).toBe("ConflictError");
    expect((await api.request(org.tokens.kepala!, queues)).data!.objectionsToDecide).toEqual([{ id: objectionId, reason }]);
    expect((await api.request(org.tokens.admin!, queues)).data!.objectionsToDecide).toEqual([]);

    // The year cannot close on an undecided objection; only kepala decides; an upheld objection changes a rating.
    const before = await databaseFingerprint(api.prisma);
    expect((await api.request(org.tokens.admin!, closeYear, { input: { year: 2026 } })).data!.closePerformanceYear.__typename).toBe("ConflictError");
    const uphold = { objectionId, uphold: true, note: "Bukti capaian diterima." };
    expect((await api.request(org.tokens.kasi!, decide, { input: { ...uphold, hasilKerja: "SESUAI_EKSPEKTASI" } })).data!.decideObjection.__typename).toBe("ForbiddenError");
    expect((await api.request(org.tokens.admin!, decide, { input: { ...uphold, hasilKerja: "SESUAI_EKSPEKTASI" } })).data!.decideObjection.__typename).toBe("ForbiddenError");
    expect((await api.request(org.tokens.kepala!, decide, { input: uphold })).data!.decideObjection.__typename).toBe("InputValidationError");
    expect((await api.request(org.tokens.kepala!, decide, { input: { ...uphold, uphold: false, hasilKerja: "SESUAI_EKSPEKTASI" } })).data!.decideObjection.__typename).toBe(
      "InputValidationError",
    );
    expect(await databaseFingerprint(api.prisma)).toBe(before);

    expect((await api.request(org.tokens.kepala!, decide, { input: { ...uphold, hasilKerja: "SESUAI_EKSPEKTASI" } })).data!.decideObjection).toEqual({
      __typename: "DecideObjectionPayload",
      objection: {
        status: "UPHELD",
        predikatBefore: "BUTUH_PERBAIKAN",
        predikatAfter: "BAIK",
        decisionNote: "Bukti capaian diterima.",
        evaluation: { predikat: "BAIK", hasilKerja: "SESUAI_EKSPEKTASI", perilakuKerja: "SESUAI_EKSPEKTASI" },
      },
    });
    expect((await api.request(org.tokens.kepala!, decide, { input: { ...uphold, uphold: false } })).data!.decideObjection.__typename).toBe("ConflictError");

    const entries = (await api.request(org.tokens.admin!, trail)).data!.auditLog.edges.map((e) => e.node);
    expect(entries.map((e) => `${e.entity}:${e.action}`)).toEqual(
      expect.arrayContaining(["Evaluation:submit-for-review", "Evaluation:review-send-back", "Evaluation:review-agree", "Objection:file", "Objection:decide"]),
    );
    const changed = entries.find((e) => e.action === "objection-upheld")!;
    expect([JSON.parse(changed.before!), JSON.parse(changed.after!)]).toMatchObject([{ predikat: "BUTUH_PERBAIKAN" }, { predikat: "BAIK" }]);
  });

  it("makes an evaluation by an assessor without a superior final at once, and the admin decides its objection", async () => {
    const kasiSkp = await api.prisma.skp.create({
      data: { instansiId: org.instansi.id, employeeId: org.people.kasi!.id, yearId: org.year.id, assessorId: org.people.kepala!.id, status: "AGREED" },
    });
    now = new Date("2026-12-21T02:00:00Z");
    const result = await api.request(org.tokens.kepala!, finalise, {
      input: { skpId: gid("Skp", kasiSkp.id), periodId: org.ids.annual, hasilKerja: "SESUAI_EKSPEKTASI", perilakuKerja: "DI_BAWAH_EKSPEKTASI" },
    });
    const finalised = result.data!.finaliseEvaluation;
    expect(finalised).toMatchObject({ evaluation: { status: "FINAL", predikat: "KURANG" } });
    const id = finalised.__typename === "FinaliseEvaluationPayload" ? finalised.evaluation.id : "";
    const filed = (await api.request(org.tokens.kasi!, object, { input: { evaluationId: id, reason: "Perilaku kerja dinilai tanpa catatan apa pun." } })).data!.fileObjection;
    const objection = filed.__typename === "FileObjectionPayload" ? filed.objection.id : "";
    expect((await api.request(org.tokens.admin!, queues)).data!.objectionsToDecide).toEqual([{ id: objection, reason: "Perilaku kerja dinilai tanpa catatan apa pun." }]);
    expect((await api.request(org.tokens.kepala!, decide, { input: { objectionId: objection, uphold: false, note: "Penilaian sudah sesuai." } })).data!.decideObjection.__typename).toBe(
      "ForbiddenError",
    );
    expect((await api.request(org.tokens.admin!, decide, { input: { objectionId: objection, uphold: false, note: "Penilaian sudah sesuai." } })).data!.decideObjection).toMatchObject({
      objection: { status: "REJECTED", predikatBefore: "KURANG", predikatAfter: "KURANG", evaluation: { predikat: "KURANG" } },
    });
    // Every review and objection decided: the year closes.
    expect((await api.request(org.tokens.admin!, closeYear, { input: { year: 2026 } })).data!.closePerformanceYear.__typename).toBe("ClosePerformanceYearPayload");
  });
});
