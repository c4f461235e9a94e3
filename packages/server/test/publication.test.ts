import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import type { Snapshot } from "../src/publication/snapshot-store.ts";
import { recordResponse } from "../src/testing.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { gid, seedOrganisation, testNip, type Organisation } from "./support/organisation.ts";
import { subscribe } from "./support/sse.ts";
import { responseInput, submit } from "./support/surveys.ts";

// Public figures are published snapshots (docs/domain.md §3, README "How
// respondents stay anonymous"): they move only when the move cannot single
// anyone out, after the write behind them committed, and are read from memory.

const mutation = (name: string) =>
  `mutation($input: ${name[0]!.toUpperCase() + name.slice(1)}Input!) { result: ${name}(input: $input) { __typename ... on Error { message } } }`;

const good = [4, 4, 3, 4, 3, 4, 4, 3, 4];
const card = graphql(`query PublishedCard($unit: String!) {
  scorecard(instansi: "kota-salatiga", unit: $unit) {
    surveys { result { responseCount ikm elements { nrr } } periods { label result { responseCount ikm } } }
    indicators { description realised } predikatYear predikatDistribution { predikat count }
  }
}`);
const surveyFigures = graphql(`query PublishedSurvey($slug: String!) { survey(slug: $slug) { serviceName result { responseCount ikm } } }`);

