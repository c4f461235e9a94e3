import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { grantAccess } from "../src/testing.ts";
import { seedOrganisation, testNip, type Organisation } from "./support/organisation.ts";

// What a role reads through relation fields, beyond the lists: the chain of
// superiors, notes and training records about other people.
//   kepala ─┬─ kasi ──┬─ staff
//           │         └─ peer
//           └─ kasiLain ── other

describe.each(databaseKinds)("read access through relations on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi(kind);
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    const { people, instansi } = org;
    // kepala writes about kasi, kasi about staff; kasi and kepala have training records.
    await api.prisma.feedbackNote.createMany({
      data: [
        { instansiId: instansi.id, subjectId: people.kasi!.id, authorId: people.kepala!.id, body: "Target imunisasi triwulan ini perlu dikejar." },
        { instansiId: instansi.id, subjectId: people.staff!.id, authorId: people.kasi!.id, body: "Laporan PWS rapi dan tepat waktu." },
      ],
    });
    await api.prisma.trainingRecord.createMany({
      data: [people.kasi!, people.kepala!, people.staff!].map((person) => ({
        instansiId: instansi.id, employeeId: person.id, title: `Pelatihan ${person.name}`, provider: "BKPSDM", startsOn: new Date("2026-02-02"), endsOn: new Date("2026-02-04"), hours: 24,
      })),
    });
  });
  afterAll(() => api?.close());

  const circle = graphql(`query MyCircle {
    me { employee {
      feedback { body } trainings { title }
      supervisor { name feedback { body } trainings { title } supervisor { nip trainings { title } } }
      subordinates(first: 50) { edges { node { name trainings { title } } } }
    } }
  }`);
  /** What the caller reads of themselves, their supervisor (and above) and their reports. */
  const me = async (token: string) => {
    const result = await api.request(token, circle);
    expect(result.errors).toBeUndefined();
    return result.data!.me!.employee!;
  };

  it("lets an employee see their supervisor, but not walk up to the supervisor's superior", async () => {
    const employee = await me(org.tokens.staff!);
    expect(employee.supervisor).toMatchObject({ name: org.people.kasi!.name, supervisor: null });
  });

  it("shows no one the feedback notes about their superior", async () => {
    const employee = await me(org.tokens.staff!);
    expect(employee.feedback).toEqual([{ body: "Laporan PWS rapi dan tepat waktu." }]);
    expect(employee.supervisor?.feedback).toEqual([]);
    // The notes about kasi are kasi's, and kepala's who wrote them.
    expect((await me(org.tokens.kasi!)).feedback).toEqual([{ body: "Target imunisasi triwulan ini perlu dikejar." }]);
  });

  it("shows training records to the employee, their direct supervisor and the admin only", async () => {
    expect(await me(org.tokens.staff!)).toMatchObject({
      trainings: [{ title: `Pelatihan ${org.people.staff!.name}` }],
      supervisor: { trainings: [] },
    });
    const kasi = await me(org.tokens.kasi!);
    expect(kasi.trainings).toEqual([{ title: `Pelatihan ${org.people.kasi!.name}` }]);
    const staff = kasi.subordinates.edges.find((e) => e?.node?.name === org.people.staff!.name);
    expect(staff?.node?.trainings).toEqual([{ title: `Pelatihan ${org.people.staff!.name}` }]);
    const admin = await api.request(org.tokens.admin!, graphql(`query EmployeeRecords($id: ID!) { node(id: $id) { ... on Employee { trainings { title } feedback { body } } } }`), { id: org.ids.kasi });
    expect(admin.data?.node).toEqual({ trainings: [{ title: `Pelatihan ${org.people.kasi!.name}` }], feedback: [{ body: "Target imunisasi triwulan ini perlu dikejar." }] });
  });

  it("lets the head of a unit assume predikat in a what-if only for their own team, so no one else's predikat leaks", async () => {
    const query = graphql(`query WhatIf($unitId: ID!, $whatIf: [PredikatWhatIf!]) {
      predikatDistribution(unitId: $unitId, year: 2026, whatIf: $whatIf, whatIfUnitPredikat: BAIK) { __typename ... on Error { message } ... on PredikatDistribution { total } } }`);
    const whatIf = [{ employeeId: org.ids.peer!, predikat: "SANGAT_KURANG" as const }];
    // kepala heads the dinas; peer's evaluation is kasi's to make and see.
    const head = await api.request(org.tokens.kepala!, query, { unitId: org.ids.unit, whatIf });
    expect(head.errors).toBeUndefined();
    expect(head.data?.predikatDistribution).toMatchObject({ __typename: "InputValidationError", message: expect.stringMatching(/own team/) });
    const admin = await api.request(org.tokens.admin!, query, { unitId: org.ids.unit, whatIf });
    expect(admin.data?.predikatDistribution.__typename).toBe("PredikatDistribution");
  });

  it("shows peer input from three peers on, to the assessor while open and to the rated employee once final, untimed and in text order, and audits no link from a peer to whom they rated", async () => {
    // Two more team members of kasi: with peer, three peers of staff.
    const peers = [org.tokens.peer!];
    for (const name of ["Rina Marlina", "Agus Salim"]) {
      const employee = await api.prisma.employee.create({
        data: { instansiId: org.instansi.id, unitId: org.unit.id, supervisorId: org.people.kasi!.id, nip: testNip(), name, position: "Pelaksana", rank: "Pengatur (II/c)" },
      });
      peers.push((await api.prisma.$transaction((tx) => grantAccess(tx, { instansiId: org.instansi.id, employee, role: "EMPLOYEE", label: "test" }))).token);
    }
    const give = (token: string, comment: string) =>
      api.request(token, graphql(`mutation GiveInput($input: SubmitEvaluationInputInput!) { submitEvaluationInput(input: $input) { __typename ... on Error { message } } }`), {
        input: { skpId: org.ids.skp, periodId: org.ids.q2, comment },
      });
    const shown = async (token: string) => {
      const result = await api.request(token, graphql(`query SkpInputs($id: ID!) { node(id: $id) { ... on Skp { evaluations { period { number } inputs { source comment updatedAt } } } } }`), { id: org.ids.skp });
      const skp = result.data?.node as { evaluations: Array<{ period: { number: number }; inputs: unknown[] }> };
      return skp.evaluations.find((e) => e.period.number === 2)?.inputs;
    };
    const allThree = [
      { source: "PEER", comment: "Berkas sering terlambat.", updatedAt: null },
      { source: "PEER", comment: "Membantu rekan baru.", updatedAt: null },
      { source: "PEER", comment: "Sigap melayani warga.", updatedAt: null },
    ];
    expect((await give(peers[0]!, "Sigap melayani warga.")).data?.submitEvaluationInput.__typename).toBe("SubmitEvaluationInputPayload");
    await give(peers[1]!, "Berkas sering terlambat.");
    expect(await shown(org.tokens.kasi!)).toEqual([]);
    await give(peers[2]!, "Membantu rekan baru.");
    // Open: the assessor rates with it; the rated employee and HR wait for the final set.
    expect(await shown(org.tokens.kasi!)).toEqual(allThree);
    expect(await shown(org.tokens.staff!)).toEqual([]);
    expect(await shown(org.tokens.admin!)).toEqual([]);
    const finalised = await api.request(
      org.tokens.kasi!,
      graphql(`mutation FinaliseForPeers($input: FinaliseEvaluationInput!) { finaliseEvaluation(input: $input) { __typename ... on Error { message } } }`),
      { input: { skpId: org.ids.skp, periodId: org.ids.q2, hasilKerja: "SESUAI_EKSPEKTASI", perilakuKerja: "SESUAI_EKSPEKTASI" } },
    );
    expect(finalised.data?.finaliseEvaluation.__typename).toBe("FinaliseEvaluationPayload");
    expect(await shown(org.tokens.staff!)).toEqual(allThree);
    expect(await shown(org.tokens.admin!)).toEqual(allThree);
    // Final is closed: no fourth peer can be told apart from the three.
    expect((await give(peers[0]!, "Satu lagi.")).data?.submitEvaluationInput).toMatchObject({ __typename: "ConflictError" });
    const audit = await api.prisma.auditLog.findMany({ where: { entity: "EvaluationInput" } });
    expect(audit.length).toBeGreaterThanOrEqual(3);
    for (const entry of audit) expect(JSON.stringify([entry.before, entry.after])).not.toMatch(/Sigap|terlambat|rekan|evaluationId|authorId/);
  });
});
