import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import type { TppPreset, TppRulesInput } from "./generated/graphql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";
import { databaseFingerprint } from "./support/snapshot.ts";

// October 2026's TPP under each preset, against sums done by hand below.
// October 2026 has 22 working days (no day off in this calendar): 22 × 450 =
// 9,900 effective minutes. staff logged 8,910 approved minutes (90%), the last
// day submitted on 7 November; peer 4,950 (50%) in time, plus one entry of 30
// October kasi has still not reviewed; kasi logged nothing.

const setRules = graphql(`mutation TppRules($input: SetTppRulesInput!) {
  setTppRules(input: $input) { __typename ... on Error { message } ... on SetTppRulesPayload { instansi { tppRules { performanceShare performanceBasis } } } }
}`);
const record = graphql(`mutation TppInputs($input: RecordTppInputsInput!) {
  recordTppInputs(input: $input) { __typename ... on Error { message } ... on RecordTppInputsPayload { recorded } }
}`);
const run = graphql(`mutation TppRunMonth($input: RunTppInput!) {
  runTpp(input: $input) {
    __typename ... on Error { message }
    ... on RunTppPayload {
      run {
        totalNet
        lines {
          nip achievement performanceBase performancePays performanceAmount disciplineBase disciplineAmount gross net
          disciplineDeductions { kind count percent amount }
          deductions { kind count percent amount }
        }
      }
    }
  }
}`);
const ownLine = graphql(`query TppOwn { tppRun(month: "2026-10") { lines { nip net } } }`);