describe.each(databaseKinds)("publication on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let bidangId: string;

  async function perform(token: string, name: string, input: Record<string, unknown>) {
    const result = await api.request(token, mutation(name), { input });
    expect(result.errors).toBeUndefined();
    return result.data.result as { __typename: string; message?: string };
  }

  async function scorecard(unit = "dinas-kesehatan") {
    await api.publication.idle();
    const result = await api.request(null, card, { unit });
    expect(result.errors).toBeUndefined();
    return result.data!.scorecard!;
  }

  /** The snapshot versions a write publishes for a unit, each with what the database held when it arrived. */
  async function movesOf(unitId: string, write: () => Promise<void>, read: () => Promise<unknown> = async () => null) {
    const moves: Array<{ version: number; seen: unknown }> = [];
    const pending: Array<Promise<void>> = [];
    const stop = api.publication.watch(unitId, (snapshot: Snapshot) => {
      pending.push(read().then((seen) => void moves.push({ version: snapshot.version, seen })));
    });
    try {
      await write();
      await api.publication.idle();
      await Promise.all(pending);
    } finally {
      stop();
    }
    return moves;
  }

  beforeAll(async () => {
    // The suite probes public fields with its own selections, so the anonymous
    // gate is open: what they reveal must hold even where a deployment opens it.
    api = await startApi(kind, { anonymousOperations: "any" });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    const instansiId = org.instansi.id;
    // kasi heads a bidang under the dinas; their agreed SKP has a submitted result, assessed by kepala.
    const bidang = await api.prisma.orgUnit.create({ data: { instansiId, slug: "bidang-p2p", name: "Bidang P2P", parentId: org.unit.id } });
    bidangId = bidang.id;
    await api.prisma.employee.update({ where: { id: org.people.kasi!.id }, data: { unitId: bidang.id } });
    await api.prisma.orgUnit.update({ where: { id: bidang.id }, data: { headId: org.people.kasi!.id } });
    for (const unitId of [org.unit.id, bidang.id, org.otherUnit.id]) {
      await api.prisma.scorecard.create({ data: { instansiId, unitId, published: true } });
    }
  });
  afterAll(() => api?.close());

  it("one response leaves every public figure unchanged; the fifth moves them together", async () => {
    const read = async () => (await api.request(null, surveyFigures, { slug: org.survey.slug })).data?.survey?.result;
    expect((await scorecard()).surveys[0]!.result).toBeNull();
    const moves = await movesOf(org.unit.id, async () => {
      for (let i = 1; i <= 4; i++) {
        const payload = await submit(api, responseInput(org.survey.slug, good));
        expect(payload).toMatchObject({ __typename: "SubmitSurveyResponsePayload", result: null });
        await api.publication.idle();
        expect((await scorecard()).surveys[0]).toMatchObject({ result: null, periods: [{ result: null }] });
        expect(await read()).toBeNull();
      }
    });
    expect(moves).toEqual([]);
    await submit(api, responseInput(org.survey.slug, good));
    const shown = (await scorecard()).surveys[0]!;
    expect(shown.result).toMatchObject({ responseCount: 5, ikm: 91.67 });
    expect(shown.periods[0]!.result).toEqual({ responseCount: 5, ikm: 91.67 });
    expect(await read()).toEqual({ responseCount: 5, ikm: 91.67 });
    // A sixth response: read, answer, read again, and nothing tells what was answered.
    const before = await scorecard();
    await submit(api, responseInput(org.survey.slug, [1, 1, 1, 1, 1, 1, 1, 1, 1]));
    expect(await scorecard()).toEqual(before);
    // Shown at the regulation's precision: NRR to three decimals.
    for (const element of before.surveys[0]!.result!.elements) expect(Math.round(element.nrr * 1000) / 1000).toBe(element.nrr);
  });

  it("never shows a period under the floor, nor lets it into the overall figure", async () => {
    const year = new Date().getUTCFullYear() - 1;
    const survey = await api.prisma.survey.create({
      data: { instansiId: org.instansi.id, unitId: org.otherUnit.id, slug: "kota-salatiga-bansos", serviceName: "Bantuan Sosial", status: "OPEN" },
    });
    const { createSurveyPeriod } = await import("../src/testing.ts");
    for (const [label, month] of [["Semester I", 0], ["Semester II", 6]] as const) {
      await createSurveyPeriod(api.prisma, {
        instansiId: org.instansi.id, surveyId: survey.id, label: `${label} ${year}`,
        startsOn: new Date(Date.UTC(year, month, 1)), endsOn: new Date(Date.UTC(year, month + 5, month ? 31 : 30)), serviceUsers: 300,
      });
    }
    // Three answers in the first half, six in the second.
    const answer = async (i: number, month: number) =>
      recordResponse(api.prisma, { surveySlug: survey.slug, idempotencyKey: `bansos-key-${month}-${i}`, answers: { U1: 2, U2: 2, U3: 2, U4: 2, U5: 2, U6: 2, U7: 2, U8: 2, U9: 2 } }, { now: new Date(Date.UTC(year, month, 10, 3)) });
    for (let i = 0; i < 3; i++) await answer(i, 1);
    for (let i = 0; i < 6; i++) await answer(i, 8);
    await api.publication.refresh([org.otherUnit.id]);
    const figures = (await scorecard("dinas-sosial")).surveys[0]!;
    expect(figures.periods).toEqual([
      { label: `Semester I ${year}`, result: null },
      { label: `Semester II ${year}`, result: { responseCount: 6, ikm: 50 } },
    ]);
    // Overall minus the shown period would give the hidden one's answers: the overall counts shown periods only.
    expect(figures.result).toMatchObject({ responseCount: 6, ikm: 50 });
  });

  it("a head's approved realisation moves the unit they head, after commit; a refused one moves nothing", async () => {
    const skp = await api.prisma.skp.create({
      data: { instansiId: org.instansi.id, employeeId: org.people.kasi!.id, yearId: org.year.id, assessorId: org.people.kepala!.id, status: "AGREED" },
    });
    const rhk = await api.prisma.rhk.create({ data: { instansiId: org.instansi.id, skpId: skp.id, kind: "UTAMA", description: "Kasus TB ditemukan" } });
    const indicator = await api.prisma.indicator.create({
      data: { instansiId: org.instansi.id, rhkId: rhk.id, aspect: "KUANTITAS", description: "Penemuan kasus TB", targetValue: 90, targetUnit: "%" },
    });
    const realisation = await api.prisma.realisation.create({
      data: { instansiId: org.instansi.id, indicatorId: indicator.id, periodId: org.q1.id, value: 91, status: "SUBMITTED" },
    });
    const status = async () => (await api.prisma.realisation.findUniqueOrThrow({ where: { id: realisation.id } })).status;
    const input = { realisationId: gid("Realisation", realisation.id), decision: "APPROVE" };
    const approved = await movesOf(bidangId, async () => {
      expect((await perform(org.tokens.kepala!, "reviewRealisation", input)).__typename).toBe("ReviewRealisationPayload");
    }, status);
    expect(approved).toEqual([{ version: expect.any(Number), seen: "APPROVED" }]);
    expect((await scorecard("bidang-p2p")).indicators).toEqual([{ description: "Penemuan kasus TB", realised: 91 }]);
    const refused = await movesOf(bidangId, async () => {
      expect((await perform(org.tokens.kepala!, "reviewRealisation", input)).__typename).toBe("ConflictError");
    });
    expect(refused).toEqual([]);
  });

  it("opening or closing a survey, and the scorecard settings, move that unit", async () => {
    const survey = await api.prisma.survey.create({
      data: { instansiId: org.instansi.id, unitId: org.otherUnit.id, slug: "kota-salatiga-pkh", serviceName: "Program Keluarga Harapan" },
    });
    const status = async () => (await api.prisma.survey.findUniqueOrThrow({ where: { id: survey.id } })).status;
    for (const next of ["OPEN", "CLOSED"]) {
      const moves = await movesOf(org.otherUnit.id, async () => {
        const result = await perform(org.tokens.admin!, "setSurveyStatus", { surveyId: gid("Survey", survey.id), status: next });
        expect(result.__typename).toBe("SetSurveyStatusPayload");
      }, status);
      expect(moves).toEqual([{ version: expect.any(Number), seen: next }]);
    }
    const hidden = await movesOf(org.otherUnit.id, async () => {
      const result = await perform(org.tokens.admin!, "publishScorecard", { unitId: org.ids.otherUnit, published: true, showSurveys: false });
      expect(result.__typename).toBe("PublishScorecardPayload");
    });
    expect(hidden).toHaveLength(1);
    expect((await scorecard("dinas-sosial")).surveys).toEqual([]);
  });

  describe("predikat counts", () => {
    // The dinas holds its head and, through the bidang, five more people.
    let members: Array<{ id: string; skpId: string }>;
    beforeAll(async () => {
      members = [];
      for (let i = 0; i < 4; i++) {
        const employee = await api.prisma.employee.create({
          data: { instansiId: org.instansi.id, unitId: bidangId, supervisorId: org.people.kasi!.id, nip: testNip(), name: `Staf P2P ${i}`, position: "Epidemiolog", rank: "Penata (III/c)" },
        });
        const skp = await api.prisma.skp.create({
          data: { instansiId: org.instansi.id, employeeId: employee.id, yearId: org.year.id, assessorId: org.people.kasi!.id, status: "AGREED" },
        });
        members.push({ id: employee.id, skpId: skp.id });
      }
      const kasiSkp = await api.prisma.skp.findFirstOrThrow({ where: { employeeId: org.people.kasi!.id, yearId: org.year.id } });
      const kepalaSkp = await api.prisma.skp.create({
        data: { instansiId: org.instansi.id, employeeId: org.people.kepala!.id, yearId: org.year.id, status: "AGREED" },
      });
      members.push({ id: org.people.kasi!.id, skpId: kasiSkp.id }, { id: org.people.kepala!.id, skpId: kepalaSkp.id });
    });

    it("stay unpublished while evaluations trickle in, however many are final", async () => {
      const predikats = ["BAIK", "BAIK", "SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN"] as const;
      // The four staff through the API, by their assessor and then the reviewer (kepala); kasi's and kepala's directly.
      for (const [i, member] of members.slice(0, 4).entries()) {
        const perilakuKerja = predikats[i] === "SANGAT_BAIK" ? "DI_ATAS_EKSPEKTASI" : "SESUAI_EKSPEKTASI";
        const hasilKerja = predikats[i] === "SANGAT_BAIK" ? "DI_ATAS_EKSPEKTASI" : "SESUAI_EKSPEKTASI";
        const moves = await movesOf(bidangId, async () => {
          const input = { skpId: gid("Skp", member.skpId), periodId: org.ids.annual, hasilKerja, perilakuKerja };
          expect((await perform(org.tokens.kasi!, "finaliseEvaluation", input)).__typename).toBe("FinaliseEvaluationPayload");
          const submitted = await api.prisma.evaluation.findFirstOrThrow({ where: { skpId: member.skpId, periodId: org.annual.id, status: "IN_REVIEW" } });
          expect((await perform(org.tokens.kepala!, "reviewEvaluation", { evaluationId: gid("Evaluation", submitted.id), agree: true })).__typename).toBe("ReviewEvaluationPayload");
        });
        expect(moves).toEqual([]);
      }
      for (const [member, predikat] of [[members[4]!, "BUTUH_PERBAIKAN"], [members[5]!, "BAIK"]] as const) {
        await api.prisma.evaluation.create({
          data: { instansiId: org.instansi.id, skpId: member.skpId, periodId: org.annual.id, status: "FINAL", predikat, hasilKerja: "SESUAI_EKSPEKTASI", perilakuKerja: "SESUAI_EKSPEKTASI" },
        });
      }
      for (const unit of ["dinas-kesehatan", "bidang-p2p"]) {
        expect(await scorecard(unit)).toMatchObject({ predikatYear: null, predikatDistribution: null });
      }
    });

    it("once the year closes, publish the dinas but not a bidang that differs from it by one person", async () => {
      const moves = await movesOf(org.unit.id, async () => {
        expect((await perform(org.tokens.admin!, "closePerformanceYear", { year: 2026 })).__typename).toBe("ClosePerformanceYearPayload");
      });
      expect(moves).toHaveLength(1);
      const dinas = await scorecard("dinas-kesehatan");
      const bidang = await scorecard("bidang-p2p");
      expect(dinas).toMatchObject({ predikatYear: 2026 });
      expect(bidang).toMatchObject({ predikatYear: 2026, predikatDistribution: null });
      // The dinas is its head plus the bidang: publishing both would give the head's predikat by subtraction.
      expect(dinas.predikatDistribution).toEqual([
        { predikat: "SANGAT_BAIK", count: 1 },
        { predikat: "BAIK", count: 4 },
        { predikat: "BUTUH_PERBAIKAN", count: 1 },
        { predikat: "KURANG", count: 0 },
        { predikat: "SANGAT_KURANG", count: 0 },
      ]);
      // And a closed year's evaluations are final.
      const late = await perform(org.tokens.kasi!, "finaliseEvaluation", { skpId: org.ids.skp, periodId: org.ids.annual, hasilKerja: "SESUAI_EKSPEKTASI", perilakuKerja: "SESUAI_EKSPEKTASI" });
      expect(late).toMatchObject({ __typename: "ConflictError", message: expect.stringMatching(/closed/) });
    });
  });

  it("pushes a live subscriber only the snapshot moves, not every response", async () => {
    const subscription = `subscription { scorecardUpdated(instansi: "kota-salatiga", unit: "dinas-kesehatan") { surveys { result { responseCount } } } }`;
    const stream = await subscribe(api.yoga.fetch as typeof fetch, "http://kinerja.test/graphql", subscription);
    try {
      const responses = async (n: number) => {
        for (let i = 0; i < n; i++) await submit(api, responseInput(org.survey.slug, good));
        await api.publication.idle();
      };
      // Six stored so far, five shown: four more make k = 5 new ones.
      await responses(3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stream.events).toEqual([]);
      await responses(1);
      const events = await stream.waitFor(1);
      expect(events).toHaveLength(1);
      expect(events[0].data.scorecardUpdated.surveys[0].result).toEqual({ responseCount: 10 });
    } finally {
      stream.close();
    }
  });

  it("serves a published scorecard from memory: no SQL statement", async () => {
    await scorecard();
    const statements = await api.statementsOf(() => api.request(null, card, { unit: "dinas-kesehatan" }));
    expect(statements).toEqual([]);
    const survey = await api.statementsOf(() => api.request(null, surveyFigures, { slug: org.survey.slug }));
    expect(survey).toEqual([]);
  });
});
