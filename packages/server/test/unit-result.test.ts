import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSurveyPeriod } from "../src/testing.ts";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";
import { payloadOf } from "./support/payload.ts";
import { responseInput, submit } from "./support/surveys.ts";

// A unit with two services: its IKM pools every respondent of both (not the
// mean of the two IKMs), from the published figures only, so one more
// response moves it no more than it moves the service's own figure.

const publish = graphql(`mutation UnitResultPublish($input: PublishScorecardInput!) { publishScorecard(input: $input) { __typename ... on Error { message } } }`);
const card = graphql(`query UnitResultCard {
  scorecard(instansi: "kota-salatiga", unit: "dinas-kesehatan") {
    unitResult { result { responseCount ikm grade } periods { label result { ikm } } }
    surveys { slug result { responseCount ikm } }
  }
}`);

describe.each(databaseKinds)("a unit's IKM across its services on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi(kind, { anonymousOperations: "any" });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    const year = new Date().getUTCFullYear();
    const second = await api.prisma.survey.create({ data: { instansiId: org.instansi.id, unitId: org.unit.id, slug: "kota-salatiga-kia", serviceName: "Pelayanan KIA", status: "OPEN" } });
    await createSurveyPeriod(api.prisma, { instansiId: org.instansi.id, surveyId: second.id, label: `Tahun ${year}`, startsOn: new Date(Date.UTC(year, 0, 1)), endsOn: new Date(Date.UTC(year, 11, 31)), serviceUsers: 500 });
    payloadOf(await api.request(org.tokens.admin!, publish, { input: { unitId: org.ids.unit, published: true } }));
  });
  afterAll(() => api?.close());

  const read = async () => {
    await api.publication.idle();
    return (await api.request(null, card)).data!.scorecard!;
  };

  it("pools the respondents of every service, and moves only with the services' published figures", async () => {
    // Immunisation: 10 respondents answering 4 everywhere (IKM 100); KIA: 5 answering 2 (IKM 50).
    for (let i = 0; i < 10; i++) await submit(api, responseInput(org.survey.slug, Array(9).fill(4)));
    for (let i = 0; i < 5; i++) await submit(api, responseInput("kota-salatiga-kia", Array(9).fill(2)));
    const card = await read();
    expect(card.surveys.map((s) => s.result?.ikm)).toEqual([100, 50]);
    // Each element: (10 × 4 + 5 × 2) / 15 = 3.333…; × 25 = 83.33. The mean of the two IKMs would be 75.
    expect(card.unitResult).toEqual({ result: { responseCount: 15, ikm: 83.33, grade: "B" }, periods: [{ label: `Tahun ${new Date().getUTCFullYear()}`, result: { ikm: 83.33 } }] });

    // A sixth KIA respondent: neither the service's figure nor the unit's moves.
    await submit(api, responseInput("kota-salatiga-kia", Array(9).fill(1)));
    expect((await read()).unitResult!.result).toEqual({ responseCount: 15, ikm: 83.33, grade: "B" });
  });
});