describe.each(databaseKinds)("TPP on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let now = new Date("2026-11-10T02:00:00Z");
  let nip: Record<"staff" | "peer" | "kasi", string>;
  beforeAll(async () => {
    api = await startApi(kind, {}, { clock: () => now });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    const people = await api.prisma.employee.findMany({ where: { id: { in: [org.people.staff!.id, org.people.peer!.id, org.people.kasi!.id] } } });
    const nipOf = (id: string) => people.find((p) => p.id === id)!.nip;
    nip = { staff: nipOf(org.people.staff!.id), peer: nipOf(org.people.peer!.id), kasi: nipOf(org.people.kasi!.id) };
    const workingDays = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, "0")}`).filter((day) => ![0, 6].includes(new Date(day).getUTCDay()));
    expect(workingDays).toHaveLength(22);
    const entry = (employeeId: string, rhkId: string, day: string, minutes: number, status: "APPROVED" | "SUBMITTED", submittedAt: string) => ({
      instansiId: org.instansi.id,
      employeeId,
      rhkId,
      date: new Date(day),
      activity: "Pelayanan imunisasi",
      minutes,
      status,
      submittedAt: new Date(submittedAt),
      reviewedAt: status === "APPROVED" ? new Date("2026-11-03T02:00:00Z") : null,
      reviewerId: status === "APPROVED" ? org.people.kasi!.id : null,
    });
    await api.prisma.workLogEntry.createMany({
      data: [
        ...workingDays.map((day, i) => entry(org.people.staff!.id, org.rhk.id, day, 405, "APPROVED", i === 21 ? "2026-11-07T02:00:00Z" : `${day}T09:00:00Z`)),
        ...workingDays.slice(0, 11).map((day) => entry(org.people.peer!.id, org.draftRhk.id, day, 450, "APPROVED", `${day}T09:00:00Z`)),
        entry(org.people.peer!.id, org.draftRhk.id, "2026-10-30", 60, "SUBMITTED", "2026-10-30T09:00:00Z"),
      ],
    });
  });
  afterAll(() => api?.close());

  const rows = () => [
    { nip: nip.staff, baseAmount: 3_000_000, absentDays: 2, lateArrivals: 3 },
    { nip: nip.peer, baseAmount: 2_512_347, absentDays: 0, lateArrivals: 0 },
    { nip: nip.kasi, baseAmount: 5_000_000, absentDays: 4, lateArrivals: 1 },
  ];

  /** Runs October under a preset or rules of the instansi's own; returns each line by NIP. */
  async function october(rules: { preset: TppPreset } | { rules: TppRulesInput }) {
    expect((await api.request(org.tokens.admin!, setRules, { input: rules })).data!.setTppRules.__typename).toBe("SetTppRulesPayload");
    const result = (await api.request(org.tokens.admin!, run, { input: { month: "2026-10" } })).data!.runTpp;
    if (result.__typename !== "RunTppPayload") throw new Error(result.message);
    const byNip = Object.fromEntries(result.run.lines.map((line) => [line.nip, line]));
    return { total: result.run.totalNet, staff: byNip[nip.staff]!, peer: byNip[nip.peer]!, kasi: byNip[nip.kasi]! };
  }

  it("refuses bad inputs and early runs, changing nothing", async () => {
    const before = await databaseFingerprint(api.prisma);
    const unknown = await api.request(org.tokens.admin!, record, { input: { month: "2026-10", rows: [...rows(), { nip: "199001012020121999", baseAmount: 1, absentDays: 0, lateArrivals: 0 }] } });
    expect(unknown.data!.recordTppInputs).toMatchObject({ __typename: "InputValidationError", message: expect.stringMatching(/199001012020121999/) });
    const twice = await api.request(org.tokens.admin!, record, { input: { month: "2026-10", rows: [rows()[0]!, rows()[0]!] } });
    expect(twice.data!.recordTppInputs.__typename).toBe("InputValidationError");
    const both = await api.request(org.tokens.admin!, setRules, { input: {} });
    expect(both.data!.setTppRules.__typename).toBe("InputValidationError");
    const upward = await api.request(org.tokens.admin!, setRules, {
      input: { rules: { performanceShare: 60, performanceBasis: "BANDS", bands: [{ minAchievement: 50, pays: 50 }, { minAchievement: 100, pays: 100 }], absenceTiers: [], lateArrivalCut: 1 } },
    });
    expect(upward.data!.setTppRules.__typename).toBe("InputValidationError");
    expect((await api.request(org.tokens.admin!, run, { input: { month: "2026-10" } })).data!.runTpp).toMatchObject({ __typename: "ConflictError", message: expect.stringMatching(/rule set/) });
    expect(await databaseFingerprint(api.prisma)).toBe(before);

    expect((await api.request(org.tokens.admin!, record, { input: { month: "2026-10", rows: rows() } })).data!.recordTppInputs).toEqual({ __typename: "RecordTppInputsPayload", recorded: 3 });
    // Recording again replaces, never doubles.
    expect((await api.request(org.tokens.admin!, record, { input: { month: "2026-10", rows: rows() } })).data!.recordTppInputs).toEqual({ __typename: "RecordTppInputsPayload", recorded: 3 });
    await api.request(org.tokens.admin!, setRules, { input: { preset: "KEPAHIANG" } });
    now = new Date("2026-10-31T10:00:00Z"); // 17:00 WIB on the month's last day
    expect((await api.request(org.tokens.admin!, run, { input: { month: "2026-10" } })).data!.runTpp).toMatchObject({ __typename: "ConflictError", message: expect.stringMatching(/over/) });
    now = new Date("2026-11-10T02:00:00Z");
  });

  it("computes Kepahiang's 60/40 rule as by hand", async () => {
    const { staff, peer, kasi, total } = await october({ preset: "KEPAHIANG" });
    // staff: 60% of 3,000,000 = 1,800,000 × 90% = 1,620,000; discipline 1,200,000 − 2 days × 3% (72,000) − 3 × 1% (36,000) = 1,092,000.
    expect(staff).toMatchObject({ achievement: 90, performanceBase: 1_800_000, performancePays: 90, performanceAmount: 1_620_000, disciplineBase: 1_200_000, disciplineAmount: 1_092_000, net: 2_712_000 });
    expect(staff.disciplineDeductions).toEqual([
      { kind: "ABSENCE", count: 2, percent: 6, amount: 72_000 },
      { kind: "LATE_ARRIVAL", count: 3, percent: 3, amount: 36_000 },
    ]);
    // peer: 60% of 2,512,347 = 1,507,408.2 → 1,507,408 × 50% = 753,704; discipline 2,512,347 − 1,507,408 = 1,004,939.
    expect(peer).toMatchObject({ achievement: 50, performanceBase: 1_507_408, performanceAmount: 753_704, disciplineBase: 1_004_939, net: 1_758_643 });
    // kasi: nothing logged, nothing for performance; discipline 2,000,000 − 4 × 3% (240,000) − 1% (20,000).
    expect(kasi).toMatchObject({ achievement: 0, performanceAmount: 0, disciplineAmount: 1_740_000, net: 1_740_000, deductions: [] });
    expect(total).toBe(2_712_000 + 1_758_643 + 1_740_000);
  });

  it("computes Bangka Belitung's bands and its 10% cut for a log not in by the 5th as by hand", async () => {
    const { staff, peer, kasi } = await october({ preset: "BANGKA_BELITUNG" });
    // staff: 90% reaches the 90 band; one day submitted on 7 November: 10% of 2,712,000 = 271,200.
    expect(staff).toMatchObject({ performancePays: 90, gross: 2_712_000, deductions: [{ kind: "LATE_LOG", count: 1, percent: 10, amount: 271_200 }], net: 2_440_800 });
    // peer: 50% reaches the 50 band, all in time.
    expect(peer).toMatchObject({ performancePays: 50, performanceAmount: 753_704, deductions: [], net: 1_758_643 });
    // kasi: no log at all is not in by the 5th either: 10% of 1,740,000.
    expect(kasi).toMatchObject({ performancePays: 0, gross: 1_740_000, deductions: [{ kind: "LATE_LOG", amount: 174_000 }], net: 1_566_000 });
  });

  it("computes Kutai Kartanegara's tiered absence cuts as by hand", async () => {
    const { staff, kasi } = await october({ preset: "KUTAI_KARTANEGARA" });
    // staff: days 1–2 at 2% = 4% of 1,200,000 = 48,000; 3 × 0.5% = 1.5% = 18,000.
    expect(staff).toMatchObject({ performanceAmount: 1_620_000, disciplineAmount: 1_134_000, net: 2_754_000 });
    // kasi: 2% + 2% + 4% + 4% = 12% of 2,000,000 = 240,000; 0.5% = 10,000.
    expect(kasi.disciplineDeductions).toEqual([
      { kind: "ABSENCE", count: 4, percent: 12, amount: 240_000 },
      { kind: "LATE_ARRIVAL", count: 1, percent: 0.5, amount: 10_000 },
    ]);
    expect(kasi.net).toBe(1_750_000);
  });

  it("cuts an assessor who leaves the team's log unvalidated past the due day (a rule of the instansi's own)", async () => {
    const { staff, peer, kasi } = await october({
      rules: { performanceShare: 60, performanceBasis: "PROPORTIONAL", absenceTiers: [{ fromDay: 1, cutPerDay: 3 }], lateArrivalCut: 1, unvalidatedTeam: { dueDay: 5, cut: 5 } },
    });
    // peer's 30 October entry still waits for kasi: 5% of 1,740,000 = 87,000. staff's late day was not kasi's to review in time.
    expect(kasi).toMatchObject({ deductions: [{ kind: "UNVALIDATED_TEAM", count: 1, percent: 5, amount: 87_000 }], net: 1_653_000 });
    expect([staff.net, peer.net]).toEqual([2_712_000, 1_758_643]);
  });

  it("shows each employee their own line, and gives the finance office the month as CSV", async () => {
    expect((await api.request(org.tokens.staff!, ownLine)).data!.tppRun!.lines).toEqual([{ nip: nip.staff, net: 2_712_000 }]);
    const get = (token?: string) => api.yoga.fetch("http://kinerja.test/export/tpp/2026-10.csv", { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await get()).status).toBe(401);
    expect((await get(org.tokens.kasi!)).status).toBe(403);
    const response = await get(org.tokens.admin!);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]!.split(",").slice(0, 4)).toEqual(["NIP", "Nama", "Jabatan", "Pagu TPP"]);
    const staffLine = lines.find((line) => line.startsWith(nip.staff))!.split(",");
    expect([staffLine[3], staffLine[6], staffLine[9], staffLine[12], staffLine[13], staffLine.at(-1)]).toEqual(["3000000", "90.00", "1620000", "6", "72000", "2712000"]);
    expect(lines.at(-1)).toBe(`JUMLAH${",".repeat(23)}${2_712_000 + 1_758_643 + 1_653_000}`);
  });
});
