import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { gid, seedOrganisation, type Organisation } from "./support/organisation.ts";
import { databaseFingerprint } from "./support/snapshot.ts";

// The daily work log over HTTP: staff logs March 2026 against the RHK of
// their agreed SKP, kasi (the assessor) reviews it, and the month summary
// and the realisation's evidence follow. The clock is set, so deadlines are
// decided as on the day.

const logWork = graphql(`mutation LogWork($input: LogWorkInput!) {
  logWork(input: $input) {
    __typename
    ... on Error { message }
    ... on InputValidationError { issues { path message } }
    ... on LogWorkPayload { entry { id status late date minutes } }
  }
}`);
const updateEntry = graphql(`mutation UpdateEntry($input: UpdateWorkLogEntryInput!) {
  updateWorkLogEntry(input: $input) { __typename ... on Error { message } ... on UpdateWorkLogEntryPayload { entry { status late minutes reviewComment } } }
}`);
const deleteEntry = graphql(`mutation DeleteEntry($input: DeleteWorkLogEntryInput!) { deleteWorkLogEntry(input: $input) { __typename ... on Error { message } } }`);
const review = graphql(`mutation ReviewLog($input: ReviewWorkLogInput!) {
  reviewWorkLog(input: $input) { __typename ... on Error { message } ... on ReviewWorkLogPayload { entries { id status reviewComment } } }
}`);
const queue = graphql(`query Queue { workLogQueue(first: 50) { edges { node { id date activity employee { name } } } } }`);
const month = graphql(`query LogMonth($id: ID!, $month: String!) {
  node(id: $id) {
    ... on Employee {
      workLogMonth(month: $month) {
        month workingDays effectiveMinutes entries approvedMinutes pendingMinutes returnedEntries daysLogged lateDays missingDays achievementPercent
      }
      workLog(month: $month, first: 100) { edges { node { date activity status late } } }
    }
  }
}`);
const evidence = graphql(`query Evidence($id: ID!) { node(id: $id) { ... on Realisation { workLog { entries minutes daysLogged } } } }`);
const calendar = graphql(`mutation Calendar($input: SetWorkCalendarInput!) { setWorkCalendar(input: $input) { __typename ... on Error { message } } }`);
const holiday = graphql(`mutation Holiday($input: AddHolidayInput!) { addHoliday(input: $input) { __typename ... on Error { message } } }`);

/** 07:00 in Jakarta (WIB, UTC+7) on a day. */
const morningOf = (day: string) => new Date(`${day}T00:00:00Z`);

