import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { gid, seedOrganisation, type Organisation } from "./support/organisation.ts";

// Development follow-up (tindak lanjut): from staff's Q1 evaluation kasi
// recommends a training; it stays open until staff records the training
// that fulfils it.

const recommend = graphql(`mutation Recommend($input: RecommendDevelopmentInput!) {
  recommendDevelopment(input: $input) { __typename ... on Error { message } ... on RecommendDevelopmentPayload { recommendation { id title targetDate closedAt } } }
}`);
const train = graphql(`mutation TrainFor($input: RecordTrainingInput!) { recordTraining(input: $input) { __typename ... on Error { message } } }`);
const open = graphql(`query OpenDevelopment($id: ID!) {
  node(id: $id) { ... on Employee { open: developmentRecommendations(open: true) { title targetDate } closed: developmentRecommendations(open: false) { title trainingRecord { title } } } }
}`);

describe.each(databaseKinds)("development follow-up on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let evaluationId: string;
  beforeAll(async () => {
    api = await startApi(kind);
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    const evaluation = await api.prisma.evaluation.create({ data: { instansiId: org.instansi.id, skpId: org.skp.id, periodId: org.q1.id, status: "FINAL", predikat: "BUTUH_PERBAIKAN" } });
    evaluationId = gid("Evaluation", evaluation.id);
  });
  afterAll(() => api?.close());

  const training = (token: string, extra: Record<string, unknown> = {}) =>
    api.request(token, train, {
      input: { employeeId: org.ids.staff!, title: "Pelatihan Analisis Data Imunisasi", provider: "BPSDM Provinsi", startsOn: "2026-11-02", endsOn: "2026-11-04", hours: 24, ...extra },
    });

  it("keeps a recommendation open for the employee, their supervisor and HR until a training closes it", async () => {
    const made = await api.request(org.tokens.kasi!, recommend, { input: { evaluationId, title: "Pelatihan analisis data", targetDate: "2026-12-31" } });
    const recommendation = made.data?.recommendDevelopment;
    expect(recommendation).toMatchObject({ __typename: "RecommendDevelopmentPayload", recommendation: { title: "Pelatihan analisis data", targetDate: "2026-12-31", closedAt: null } });
    const id = (recommendation as Extract<typeof recommendation, { __typename: "RecommendDevelopmentPayload" }>).recommendation!.id;
    for (const token of [org.tokens.staff!, org.tokens.kasi!, org.tokens.admin!]) {
      expect((await api.request(token, open, { id: org.ids.staff! })).data?.node).toEqual({ open: [{ title: "Pelatihan analisis data", targetDate: "2026-12-31" }], closed: [] });
    }
    // A team peer sees neither staff's record nor the recommendation.
    expect((await api.request(org.tokens.peer!, open, { id: org.ids.staff! })).data?.node).toBeNull();
    // Another employee's training cannot close it, and a failed close stores no training.
    const trainings = await api.prisma.trainingRecord.count();
    const wrong = await api.request(org.tokens.peer!, train, {
      input: { employeeId: org.ids.peer!, title: "Pelatihan lain", provider: "BKPSDM", startsOn: "2026-11-02", endsOn: "2026-11-02", hours: 8, closesRecommendationId: id },
    });
    expect(wrong.data?.recordTraining).toMatchObject({ __typename: "InputValidationError" });
    expect(await api.prisma.trainingRecord.count()).toBe(trainings);
    expect((await training(org.tokens.staff!, { closesRecommendationId: id })).data?.recordTraining.__typename).toBe("RecordTrainingPayload");
    expect((await api.request(org.tokens.staff!, open, { id: org.ids.staff! })).data?.node).toEqual({
      open: [],
      closed: [{ title: "Pelatihan analisis data", trainingRecord: { title: "Pelatihan Analisis Data Imunisasi" } }],
    });
    // Closed once.
    expect((await training(org.tokens.staff!, { closesRecommendationId: id })).data?.recordTraining).toMatchObject({ __typename: "ConflictError" });
    const audit = await api.prisma.auditLog.findMany({ where: { entity: "DevelopmentRecommendation" } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["close", "recommend"]);
  });

  it("is recommended by the SKP's assessor only", async () => {
    for (const token of [org.tokens.kepala!, org.tokens.kasiLain!]) {
      const result = await api.request(token, recommend, { input: { evaluationId, title: "Pelatihan kepemimpinan", targetDate: "2026-12-31" } });
      expect(result.data?.recommendDevelopment.__typename).toBe("ForbiddenError");
    }
  });
});
