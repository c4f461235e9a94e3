import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { gid, seedOrganisation, type Organisation } from "./support/organisation.ts";
import { submit, responseInput } from "./support/surveys.ts";

// Every write that changes what a scorecard shows announces the unit once,
// from the use case, after its transaction committed: a listener that reads
// the database on hearing the announcement already sees the change. A
// refused write announces nothing.

const mutation = (name: string) =>
  `mutation($input: ${name[0]!.toUpperCase() + name.slice(1)}Input!) { result: ${name}(input: $input) { __typename ... on Error { message } } }`;

describe.each(databaseKinds)("scorecard announcements on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  /** Units announced so far, each with what the listener read from the database when it heard it. */
  let heard: Array<{ unitId: string; seen: unknown }>;
  let readOnAnnouncement: (unitId: string) => Promise<unknown> = async () => null;
  const stops: Array<() => void> = [];

  function listen(unitId: string) {
    const iterator = api.services.pubsub.subscribe("scorecardUpdated", unitId)[Symbol.asyncIterator]();
    stops.push(() => void iterator.return?.());
    void (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        heard.push({ unitId: next.value.unitId, seen: await readOnAnnouncement(next.value.unitId) });
      }
    })();
  }

  /** Runs a write and waits until announcements settle; returns what was heard. */
  async function announcementsOf(write: () => Promise<void>) {
    heard = [];
    await write();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return heard;
  }

  async function perform(token: string, name: string, input: Record<string, unknown>) {
    const result = await api.request(token, mutation(name), { input });
    expect(result.errors).toBeUndefined();
    return result.data.result as { __typename: string; message?: string };
  }

  let subUnitId: string;
  beforeAll(async () => {
    api = await startApi(kind);
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    const instansiId = org.instansi.id;
    // kasi heads a bidang under the dinas; their agreed SKP has a submitted result, assessed by kepala.
    const bidang = await api.prisma.orgUnit.create({ data: { instansiId, slug: "bidang-p2p", name: "Bidang P2P", parentId: org.unit.id } });
    subUnitId = bidang.id;
    await api.prisma.employee.update({ where: { id: org.people.kasi!.id }, data: { unitId: bidang.id } });
    await api.prisma.orgUnit.update({ where: { id: bidang.id }, data: { headId: org.people.kasi!.id } });
    for (const unitId of [org.unit.id, bidang.id, org.otherUnit.id]) {
      await api.prisma.scorecard.create({ data: { instansiId, unitId, published: true } });
      listen(unitId);
    }
  });
  afterAll(async () => {
    for (const stop of stops) stop();
    await api?.close();
  });

  it("a head's approved realisation: the unit they head, after commit", async () => {
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
    readOnAnnouncement = async () => (await api.prisma.realisation.findUniqueOrThrow({ where: { id: realisation.id } })).status;
    const input = { realisationId: gid("Realisation", realisation.id), decision: "APPROVE" };
    const approved = await announcementsOf(async () => {
      expect((await perform(org.tokens.kepala!, "reviewRealisation", input)).__typename).toBe("ReviewRealisationPayload");
    });
    expect(approved).toEqual([{ unitId: subUnitId, seen: "APPROVED" }]);
    // Approving again is refused and announces nothing.
    const refused = await announcementsOf(async () => {
      expect((await perform(org.tokens.kepala!, "reviewRealisation", input)).__typename).toBe("ConflictError");
    });
    expect(refused).toEqual([]);
  });

  it("a staff member's approved realisation moves no scorecard", async () => {
    const input = { realisationId: org.ids.realisation, decision: "APPROVE" };
    const heardNow = await announcementsOf(async () => {
      expect((await perform(org.tokens.kasi!, "reviewRealisation", input)).__typename).toBe("ReviewRealisationPayload");
    });
    expect(heardNow).toEqual([]);
  });

  it("a finalised annual evaluation: the employee's unit and every unit above it", async () => {
    const member = await api.prisma.employee.create({
      data: { instansiId: org.instansi.id, unitId: subUnitId, supervisorId: org.people.kasi!.id, nip: "198501012010031009", name: "Staf P2P", position: "Epidemiolog", rank: "Penata (III/c)" },
    });
    const skp = await api.prisma.skp.create({
      data: { instansiId: org.instansi.id, employeeId: member.id, yearId: org.year.id, assessorId: org.people.kasi!.id, status: "AGREED" },
    });
    readOnAnnouncement = async () =>
      (await api.prisma.evaluation.findUnique({ where: { skpId_periodId: { skpId: skp.id, periodId: org.annual.id } } }))?.predikat ?? null;
    const input = { skpId: gid("Skp", skp.id), periodId: org.ids.annual, hasilKerja: "SESUAI_EKSPEKTASI", perilakuKerja: "DI_ATAS_EKSPEKTASI" };
    const heardNow = await announcementsOf(async () => {
      expect((await perform(org.tokens.kasi!, "finaliseEvaluation", input)).__typename).toBe("FinaliseEvaluationPayload");
    });
    expect(heardNow).toHaveLength(2);
    expect(heardNow).toEqual(
      expect.arrayContaining([
        { unitId: subUnitId, seen: "BAIK" },
        { unitId: org.unit.id, seen: "BAIK" },
      ]),
    );
  });

  it("a finalised quarterly evaluation publishes nothing", async () => {
    const input = { skpId: org.ids.skp, periodId: org.ids.q1, hasilKerja: "SESUAI_EKSPEKTASI", perilakuKerja: "SESUAI_EKSPEKTASI" };
    const heardNow = await announcementsOf(async () => {
      expect((await perform(org.tokens.kasi!, "finaliseEvaluation", input)).__typename).toBe("FinaliseEvaluationPayload");
    });
    expect(heardNow).toEqual([]);
  });

  it("a survey opened or closed: its unit", async () => {
    const survey = await api.prisma.survey.create({
      data: { instansiId: org.instansi.id, unitId: org.otherUnit.id, slug: "kota-salatiga-bansos", serviceName: "Bantuan Sosial" },
    });
    readOnAnnouncement = async () => (await api.prisma.survey.findUniqueOrThrow({ where: { id: survey.id } })).status;
    for (const status of ["OPEN", "CLOSED"]) {
      const heardNow = await announcementsOf(async () => {
        expect((await perform(org.tokens.admin!, "setSurveyStatus", { surveyId: gid("Survey", survey.id), status })).__typename).toBe("SetSurveyStatusPayload");
      });
      expect(heardNow).toEqual([{ unitId: org.otherUnit.id, seen: status }]);
    }
  });

  it("scorecard settings: that unit", async () => {
    readOnAnnouncement = async (unitId) => (await api.prisma.scorecard.findUniqueOrThrow({ where: { unitId } })).showPredikat;
    const heardNow = await announcementsOf(async () => {
      const input = { unitId: org.ids.otherUnit, published: true, showPredikat: false };
      expect((await perform(org.tokens.admin!, "publishScorecard", input)).__typename).toBe("PublishScorecardPayload");
    });
    expect(heardNow).toEqual([{ unitId: org.otherUnit.id, seen: false }]);
  });

  it("a citizen's response: the survey's unit; a retry of it announces nothing", async () => {
    readOnAnnouncement = async () => (await api.prisma.surveyTotal.findUniqueOrThrow({ where: { periodId: org.surveyPeriod.id } })).responseCount;
    const input = responseInput(org.survey.slug, [4, 4, 3, 4, 3, 4, 4, 3, 4]);
    const first = await announcementsOf(async () => {
      expect((await submit(api, input)).__typename).toBe("SubmitSurveyResponsePayload");
    });
    expect(first).toEqual([{ unitId: org.unit.id, seen: 1 }]);
    const retry = await announcementsOf(async () => {
      expect(await submit(api, input)).toMatchObject({ receipt: { duplicate: true } });
    });
    expect(retry).toEqual([]);
  });
});
