import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";
import { databaseFingerprint } from "./support/snapshot.ts";
import { createSurveyPeriod } from "../src/testing.ts";
import type { SubmitSurveyResponseInput } from "./generated/graphql.ts";
import { outcomeOf, responseInput, solvedProof, submit, submitMutation, type SubmitOutcome } from "./support/surveys.ts";

const good = [4, 3, 3, 4, 3, 4, 4, 3, 3];
const PublicResults = graphql(`query PublicResults($instansi: String!, $unit: String!) {
  scorecard(instansi: $instansi, unit: $unit) { unitName surveys { slug result { responseCount ikm grade label } periods { label result { ikm } } } }
}`);

describe.each(databaseKinds)("survey submission on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    // The suite probes public fields with its own selections, so the anonymous
    // gate is open: what they reveal must hold even where a deployment opens it.
    api = await startApi(kind, { anonymousOperations: "any" });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  async function refused<T extends NonNullable<SubmitOutcome["__typename"]>>(input: SubmitSurveyResponseInput, typename: T) {
    await api.publication.idle(); // earlier responses' publication, at rest
    const before = await databaseFingerprint(api.prisma);
    const result = outcomeOf(await submit(api, input), typename);
    expect(await databaseFingerprint(api.prisma)).toBe(before);
    return result;
  }
  const accepted = async (input: SubmitSurveyResponseInput) => outcomeOf(await submit(api, input), "SubmitSurveyResponsePayload");

  it("stores a response with its optional profile and counts it", async () => {
    const result = await submit(api, responseInput(org.survey.slug, good, {
      sex: "PEREMPUAN", age: 34, education: "D4_S1", occupation: "WIRAUSAHA", suggestion: "Antrean sudah lebih tertib.",
    }));
    expect(result).toMatchObject({ __typename: "SubmitSurveyResponsePayload", receipt: { duplicate: false }, result: null });
    const total = await api.prisma.surveyTotal.findUniqueOrThrow({ where: { periodId: org.surveyPeriod.id } });
    expect(total).toMatchObject({ responseCount: 1, sumU1: 4, sumU2: 3, sumU9: 3 });
  });

  it("returns the first response for a repeated key and stores nothing new", async () => {
    const input = responseInput(org.survey.slug, good);
    const first = await accepted(input);
    await api.publication.idle();
    const before = await databaseFingerprint(api.prisma);
    const again = await accepted(input);
    expect(again.receipt).toEqual({ ...first.receipt, duplicate: true });
    expect(await databaseFingerprint(api.prisma)).toBe(before);
    // A retry without any proof of work (the first one is spent) is still answered.
    const retry = await api.request(null, submitMutation, { input });
    expect(retry.data?.submitSurveyResponse).toMatchObject({ receipt: { duplicate: true } });
    const changed = await refused({ ...input, answers: responseInput("x", [1, 1, 1, 1, 1, 1, 1, 1, 1]).answers }, "ConflictError");
    expect(changed.message).toMatch(/different answers/);
  });

  it("refuses malformed submissions with typed errors and stores nothing", async () => {
    const missing = await refused({ ...responseInput(org.survey.slug, good), answers: responseInput("x", good).answers.slice(0, 8) }, "InputValidationError");
    expect(missing.issues[0]!.message).toMatch(/missing U9/);
    const outOfRange = await refused(responseInput(org.survey.slug, [5, 3, 3, 4, 3, 4, 4, 3, 3]), "InputValidationError");
    expect(outOfRange.issues[0]!.message).toMatch(/1 to 4/);
    await refused(responseInput(org.survey.slug, [0, 3, 3, 4, 3, 4, 4, 3, 3]), "InputValidationError");
    const twice = responseInput(org.survey.slug, good);
    twice.answers[8] = { element: "U1", value: 3 };
    await refused(twice, "InputValidationError");
    await refused(responseInput(org.survey.slug, good, { suggestion: "x".repeat(2001) }), "InputValidationError");
    await refused(responseInput(org.survey.slug, good, { age: 3 }), "InputValidationError");
    await refused({ ...responseInput(org.survey.slug, good), idempotencyKey: "short" }, "InputValidationError");
    await refused(responseInput("no-such-survey", good), "NotFoundError");
  });

  it("refuses spam: a filled honeypot, a missing, forged or reused proof of work", async () => {
    await refused(responseInput(org.survey.slug, good, { website: "http://spam.example" }), "SpamSuspectedError");
    const before = await databaseFingerprint(api.prisma);
    const none = await api.request(null, submitMutation, { input: responseInput(org.survey.slug, good) });
    expect(none.data?.submitSurveyResponse.__typename).toBe("SpamSuspectedError");
    const forged = await api.request(null, submitMutation, { input: { ...responseInput(org.survey.slug, good), proofOfWork: Buffer.from('{"number":1}').toString("base64") } });
    expect(forged.data?.submitSurveyResponse.__typename).toBe("SpamSuspectedError");
    expect(await databaseFingerprint(api.prisma)).toBe(before);
    const proofOfWork = await solvedProof(api);
    const used = await api.request(null, submitMutation, { input: { ...responseInput(org.survey.slug, good), proofOfWork } });
    expect(used.data?.submitSurveyResponse.__typename).toBe("SubmitSurveyResponsePayload");
    const reused = await api.request(null, submitMutation, { input: { ...responseInput(org.survey.slug, good), proofOfWork } });
    expect(reused.data?.submitSurveyResponse.__typename).toBe("SpamSuspectedError");
  });

  it("refuses a closed survey", async () => {
    const other = await seedOrganisation(api.prisma, "kota-closed");
    await api.prisma.survey.update({ where: { id: other.survey.id }, data: { status: "CLOSED" } });
    const closed = await refused(responseInput(other.survey.slug, good), "SurveyClosedError");
    expect(closed.message).toMatch(/closed/);
  });

  it("shows results publicly only once published and from 5 responses on", async () => {
    const unit = await seedOrganisation(api.prisma, "kota-publik");
    const scorecard = async () => {
      const result = await api.request(null, PublicResults, { instansi: "kota-publik", unit: "dinas-kesehatan" });
      return result.data?.scorecard;
    };
    expect(await scorecard()).toBeNull();
    const publish = await api.request(unit.tokens.admin!, graphql(`mutation Publish($input: PublishScorecardInput!) { publishScorecard(input: $input) { __typename } }`), {
      input: { unitId: unit.ids.unit, published: true },
    });
    expect(publish.data?.publishScorecard.__typename).toBe("PublishScorecardPayload");
    for (let i = 0; i < 4; i++) {
      const result = await accepted(responseInput(unit.survey.slug, good));
      expect(result.result).toBeNull();
    }
    expect((await scorecard())?.surveys[0]?.result).toBeNull();
    await submit(api, responseInput(unit.survey.slug, good));
    // The fifth response is published once stored (after the citizen's answer): every later payload carries it.
    await api.publication.idle();
    const sixth = await accepted(responseInput(unit.survey.slug, good));
    // Σ good = 31 per response: IKM = 31 × 25 / 9 = 86.11, grade B.
    expect(sixth.result).toEqual({ responseCount: 5, ikm: 86.11, grade: "B" });
    const shown = await scorecard();
    expect(shown?.surveys[0]).toMatchObject({ result: { responseCount: 5, ikm: 86.11, grade: "B", label: "Baik" }, periods: [{ result: { ikm: 86.11 } }] });
    const publicSurvey = await api.request(null, graphql(`query PublicForm($slug: String!) { survey(slug: $slug, language: EN) { unitName questions { element question answers } result { ikm } } }`), { slug: unit.survey.slug });
    expect(publicSurvey.data?.survey?.questions).toHaveLength(9);
    expect(publicSurvey.data?.survey?.questions[3]).toMatchObject({ element: "U4", answers: ["Very expensive", "Fairly expensive", "Cheap", "Free"] });
    expect(publicSurvey.data?.survey?.result).toEqual({ ikm: 86.11 });
  });

  describe("answers that waited on the device", () => {
    const hour = 3_600_000;
    /** A date in Jakarta, `days` from today. */
    const jakartaDay = (days: number) => new Date(new Date(Date.now() + days * 24 * hour).toLocaleDateString("en-CA", { timeZone: "Asia/Jakarta" }));
    let offline: Organisation;
    let earlier: string;
    let current: string;
    beforeAll(async () => {
      offline = await seedOrganisation(api.prisma, "kota-offline");
      // The seeded period is replaced by two: the month up to yesterday, and from today on.
      await api.prisma.surveyTotal.deleteMany({ where: { surveyId: offline.survey.id } });
      await api.prisma.surveyPeriod.deleteMany({ where: { surveyId: offline.survey.id } });
      const base = { instansiId: offline.instansi.id, surveyId: offline.survey.id, serviceUsers: 100 };
      earlier = (await createSurveyPeriod(api.prisma, { ...base, label: "Bulan lalu", startsOn: jakartaDay(-30), endsOn: jakartaDay(-1) })).id;
      current = (await createSurveyPeriod(api.prisma, { ...base, label: "Bulan ini", startsOn: jakartaDay(0), endsOn: jakartaDay(30) })).id;
    });
    const periodOf = async (key: string) => (await api.prisma.surveyResponse.findFirstOrThrow({ where: { idempotencyKey: key } })).periodId;
    const answered = async (at: Date | null) => {
      const input = responseInput(offline.survey.slug, good, at ? { answeredAt: at.toISOString() } : {});
      return { input, result: await submit(api, input) };
    };

    it("counts a response in the period it was answered in, within seven days", async () => {
      const yesterday = await answered(new Date(Date.now() - 26 * hour));
      expect(yesterday.result.__typename).toBe("SubmitSurveyResponsePayload");
      expect(await periodOf(yesterday.input.idempotencyKey)).toBe(earlier);
      // Too old, or in the future: the time it arrives counts.
      for (const at of [new Date(Date.now() - 8 * 24 * hour), new Date(Date.now() + 3 * hour), null]) {
        const { input, result } = await answered(at);
        expect(result.__typename).toBe("SubmitSurveyResponsePayload");
        expect(await periodOf(input.idempotencyKey)).toBe(current);
      }
    });

    it("takes answers given before the survey closed, not after", async () => {
      await api.prisma.survey.update({ where: { id: offline.survey.id }, data: { status: "CLOSED", closedAt: new Date(Date.now() - hour) } });
      const before = await answered(new Date(Date.now() - 2 * hour));
      expect(before.result.__typename).toBe("SubmitSurveyResponsePayload");
      expect((await answered(new Date(Date.now() - hour / 2))).result.__typename).toBe("SurveyClosedError");
      expect((await answered(null)).result.__typename).toBe("SurveyClosedError");
    });
  });
});
