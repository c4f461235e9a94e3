import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Api } from "./support/api.ts";
import { gid, seedOrganisation, type Organisation } from "./support/organisation.ts";
import { responseInput, submit } from "./support/surveys.ts";

// docs/domain.md §3: a unit's IKM, or one element of it, can be an SKP indicator
// whose realisation is computed from the responses, not typed in.

describe("survey-measured indicators", () => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi("pglite");
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    for (const scores of [[4, 4, 2, 4, 4, 4, 4, 4, 4], [4, 4, 3, 4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3, 3, 3]]) {
      await submit(api, responseInput(org.survey.slug, scores));
    }
  });
  afterAll(() => api?.close());

  const addIndicator = `mutation($input: AddIndicatorInput!, $period: ID!) { addIndicator(input: $input) { __typename ... on Error { message }
    ... on AddIndicatorPayload { indicator { id sourceElement q4: surveyRealisation(periodId: $period) } } } }`;

  it("computes the realisation from the IKM or from one element", async () => {
    const period = gid("Period", (await api.prisma.period.findFirstOrThrow({ where: { yearId: org.year.id, kind: "QUARTER", number: 4 } })).id);
    const ikm = await api.request(org.tokens.kasi!, addIndicator, {
      period,
      input: { rhkId: org.ids.draftRhk, aspect: "KUALITAS", description: "IKM pelayanan imunisasi", target: 80, targetUnit: "nilai IKM", sourceSurveyId: org.ids.survey },
    });
    // Σ scores = 34 + 35 + 27 = 96 over 3 responses: IKM = 96 × 25 / 27 = 88.89.
    expect(ikm.data.addIndicator.indicator).toMatchObject({ sourceElement: null, q4: 88.89 });
    const speed = await api.request(org.tokens.kasi!, addIndicator, {
      period,
      input: { rhkId: org.ids.draftRhk, aspect: "WAKTU", description: "Kecepatan pelayanan (U3)", target: 75, targetUnit: "nilai unsur", sourceSurveyId: org.ids.survey, sourceElement: "U3" },
    });
    // U3: (2 + 3 + 3) / 3 = 2.667 → × 25 = 66.67.
    expect(speed.data.addIndicator.indicator).toMatchObject({ sourceElement: "U3", q4: 66.67 });
  });

  it("refuses a typed realisation for it", async () => {
    const indicator = await api.prisma.indicator.create({
      data: { instansiId: org.instansi.id, rhkId: org.rhk.id, aspect: "KUALITAS", description: "IKM", targetValue: 80, targetUnit: "nilai IKM", sourceSurveyId: org.survey.id },
    });
    const result = await api.request(org.tokens.staff!, `mutation($input: SubmitRealisationInput!) { submitRealisation(input: $input) { __typename ... on Error { message } } }`, {
      input: { indicatorId: gid("Indicator", indicator.id), periodId: org.ids.q2, value: 99 },
    });
    expect(result.data.submitRealisation).toMatchObject({ __typename: "ConflictError", message: expect.stringMatching(/computed/) });
  });
});
