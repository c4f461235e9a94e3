import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupedNip } from "../src/domain/nip.ts";
import { parseRoster, runRosterImport, startRosterImport, type RosterCounts } from "../src/organisation/roster-import.ts";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, testNip, type Organisation } from "./support/organisation.ts";

// Bringing in a kabupaten's roster: 5,000 rows over HTTP, followed by
// polling; a second import changes nothing; a file with bad rows imports
// the good ones and reports each bad one.

const importRoster = graphql(`mutation ImportRoster($input: ImportRosterInput!) {
  importRoster(input: $input) {
    __typename
    ... on Error { message }
    ... on ImportRosterPayload { import { id status totalRows } }
  }
}`);
const progress = graphql(`query RosterProgress($id: ID!) {
  node(id: $id) { ... on RosterImport { status totalRows processed created updated unchanged error rejected { line nip reasons } } }
}`);

/** A dinas of `sections` bidang, each with a chief and `staff` employees; the chiefs report to `head`. */
function rosterCsv(head: string, sections: number, staff: number) {
  const lines = ["NIP;Nama;Jabatan;Pangkat/Golongan;Unit Kerja;NIP Atasan;Jenis Pegawai"];
  for (let s = 0; s < sections; s++) {
    const chief = testNip();
    lines.push(`${chief};Kepala Bidang ${s};Kepala Bidang;Pembina (IV/a);Dinas Kesehatan;${head};PNS`);
    for (let i = 0; i < staff; i++) {
      const nip = testNip(i % 2 ? "FEMALE" : "MALE");
      // Some exports group the NIP's parts.
      const shown = i % 7 === 0 ? groupedNip(nip) : nip;
      lines.push(`${shown};Pegawai ${s}-${i};Pelaksana;Pengatur (II/c);${i % 3 ? "Dinas Kesehatan" : "dinas-sosial"};${chief};${i % 5 ? "PNS" : "pppk"}`);
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

describe.each(databaseKinds)("roster import on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let headNip: string;
  beforeAll(async () => {
    api = await startApi(kind);
    org = await seedOrganisation(api.prisma, "kabupaten-lampung-utara");
    headNip = (await api.prisma.employee.findUniqueOrThrow({ where: { id: org.people.kepala!.id } })).nip;
  });
  afterAll(() => api?.close());

  async function imported(csv: string) {
    const started = await api.request(org.tokens.admin!, importRoster, { input: { csv } });
    const job = started.data?.importRoster;
    expect(job?.__typename, JSON.stringify(started)).toBe("ImportRosterPayload");
    const id = (job as Extract<typeof job, { __typename: "ImportRosterPayload" }>).import.id;
    for (;;) {
      const node = (await api.request(org.tokens.admin!, progress, { id })).data?.node as { status: string; processed: number; totalRows: number } & Record<string, unknown>;
      expect(node.processed).toBeLessThanOrEqual(node.totalRows);
      if (node.status !== "RUNNING") return node;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const rosterHash = async () =>
    createHash("sha256")
      .update(JSON.stringify(await api.prisma.employee.findMany({ where: { instansiId: org.instansi.id }, orderBy: { nip: "asc" } })))
      .digest("hex");

  it("imports 5,000 rows, supervisors before their reports; importing the file again changes nothing", async () => {
    const csv = rosterCsv(headNip, 50, 99);
    const first = await imported(csv);
    expect(first).toMatchObject({ status: "DONE", totalRows: 5000, processed: 5000, created: 5000, updated: 0, unchanged: 0, rejected: [] });
    const chiefs = await api.prisma.employee.findMany({ where: { position: "Kepala Bidang", instansiId: org.instansi.id }, include: { subordinates: true } });
    expect(chiefs).toHaveLength(50);
    expect(chiefs.every((chief) => chief.supervisorId === org.people.kepala!.id && chief.subordinates.length === 99)).toBe(true);
    expect(await api.prisma.employee.count({ where: { instansiId: org.instansi.id, employmentType: "PPPK" } })).toBe(50 * 20);
    expect(await api.prisma.employee.count({ where: { instansiId: org.instansi.id, unitId: org.otherUnit.id, position: "Pelaksana" } })).toBe(50 * 33);

    const before = await rosterHash();
    const again = await imported(csv);
    expect(again).toMatchObject({ status: "DONE", created: 0, updated: 0, unchanged: 5000, rejected: [] });
    expect(await rosterHash()).toBe(before);
    const audit = await api.prisma.auditLog.findMany({ where: { entity: "RosterImport" }, orderBy: { at: "asc" } });
    expect(audit.map((entry) => entry.after)).toEqual([
      { processed: 5000, created: 5000, updated: 0, unchanged: 0, rejected: 0 },
      { processed: 5000, created: 0, updated: 0, unchanged: 5000, rejected: 0 },
    ]);
  });

  it("keeps its progress on the import's record batch by batch, where a client polls it", async () => {
    const rows = parseRoster(rosterCsv(headNip, 4, 299));
    const admin = await api.prisma.account.findFirstOrThrow({ where: { instansiId: org.instansi.id, role: "ADMIN" } });
    const viewer = { accountId: admin.id, instansiId: org.instansi.id, role: admin.role, employeeId: null, tokenId: "test" };
    const job = await startRosterImport({ db: api.prisma, viewer }, rows.length);
    const seen: number[] = [];
    // Each batch's counts are on the record before they are announced here.
    await runRosterImport(api.prisma, viewer, job.id, rows, (counts: RosterCounts) => void seen.push(counts.processed));
    const record = await api.prisma.rosterImport.findUniqueOrThrow({ where: { id: job.id } });
    expect(seen).toEqual([500, 1000, 1200, 1200]);
    expect(record).toMatchObject({ status: "DONE", processed: 1200, created: 1200 });
  });

  it("imports the good rows of a file with bad ones and reports each bad one with its reasons", async () => {
    const [a, b, good, pppk] = [testNip(), testNip(), testNip(), testNip("FEMALE")];
    const csv = [
      "nama,nip,jabatan,pangkat,unit kerja,nip atasan,jenis pegawai",
      `Andi Saputra,${good},Analis Data,Penata (III/c),Dinas Kesehatan,${headNip},PNS`,
      `Rina Marlina,${pppk},Perawat,Penata Muda (III/a),Dinas Kesehatan,${good},pppk`,
      "Budi,12345,Analis,Penata (III/c),Dinas Kesehatan,,PNS",
      `Citra Lestari,${testNip()},Analis,Penata (III/c),Dinas Pariwisata,,PNS`,
      `Dewi Anggraini,${good},Analis,Penata (III/c),Dinas Kesehatan,,PNS`,
      `Eko Prasetyo,${testNip()},Analis,Penata (III/c),Dinas Kesehatan,${testNip()},PNS`,
      `Fajar Nugroho,${a},Analis,Penata (III/c),Dinas Kesehatan,${b},PNS`,
      `Gita Permata,${b},Analis,Penata (III/c),Dinas Kesehatan,${a},PNS`,
      `Hadi Wijaya,${testNip()},Analis,Penata (III/c),Dinas Kesehatan,,Honorer`,
      `Indah Sari,${testNip()},A,Penata (III/c),Dinas Kesehatan,${good},PNS`,
    ].join("\n");
    const report = await imported(csv);
    expect(report).toMatchObject({ status: "DONE", totalRows: 10, processed: 10, created: 2, updated: 0, unchanged: 0 });
    const reasons = Object.fromEntries((report.rejected as Array<{ line: number; reasons: string[] }>).map((row) => [row.line, row.reasons.join("; ")]));
    expect(Object.keys(reasons).map(Number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(reasons[4]).toMatch(/NIP: NIP must be exactly 18 digits/);
    expect(reasons[5]).toMatch(/Unit "Dinas Pariwisata" is not a unit/);
    expect(reasons[6]).toMatch(/appears already on line 2/);
    expect(reasons[7]).toMatch(/neither in the file nor on the roster/);
    expect(reasons[8]).toMatch(/loops back/);
    expect(reasons[9]).toMatch(/loops back/);
    expect(reasons[10]).toMatch(/neither PNS nor PPPK/);
    expect(reasons[11]).toMatch(/Position must be 2 to 200 characters/);
    const rina = await api.prisma.employee.findFirstOrThrow({ where: { nip: pppk } });
    expect(rina).toMatchObject({ employmentType: "PPPK", name: "Rina Marlina" });
    expect((await api.prisma.employee.findFirstOrThrow({ where: { id: rina.supervisorId! } })).nip).toBe(good);
    // A changed row is updated, once.
    const moved = `NIP,Nama,Jabatan,Pangkat,Unit Kerja,NIP Atasan\n${pppk},Rina Marlina,Perawat Ahli,Penata (III/c),Dinas Sosial,${good}\n`;
    expect(await imported(moved)).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await api.prisma.employee.findFirstOrThrow({ where: { nip: pppk } })).toMatchObject({ position: "Perawat Ahli", unitId: org.otherUnit.id, employmentType: "PPPK" });
  });

  it("refuses a file whose header lacks a column, starting nothing", async () => {
    const imports = await api.prisma.rosterImport.count();
    const result = await api.request(org.tokens.admin!, importRoster, { input: { csv: "NIP;Nama;Jabatan\n199001012015031001;Andi;Analis\n" } });
    expect(result.data?.importRoster).toMatchObject({ __typename: "InputValidationError", message: expect.stringMatching(/rank, unit/) });
    expect(await api.prisma.rosterImport.count()).toBe(imports);
  });
});
