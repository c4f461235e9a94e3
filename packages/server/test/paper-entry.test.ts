import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import type { PaperQuestionnaireInput } from "./generated/graphql.ts";
import { surveyResult } from "../src/surveys/results.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";
import { databaseFingerprint } from "./support/snapshot.ts";
import { payloadOf } from "./support/payload.ts";
import { elementCodes } from "./support/surveys.ts";

// Paper questionnaires typed in by the unit's head or the admin: each sheet
// counts once by its number, in the period of the date written on it, all
// of a batch or none of it, and the export says which answers came on paper.

const enter = graphql(`mutation PaperEntry($input: EnterPaperResponsesInput!) {
  enterPaperResponses(input: $input) {
    __typename
    ... on Error { message }
    ... on InputValidationError { issues { path message } }
    ... on EnterPaperResponsesPayload { entered duplicates survey { slug } }
  }
}`);

const thisYear = new Date().getUTCFullYear();
// Mid-year, so every date below is inside the fixture's period (the whole current year).
const now = new Date(`${thisYear}-06-30T05:00:00Z`);

function sheet(formNumber: string, answeredOn: string, score: number, extra: Partial<PaperQuestionnaireInput> = {}): PaperQuestionnaireInput {
  return { formNumber, answeredOn, answers: elementCodes.map((element) => ({ element, value: score })), ...extra };
}

describe.each(databaseKinds)("paper questionnaires on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi(kind, {}, { clock: () => now });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  const responses = () => api.prisma.surveyResponse.findMany({ where: { surveyId: org.survey.id }, orderBy: { idempotencyKey: "asc" } });
  // Months old: far outside the seven days a device may hold answers, which paper does not need.
  const batch = [sheet("PKM/017", `${thisYear}-02-10`, 4, { sex: "PEREMPUAN", age: 34, suggestion: "Antrean pagi terlalu panjang" }), sheet("PKM/018", `${thisYear}-02-10`, 3), sheet("PKM/019", `${thisYear}-02-11`, 2)];

  it("refuses what cannot be right and stores nothing of the batch", async () => {
    const before = await databaseFingerprint(api.prisma);
    const send = (token: string, questionnaires: PaperQuestionnaireInput[]) => api.request(token, enter, { input: { surveyId: org.ids.survey, questionnaires } });
    // Not the survey unit's head.
    expect((await send(org.tokens.kasi!, batch)).data!.enterPaperResponses.__typename).toBe("ForbiddenError");
    // A sheet dated after today, one twice in the batch, one before any period, a malformed number: each names its sheet.
    const refusals = [
      [[...batch, sheet("PKM/020", `${thisYear}-07-01`, 4)], /PKM\/020 is dated after today/],
      [[...batch, sheet("PKM/018", `${thisYear}-02-12`, 4)], /PKM\/018 appears twice/],
      [[...batch, sheet("PKM/021", `${thisYear - 1}-12-30`, 4)], /PKM\/021: the survey took no answers on/],
    ] as const;
    for (const [questionnaires, message] of refusals) {
      const refused = (await send(org.tokens.kepala!, [...questionnaires])).data!.enterPaperResponses;
      expect(refused).toMatchObject({ __typename: "InputValidationError", message: expect.stringMatching(message) });
    }
    const malformed = (await send(org.tokens.admin!, [sheet("017 ; drop", `${thisYear}-02-10`, 4)])).data!.enterPaperResponses;
    expect(malformed).toMatchObject({ __typename: "InputValidationError", issues: [{ path: ["input", "questionnaires", "0", "formNumber"] }] });
    expect(await databaseFingerprint(api.prisma)).toBe(before);
  });

  it("counts each sheet once, in the period of its date, and marks it as paper in the export", async () => {
    const stored = payloadOf(await api.request(org.tokens.kepala!, enter, { input: { surveyId: org.ids.survey, questionnaires: batch } }));
    expect(stored).toEqual({ __typename: "EnterPaperResponsesPayload", entered: 3, duplicates: [], survey: { slug: org.survey.slug } });
    const rows = await responses();
    expect(rows.map((r) => [r.idempotencyKey, r.channel, r.periodId, r.answers[0]])).toEqual([
      ["paper:PKM/017", "PAPER", org.surveyPeriod.id, 4],
      ["paper:PKM/018", "PAPER", org.surveyPeriod.id, 3],
      ["paper:PKM/019", "PAPER", org.surveyPeriod.id, 2],
    ]);
    // The running totals took them: (4 + 3 + 2) × 9 / 27 = 3.0 → IKM 75.00.
    expect(await surveyResult(api.prisma, org.survey.id)).toMatchObject({ responseCount: 3, ikm: 75 });

    // The same sheets again (a batch re-sent after a lost reply): nothing counts twice.
    const again = payloadOf(await api.request(org.tokens.admin!, enter, { input: { surveyId: org.ids.survey, questionnaires: batch } }));
    expect(again).toMatchObject({ entered: 0, duplicates: ["PKM/017", "PKM/018", "PKM/019"] });
    // A sheet typed in again with other answers is a mistake to look at, not a new respondent.
    const before = await databaseFingerprint(api.prisma);
    const changed = (await api.request(org.tokens.admin!, enter, { input: { surveyId: org.ids.survey, questionnaires: [sheet("PKM/022", `${thisYear}-03-01`, 4), sheet("PKM/018", `${thisYear}-02-10`, 1)] } })).data!.enterPaperResponses;
    expect(changed).toMatchObject({ __typename: "InputValidationError", issues: [{ path: ["input", "questionnaires", "1", "formNumber"], message: "Questionnaire PKM/018 was entered before with other answers." }] });
    expect(await databaseFingerprint(api.prisma)).toBe(before);
    expect(await responses()).toHaveLength(3);

    const csv = await (await api.yoga.fetch(`http://kinerja.test/export/surveys/${org.survey.slug}/responses.csv`, { headers: { authorization: `Bearer ${org.tokens.admin}` } })).text();
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((line) => line.split(",").slice(2, 4).join(","))).toEqual(expect.arrayContaining(["kertas,PKM/017", "kertas,PKM/018", "kertas,PKM/019"]));
    expect(csv).toContain("PEREMPUAN,34,,,,Antrean pagi terlalu panjang");

    const audit = await api.prisma.auditLog.findMany({ where: { entity: "Survey", action: "enter-paper" } });
    expect(audit.map((entry) => entry.after)).toEqual([{ questionnaires: ["PKM/017", "PKM/018", "PKM/019"] }]);
  });
});
