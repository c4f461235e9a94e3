import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { gid, seedOrganisation, type Organisation } from "./support/organisation.ts";
import { databaseFingerprint } from "./support/snapshot.ts";
import { payloadOf } from "./support/payload.ts";

// A unit's follow-up plan for its survey results (rencana tindak lanjut):
// its head plans an action for a weak element, reports it done with
// evidence, and the published scorecard shows the plan with its status.

const plan = graphql(`mutation FollowUpPlan($input: PlanFollowUpInput!) {
  planFollowUp(input: $input) { __typename ... on Error { message } ... on PlanFollowUpPayload { followUp { id element status trackedBy } } }
}`);
const update = graphql(`mutation FollowUpUpdate($input: UpdateFollowUpInput!) {
  updateFollowUp(input: $input) { __typename ... on Error { message } ... on UpdateFollowUpPayload { followUp { status evidence } } }
}`);
const publish = graphql(`mutation FollowUpPublish($input: PublishScorecardInput!) { publishScorecard(input: $input) { __typename ... on Error { message } } }`);
const card = graphql(`query FollowUpCard { scorecard(instansi: "kota-salatiga", unit: "dinas-kesehatan") { surveys { periods { label followUp { element action responsible dueOn status } } } } }`);
const trail = graphql(`query FollowUpAudit { auditLog(first: 20) { edges { node { entity action } } } }`);

describe.each(databaseKinds)("follow-up plans on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    // Anonymous reads by query text, as publication.test.ts; the widgets' trusted document carries the same fields (public-reads.test.ts).
    api = await startApi(kind, { anonymousOperations: "any" });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    payloadOf(await api.request(org.tokens.admin!, publish, { input: { unitId: org.ids.unit, published: true } }));
  });
  afterAll(() => api?.close());

  const planned = {
    element: "U3" as const,
    action: "Menambah satu petugas loket pada hari Senin dan Kamis",
    responsible: "Kepala Seksi Pelayanan",
    dueOn: "2026-12-31",
  };

  it("lets the unit's head plan and report an action, which the published scorecard shows with its status", async () => {
    const before = await databaseFingerprint(api.prisma);
    // Not the head of the survey's unit, nor a bad indicator link: refused, nothing stored.
    expect((await api.request(org.tokens.kasi!, plan, { input: { surveyPeriodId: org.ids.surveyPeriod, ...planned } })).data!.planFollowUp.__typename).toBe("ForbiddenError");
    const unrelated = await api.request(org.tokens.kepala!, plan, { input: { surveyPeriodId: org.ids.surveyPeriod, ...planned, indicatorId: org.ids.indicator } });
    expect(unrelated.data!.planFollowUp).toMatchObject({ __typename: "InputValidationError", message: expect.stringMatching(/U3/) });
    expect(await databaseFingerprint(api.prisma)).toBe(before);

    // An indicator of the head's SKP measured by the survey's U3 tracks it.
    const tracking = await api.prisma.indicator.create({
      data: { instansiId: org.instansi.id, rhkId: org.rhk.id, aspect: "KUALITAS", description: "Nilai unsur waktu penyelesaian (U3)", targetValue: 80, targetUnit: "nilai", sourceSurveyId: org.survey.id, sourceElement: "U3" },
    });
    const created = payloadOf(await api.request(org.tokens.kepala!, plan, { input: { surveyPeriodId: org.ids.surveyPeriod, ...planned, indicatorId: gid("Indicator", tracking.id) } }));
    expect(created).toMatchObject({ followUp: { element: "U3", status: "PLANNED", trackedBy: gid("Indicator", tracking.id) } });
    const id = created.__typename === "PlanFollowUpPayload" ? created.followUp.id : "";

    await api.publication.idle();
    const shown = (await api.request(null, card)).data!.scorecard!.surveys[0]!.periods[0]!.followUp;
    expect(shown).toEqual([{ ...planned, status: "PLANNED" }]);

    // Done needs its evidence.
    expect((await api.request(org.tokens.kepala!, update, { input: { id, status: "DONE" } })).data!.updateFollowUp.__typename).toBe("InputValidationError");
    const evidence = "Jadwal petugas loket tambahan berlaku sejak 2 November; SK Kepala Dinas No. 800/112.";
    expect(payloadOf(await api.request(org.tokens.admin!, update, { input: { id, status: "DONE", evidence } }))).toMatchObject({ followUp: { status: "DONE", evidence } });
    await api.publication.idle();
    expect((await api.request(null, card)).data!.scorecard!.surveys[0]!.periods[0]!.followUp).toEqual([{ ...planned, status: "DONE" }]);

    const actions = (await api.request(org.tokens.admin!, trail)).data!.auditLog.edges.map((e) => `${e.node.entity}:${e.node.action}`);
    expect(actions).toEqual(expect.arrayContaining(["FollowUpAction:plan", "FollowUpAction:update"]));
  });
});
