import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";

// When a period may be evaluated: a quarter from its last two weeks on (the
// instansi's setting), the year from its last quarter on. The clock is set.

const finalise = graphql(`mutation WindowFinalise($input: FinaliseEvaluationInput!) { finaliseEvaluation(input: $input) { __typename ... on Error { message } } }`);
const setWindow = graphql(`mutation WindowSet($input: SetEvaluationWindowInput!) { setEvaluationWindow(input: $input) { __typename ... on Error { message } } }`);

describe.each(databaseKinds)("evaluation window on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let now = new Date();
  beforeAll(async () => {
    api = await startApi(kind, {}, { clock: () => now });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  /** Finalises staff's evaluation of a period as kasi on a day (07:00 WIB); returns the outcome's typename and message. */
  const finaliseOn = async (day: string, periodId: string) => {
    now = new Date(`${day}T00:00:00Z`);
    const result = await api.request(org.tokens.kasi!, finalise, {
      input: { skpId: org.ids.skp, periodId, hasilKerja: "SESUAI_EKSPEKTASI", perilakuKerja: "SESUAI_EKSPEKTASI" },
    });
    return result.data?.finaliseEvaluation;
  };

  it("opens a quarter in its last 14 days and the year with its last quarter", async () => {
    expect(await finaliseOn("2026-06-16", org.ids.q2)).toEqual({ __typename: "ConflictError", message: "This period can be evaluated from 2026-06-17 on." });
    expect(await api.prisma.evaluation.count({ where: { status: "FINAL" } })).toBe(0);
    expect(await finaliseOn("2026-06-17", org.ids.q2)).toMatchObject({ __typename: "FinaliseEvaluationPayload" });
    // The annual evaluation of 2026 waits for the fourth quarter.
    expect(await finaliseOn("2026-09-30", org.ids.annual)).toEqual({ __typename: "ConflictError", message: "This period can be evaluated from 2026-10-01 on." });
    expect(await finaliseOn("2026-10-01", org.ids.annual)).toMatchObject({ __typename: "FinaliseEvaluationPayload" });
  });

  it("follows the admin's setting", async () => {
    const q3 = (await api.prisma.period.findFirstOrThrow({ where: { yearId: org.year.id, kind: "QUARTER", number: 3 } })).id;
    const q3Id = Buffer.from(`Period:${q3}`).toString("base64");
    expect(await finaliseOn("2026-09-01", q3Id)).toMatchObject({ __typename: "ConflictError" });
    expect((await api.request(org.tokens.admin!, setWindow, { input: { evaluationOpensDays: 30 } })).data?.setEvaluationWindow.__typename).toBe("SetEvaluationWindowPayload");
    expect(await finaliseOn("2026-09-01", q3Id)).toMatchObject({ __typename: "FinaliseEvaluationPayload" });
  });
});
