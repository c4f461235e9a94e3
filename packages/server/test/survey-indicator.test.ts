import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
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
    for (const scores of [[4, 4, 2, 4, 4, 4, 4, 4, 4], [4, 4, 3, 4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4, 4]]) {
      await submit(api, responseInput(org.survey.slug, scores));
    }
  });
  afterAll(() => api?.close());

  const addIndicator = graphql(`mutation AddMeasuredIndicator($input: AddIndicatorInput!, $period: ID!) {
    addIndicator(input: $input) { __typename ... on Error { message } ... on AddIndicatorPayload { indicator { id sourceElement q4: surveyRealisation(periodId: $period) } } }
  }`);

  it("computes the realisation from the IKM or from one element, once the period holds k responses", async () => {
    const period = gid("Period", (await api.prisma.period.findFirstOrThrow({ where: { yearId: org.year.id, kind: "QUARTER", number: 4 } })).id);
    const ikmInput = { rhkId: org.ids.draftRhk, aspect: "KUALITAS", description: "IKM pelayanan imunisasi", target: 80, targetUnit: "nilai IKM", sourceSurveyId: org.ids.survey } as const;
    // Four responses, under the floor: nothing to read, so nothing to subtract from the next value.
    const early = await api.request(org.tokens.kasi!, addIndicator, { period, input: ikmInput });
    expect(early.data?.addIndicator).toMatchObject({ indicator: { sourceElement: null, q4: null } });
    await submit(api, responseInput(org.survey.slug, [4, 4, 4, 4, 4, 4, 4, 4, 3]));
    const ikm = await api.request(org.tokens.kasi!, addIndicator, { period, input: ikmInput });
    // Σ scores = 34 + 35 + 27 + 36 + 35 = 167 over 5 responses: IKM = 167 × 25 / 45 = 92.78.
    expect(ikm.data?.addIndicator).toMatchObject({ indicator: { sourceElement: null, q4: 92.78 } });
    const speed = await api.request(org.tokens.kasi!, addIndicator, {
      period,
      input: { rhkId: org.ids.draftRhk, aspect: "WAKTU", description: "Kecepatan pelayanan (U3)", target: 75, targetUnit: "nilai unsur", sourceSurveyId: org.ids.survey, sourceElement: "U3" },
    });
    // U3: (2 + 3 + 3 + 4 + 4) / 5 = 3.2 → × 25 = 80.
    expect(speed.data?.addIndicator).toMatchObject({ indicator: { sourceElement: "U3", q4: 80 } });
  });

  it("links only a survey of the employee's own line of units, not any survey of the instansi", async () => {
    const other = await api.prisma.orgUnit.create({ data: { instansiId: org.instansi.id, slug: "dinas-pariwisata", name: "Dinas Pariwisata" } });
    const survey = await api.prisma.survey.create({ data: { instansiId: org.instansi.id, unitId: other.id, slug: "kota-salatiga-wisata", serviceName: "Izin Usaha Wisata", status: "OPEN" } });
    const period = gid("Period", (await api.prisma.period.findFirstOrThrow({ where: { yearId: org.year.id, kind: "QUARTER", number: 4 } })).id);
    const before = await api.prisma.indicator.count();
    const result = await api.request(org.tokens.kasi!, addIndicator, {
      period,
      input: { rhkId: org.ids.draftRhk, aspect: "KUALITAS", description: "IKM izin wisata", target: 80, targetUnit: "nilai IKM", sourceSurveyId: gid("Survey", survey.id) },
    });
    expect(result.data?.addIndicator).toMatchObject({ __typename: "InputValidationError", message: expect.stringMatching(/unit/) });
    expect(await api.prisma.indicator.count()).toBe(before);
  });

  it("refuses a typed realisation for it", async () => {
    const indicator = await api.prisma.indicator.create({
      data: { instansiId: org.instansi.id, rhkId: org.rhk.id, aspect: "KUALITAS", description: "IKM", targetValue: 80, targetUnit: "nilai IKM", sourceSurveyId: org.survey.id },
    });
    const result = await api.request(org.tokens.staff!, graphql(`mutation SubmitMeasured($input: SubmitRealisationInput!) { submitRealisation(input: $input) { __typename ... on Error { message } } }`), {
      input: { indicatorId: gid("Indicator", indicator.id), periodId: org.ids.q2, value: 99 },
    });
    expect(result.data?.submitRealisation).toMatchObject({ __typename: "ConflictError", message: expect.stringMatching(/computed/) });
  });
});