describe.each(databaseKinds)("daily work log on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let now = morningOf("2026-03-02");
  beforeAll(async () => {
    api = await startApi(kind, {}, { clock: () => now });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  const log = async (date: string, minutes: number, extra: Record<string, unknown> = {}) => {
    const result = await api.request(org.tokens.staff!, logWork, { input: { rhkId: org.ids.rhk, date, activity: `Pelayanan imunisasi ${date}`, minutes, ...extra } });
    expect(result.errors).toBeUndefined();
    return result.data!.logWork;
  };
  const entryOf = (payload: Awaited<ReturnType<typeof log>>) => {
    expect(payload.__typename, "message" in payload ? payload.message : "").toBe("LogWorkPayload");
    return (payload as Extract<typeof payload, { __typename: "LogWorkPayload" }>).entry;
  };
  const summary = async (token: string, employee = org.ids.staff!, of = "2026-03") =>
    ((await api.request(token, month, { id: employee, month: of })).data?.node as { workLogMonth: Record<string, number> | null } | null)?.workLogMonth;

  it("logs a month, marks late entries against the grace days, and reviews them from the assessor's queue", async () => {
    // March 2026: Nyepi on Thursday the 19th; a five-day office with two grace days.
    expect((await api.request(org.tokens.admin!, holiday, { input: { date: "2026-03-19", name: "Hari Suci Nyepi" } })).data?.addHoliday.__typename).toBe("AddHolidayPayload");
    // Monday 2 March, logged the same day: on time.
    const monday = entryOf(await log("2026-03-02", 420));
    expect(monday).toMatchObject({ status: "SUBMITTED", late: false, minutes: 420 });
    // Thursday 5 March, logged the following Monday (9th): the deadline was Monday (Fri, Mon): on time.
    now = morningOf("2026-03-09");
    expect(entryOf(await log("2026-03-05", 450))).toMatchObject({ late: false });
    // Tuesday 3 March, logged on the 9th: due Thursday the 5th: late.
    expect(entryOf(await log("2026-03-03", 450))).toMatchObject({ late: true });
    // A draft counts nowhere until submitted.
    const draft = entryOf(await log("2026-03-04", 300, { draft: true }));
    expect(draft).toMatchObject({ status: "DRAFT", late: false });

    const waiting = await api.request(org.tokens.kasi!, queue);
    expect(waiting.data?.workLogQueue.edges.map((e) => e.node.date)).toEqual(["2026-03-02", "2026-03-03", "2026-03-05"]);
    expect((await api.request(org.tokens.kasiLain!, queue)).data?.workLogQueue.edges).toEqual([]);
    expect((await api.request(org.tokens.staff!, queue)).data?.workLogQueue.edges).toEqual([]);

    const [first, late, thursday] = waiting.data!.workLogQueue.edges.map((e) => e.node.id);
    // A return needs a note; the refusal changes nothing.
    const before = await databaseFingerprint(api.prisma);
    expect((await api.request(org.tokens.kasi!, review, { input: { entryIds: [late!], decision: "RETURN" } })).data?.reviewWorkLog.__typename).toBe("InputValidationError");
    expect(await databaseFingerprint(api.prisma)).toBe(before);
    const returned = await api.request(org.tokens.kasi!, review, { input: { entryIds: [late!], decision: "RETURN", comment: "Tulis jumlah sasaran yang dilayani." } });
    expect(returned.data?.reviewWorkLog).toMatchObject({ entries: [{ status: "RETURNED", reviewComment: "Tulis jumlah sasaran yang dilayani." }] });
    const approved = await api.request(org.tokens.kasi!, review, { input: { entryIds: [first!, thursday!], decision: "APPROVE" } });
    expect(approved.data?.reviewWorkLog).toMatchObject({ entries: [{ status: "APPROVED" }, { status: "APPROVED" }] });
    // All or none: one approved entry among the named fails the whole review.
    now = morningOf("2026-03-10");
    const draftSubmitted = await api.request(org.tokens.staff!, updateEntry, { input: { id: draft.id } });
    expect(draftSubmitted.data?.updateWorkLogEntry).toMatchObject({ entry: { status: "SUBMITTED", late: true } });
    const mixed = await api.request(org.tokens.kasi!, review, { input: { entryIds: [draft.id, first!], decision: "APPROVE" } });
    expect(mixed.data?.reviewWorkLog).toMatchObject({ __typename: "ConflictError" });
    expect((await api.prisma.workLogEntry.findUniqueOrThrow({ where: { id: Buffer.from(draft.id, "base64").toString().split(":")[1]! } })).status).toBe("SUBMITTED");

    // Approved is locked; returned is corrected and sent again.
    expect((await api.request(org.tokens.staff!, updateEntry, { input: { id: first!, minutes: 480 } })).data?.updateWorkLogEntry.__typename).toBe("ConflictError");
    expect((await api.request(org.tokens.staff!, deleteEntry, { input: { id: first! } })).data?.deleteWorkLogEntry.__typename).toBe("ConflictError");
    const corrected = await api.request(org.tokens.staff!, updateEntry, { input: { id: late!, activity: "Imunisasi 38 bayi di Posyandu Melati", minutes: 400 } });
    expect(corrected.data?.updateWorkLogEntry).toMatchObject({ entry: { status: "SUBMITTED", minutes: 400, reviewComment: null } });
    // Only the author edits; another employee of the team cannot.
    expect((await api.request(org.tokens.peer!, updateEntry, { input: { id: late!, minutes: 10 } })).data?.updateWorkLogEntry.__typename).toBe("ForbiddenError");

    // The month as of 10 March: 21 working days (22 weekdays, less Nyepi) × 450 minutes.
    expect(await summary(org.tokens.staff!)).toEqual({
      month: "2026-03",
      workingDays: 21,
      effectiveMinutes: 9450,
      entries: 4,
      approvedMinutes: 870,
      pendingMinutes: 700,
      returnedEntries: 0,
      daysLogged: 4,
      lateDays: 2,
      // 2–9 March: six working days, of which the 6th and 9th have nothing.
      missingDays: 2,
      achievementPercent: 9.21,
    });
    // The supervisor and the admin read it; a team peer and the head above do not.
    expect(await summary(org.tokens.kasi!)).toMatchObject({ approvedMinutes: 870 });
    expect(await summary(org.tokens.admin!)).toMatchObject({ approvedMinutes: 870 });
    expect(await summary(org.tokens.kepala!)).toBeUndefined(); // staff is not kepala's to see at all
    expect(await summary(org.tokens.staff!, org.ids.kasi!)).toBeNull(); // staff sees kasi's record, not kasi's log
    const peerView = await api.request(org.tokens.peer!, month, { id: org.ids.staff!, month: "2026-03" });
    expect(peerView.data?.node).toBeNull();

    // Every change is audited.
    const audit = await api.prisma.auditLog.findMany({ where: { entity: "WorkLogEntry" } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["approve", "approve", "return", "save", "submit", "submit", "submit", "submit", "submit"]);
  });

  it("counts a six-day office's days and minutes, and refuses bad entries without storing them", async () => {
    now = morningOf("2026-04-30");
    expect((await api.request(org.tokens.admin!, calendar, { input: { workDaysPerWeek: 6 } })).data?.setWorkCalendar.__typename).toBe("SetWorkCalendarPayload");
    // April 2026 has 26 days from Monday to Saturday; 375 minutes each.
    expect(await summary(org.tokens.staff!, org.ids.staff!, "2026-04")).toMatchObject({ workingDays: 26, effectiveMinutes: 9750, missingDays: 25 });
    const before = await databaseFingerprint(api.prisma);
    const refused = async (input: Record<string, unknown>, typename: string) => {
      const payload = await log(input.date as string ?? "2026-04-29", 60, input);
      expect(payload.__typename, JSON.stringify(payload)).toBe(typename);
      return payload;
    };
    await refused({ date: "2026-05-01" }, "InputValidationError"); // not yet
    await refused({ date: "2025-12-31" }, "InputValidationError"); // not the SKP's year
    await refused({ date: "2026-04-29", minutes: 0 }, "InputValidationError");
    await refused({ date: "2026-04-29", indicatorId: gid("Indicator", (await api.prisma.indicator.findFirstOrThrow({ where: { rhkId: org.draftRhk.id } })).id) }, "InputValidationError");
    await refused({ date: "2026-04-29", rhkId: org.ids.draftRhk }, "ForbiddenError"); // peer's RHK
    await refused({ date: "2026-04-29", evidenceUrl: "javascript:alert(1)" }, "InputValidationError");
    expect(await databaseFingerprint(api.prisma)).toBe(before);
    // A day holds 24 hours.
    expect((await log("2026-04-29", 1000)).__typename).toBe("LogWorkPayload");
    const over = await log("2026-04-29", 500);
    expect(over).toMatchObject({ __typename: "InputValidationError", issues: [{ path: ["input", "minutes"] }] });
  });

  it("rolls the approved log up into the realisation's evidence", async () => {
    // Q1 holds the approved entries of 2 and 5 March (420 + 450 minutes); submitted and returned ones do not count.
    const result = await api.request(org.tokens.kasi!, evidence, { id: org.ids.realisation });
    expect(result.data?.node).toEqual({ workLog: { entries: 2, minutes: 870, daysLogged: 2 } });
  });
});
