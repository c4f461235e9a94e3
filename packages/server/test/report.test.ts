import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { recordResponse } from "../src/surveys/record-response.ts";
import { publishableGroups } from "../src/surveys/respondent-profile.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";
import { payloadOf } from "./support/payload.ts";
import { elementCodes } from "./support/surveys.ts";

// The public yearly report: every published unit's figures for a year, and
// the respondent profile of each period in aggregate, under the floor.

const publish = graphql(`mutation ReportPublish($input: PublishScorecardInput!) { publishScorecard(input: $input) { __typename ... on Error { message } } }`);
const enter = graphql(`mutation ReportPaper($input: EnterPaperResponsesInput!) { enterPaperResponses(input: $input) { __typename ... on Error { message } ... on EnterPaperResponsesPayload { entered } } }`);
const report = graphql(`query PublicReportRead($instansi: String!, $unit: String, $year: Int!) {
  report(instansi: $instansi, unit: $unit, year: $year) {
    instansiName year
    units {
      unitName unitSlug
      surveys {
        serviceName
        resultIn(year: $year) { responseCount ikm }
        periods { label result { responseCount } respondents { responseCount channel { group count } sex { group count } age { group count } education { group count } occupation { group count } } }
      }
    }
  }
}`);

const thisYear = new Date().getUTCFullYear();
const today = new Date().toISOString().slice(0, 10);

describe("which respondent groups a profile may show", () => {
  it("shows groups of k and more, merges the smaller into OTHER, and withholds a dimension whose merged rest is still under k", () => {
    expect(publishableGroups([{ group: "SMA", count: 7 }, { group: "SD", count: 2 }, { group: "D4_S1", count: 3 }], 5)).toEqual([{ group: "SMA", count: 7 }, { group: "OTHER", count: 5 }]);
    expect(publishableGroups([{ group: "PEREMPUAN", count: 9 }, { group: "LAKI_LAKI", count: 1 }], 5)).toBeNull();
    expect(publishableGroups([{ group: "ONLINE", count: 5 }, { group: "PAPER", count: 6 }], 5)).toEqual([{ group: "PAPER", count: 6 }, { group: "ONLINE", count: 5 }]);
  });
});

describe.each(databaseKinds)("the public report on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi(kind, { anonymousOperations: "any" });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    payloadOf(await api.request(org.tokens.admin!, publish, { input: { unitId: org.ids.unit, published: true } }));
  });
  afterAll(() => api?.close());

  const answers = (score: number) => Object.fromEntries(elementCodes.map((element) => [element, score])) as Record<(typeof elementCodes)[number], number>;

  it("reports each published unit for the year, with who answered in aggregate only where every group has k", async () => {
    // Five online: women in their thirties, SMA; five on paper: men, 55 and over, three SMA and two with a degree; one PNS among them.
    for (let i = 0; i < 5; i++) {
      const outcome = await recordResponse(api.prisma, { surveySlug: org.survey.slug, idempotencyKey: randomUUID(), answers: answers(4), sex: "PEREMPUAN", age: 30 + (i % 2), education: "SMA", occupation: "SWASTA" });
      expect(outcome.ok).toBe(true);
    }
    const questionnaires = [0, 1, 2, 3, 4].map((i) => ({
      formNumber: `K-${i + 1}`,
      answeredOn: today,
      answers: elementCodes.map((element) => ({ element, value: 2 })),
      sex: "LAKI_LAKI" as const,
      age: 60 + i,
      education: i < 3 ? ("SMA" as const) : ("D4_S1" as const),
      occupation: i === 0 ? ("PNS" as const) : ("SWASTA" as const),
    }));
    expect(payloadOf(await api.request(org.tokens.kepala!, enter, { input: { surveyId: org.ids.survey, questionnaires } }))).toMatchObject({ entered: 5 });
    await api.publication.idle();

    const read = async () => (await api.request(null, report, { instansi: "kota-salatiga", year: thisYear })).data!.report!;
    const first = await read();
    expect(first).toMatchObject({ instansiName: org.instansi.name, year: thisYear, units: [{ unitName: "Dinas Kesehatan", unitSlug: "dinas-kesehatan" }] });
    const survey = first.units[0]!.surveys[0]!;
    // All 4s and all 2s: SKM 3.0, IKM 75.
    expect(survey.resultIn).toEqual({ responseCount: 10, ikm: 75 });
    const profile = {
      responseCount: 10,
      channel: [{ group: "ONLINE", count: 5 }, { group: "PAPER", count: 5 }],
      sex: [{ group: "LAKI_LAKI", count: 5 }, { group: "PEREMPUAN", count: 5 }],
      age: [{ group: "25_34", count: 5 }, { group: "55_PLUS", count: 5 }],
      // Eight SMA and two with a degree: the two would be under k, and merged into OTHER still two.
      education: null,
      // One PNS among nine in the private sector: the group would single someone out, and merged it is still one.
      occupation: null,
    };
    expect(survey.periods[0]!.respondents).toEqual(profile);

    // Three more arrive: the result stays as published, and so does the profile (same ten people).
    for (let i = 0; i < 3; i++) await recordResponse(api.prisma, { surveySlug: org.survey.slug, idempotencyKey: randomUUID(), answers: answers(3), sex: "PEREMPUAN", education: "D4_S1", occupation: "PNS" });
    await api.publication.refresh([org.unit.id]); // stored directly, so announced here
    const later = (await read()).units[0]!.surveys[0]!;
    expect(later.periods[0]!.result!.responseCount).toBe(10);
    expect(later.periods[0]!.respondents).toEqual(profile);
    // Two more make five new: both move together, and the groups that reached k show.
    for (let i = 0; i < 2; i++) await recordResponse(api.prisma, { surveySlug: org.survey.slug, idempotencyKey: randomUUID(), answers: answers(3), sex: "PEREMPUAN", education: "D4_S1", occupation: "PNS" });
    await api.publication.refresh([org.unit.id]); // stored directly, so announced here
    const moved = (await read()).units[0]!.surveys[0]!.periods[0]!.respondents!;
    expect(moved.responseCount).toBe(15);
    expect(moved.education).toEqual([{ group: "SMA", count: 8 }, { group: "D4_S1", count: 7 }]);
    expect(moved.occupation).toEqual([{ group: "SWASTA", count: 9 }, { group: "PNS", count: 6 }]);

    // The report widget's trusted document reads the same, within the anonymous cost limits.
    const widget = await api.document(null, "report.v1", { instansi: "kota-salatiga", year: thisYear });
    expect(widget.errors).toBeUndefined();
    expect(widget.data.report.units[0].surveys[0].periods[0].respondents.responseCount).toBe(15);

    // Nothing published: no report.
    expect((await api.request(null, report, { instansi: "kota-salatiga", unit: "dinas-sosial", year: thisYear })).data!.report).toBeNull();
    expect((await api.request(null, report, { instansi: "no-such-region", year: thisYear })).data!.report).toBeNull();
  });
});
