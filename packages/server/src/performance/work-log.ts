import { isAssessorOf, readsWorkLogOf, reportsRealisationsOf } from "../access/policy.ts";
import { writeAudit } from "../application/audit.ts";
import { load } from "../application/load.ts";
import type { ReadScope, Scope } from "../application/scope.ts";
import { visibleWorkLog } from "../access/visibility.ts";
import { addDays, dailyMinutes, dayIn, dayOf, daysOfMonth, isWorkingDay, logDeadline, type WorkCalendar } from "../domain/work-calendar.ts";
import type { WorkLogEntry } from "../generated/prisma/client.ts";
import { calendarOf } from "../organisation/work-calendar.ts";
import { ConflictError, ForbiddenError, invalidInput, NotFoundError } from "../refusals.ts";
import { loadSkp, type LoadedSkp } from "./skps.ts";

// The daily work log (laporan kinerja harian): the employee records what
// they did each day against an RHK of their SKP; the assessor approves an
// entry (it is then locked) or returns it with a note. An entry is due by
// the instansi's grace days after its day, in working days; a later one is
// taken and marked late. The approved log is evidence for the period's
// realisation and an input to allowances (TPP).

export interface WorkLogFields {
  rhkId: string;
  indicatorId?: string | null;
  date: Date;
  activity: string;
  output?: string | null;
  minutes: number;
  evidenceUrl?: string | null;
  /** Keep it as a draft instead of submitting it for review. */
  draft?: boolean | null;
}

const minutesInADay = 24 * 60;
/** Entries one review decides at most: a supervisor's day of approvals, bounded. */
export const reviewBatchLimit = 100;

/** The employee records a day's work: a draft, or submitted for review. */
export async function logWork(scope: Scope, input: WorkLogFields) {
  const { db, viewer } = scope;
  const checked = await checkEntry(scope, input, null);
  const entry = await db.workLogEntry.create({
    data: { instansiId: viewer.instansiId, employeeId: checked.skp.employeeId, ...checked.fields },
  });
  await writeAudit(db, viewer, { entity: "WorkLogEntry", entityId: entry.id, action: input.draft ? "save" : "submit", after: entry });
  return entry;
}

/** The employee corrects a draft or a returned entry; it is submitted again unless kept as a draft. */
export async function updateWorkLogEntry(scope: Scope, input: { id: string } & Partial<WorkLogFields>) {
  const { db, viewer } = scope;
  const before = await ownEditableEntry(scope, input.id);
  const merged: WorkLogFields = {
    rhkId: input.rhkId ?? before.rhkId,
    indicatorId: input.indicatorId === undefined ? before.indicatorId : input.indicatorId,
    date: input.date ?? before.date,
    activity: input.activity ?? before.activity,
    output: input.output === undefined ? before.output : input.output,
    minutes: input.minutes ?? before.minutes,
    evidenceUrl: input.evidenceUrl === undefined ? before.evidenceUrl : input.evidenceUrl,
    draft: input.draft,
  };
  const checked = await checkEntry(scope, merged, before.id);
  // Conditional on the status read, so a review cannot land between the check and the write.
  const { count } = await db.workLogEntry.updateMany({
    where: { id: before.id, status: before.status },
    data: { ...checked.fields, reviewerId: null, reviewedAt: null },
  });
  if (count === 0) throw new ConflictError("The entry changed meanwhile; load it again.");
  const after = await db.workLogEntry.findUniqueOrThrow({ where: { id: before.id } });
  await writeAudit(db, viewer, { entity: "WorkLogEntry", entityId: after.id, action: merged.draft ? "save" : "submit", before, after });
  return after;
}

/** The employee removes a draft or a returned entry; submitted and approved ones stay. */
export async function deleteWorkLogEntry(scope: Scope, input: { id: string }) {
  const { db, viewer } = scope;
  const entry = await ownEditableEntry(scope, input.id);
  const { count } = await db.workLogEntry.deleteMany({ where: { id: entry.id, status: entry.status } });
  if (count === 0) throw new ConflictError("The entry changed meanwhile; load it again.");
  await writeAudit(db, viewer, { entity: "WorkLogEntry", entityId: entry.id, action: "delete", before: entry });
  return entry;
}

/** The assessor approves submitted entries (locking them) or returns them with a note: all of them, or none. */
export async function reviewWorkLog(scope: Scope, input: { entryIds: string[]; decision: "APPROVE" | "RETURN"; comment?: string | null }) {
  const { db, viewer } = scope;
  if (input.decision === "RETURN" && !input.comment) throw invalidInput(["input", "comment"], "Say what to correct in the returned entries.");
  const ids = [...new Set(input.entryIds)];
  const entries = await db.workLogEntry.findMany({ where: { id: { in: ids }, instansiId: viewer.instansiId }, include: { rhk: { select: { skpId: true } } } });
  const missing = ids.find((id) => !entries.some((entry) => entry.id === id));
  if (missing) throw new NotFoundError("WorkLogEntry", missing);
  const skps = new Map<string, LoadedSkp>();
  for (const entry of entries) {
    const skp = skps.get(entry.rhk.skpId) ?? (await loadSkp(scope, entry.rhk.skpId));
    skps.set(skp.id, skp);
    if (!isAssessorOf(viewer, skp)) throw new ForbiddenError("Only the SKP's assessor reviews its work log.");
  }
  const reviewedAt = scope.now;
  const { count } = await db.workLogEntry.updateMany({
    where: { id: { in: ids }, status: "SUBMITTED" },
    data: { status: input.decision === "APPROVE" ? "APPROVED" : "RETURNED", reviewerId: viewer.employeeId, reviewedAt, reviewComment: input.comment ?? null },
  });
  if (count !== ids.length) {
    // Rolled back with the transaction: a review decides every entry named or none.
    const notSubmitted = entries.filter((entry) => entry.status !== "SUBMITTED").map((entry) => entry.status.toLowerCase());
    throw new ConflictError(`Only submitted entries can be reviewed; ${notSubmitted.length || ids.length - count} of these ${notSubmitted.length ? `are ${[...new Set(notSubmitted)].join(", ")}` : "changed meanwhile"}.`);
  }
  const after = await db.workLogEntry.findMany({ where: { id: { in: ids } }, orderBy: [{ date: "asc" }, { createdAt: "asc" }] });
  for (const entry of after) {
    const { rhk: _rhk, ...before } = entries.find((e) => e.id === entry.id)!;
    await writeAudit(db, viewer, { entity: "WorkLogEntry", entityId: entry.id, action: input.decision.toLowerCase(), before, after: entry });
  }
  return after;
}

/** Checks an entry against its RHK, day and the day's other entries; returns what to store, status and lateness included. */
async function checkEntry(scope: Scope, input: WorkLogFields, entryId: string | null) {
  const { db, viewer } = scope;
  const rhk = await load(scope, "Rhk", input.rhkId);
  const skp = await loadSkp(scope, rhk.skpId);
  if (!reportsRealisationsOf(viewer, skp)) throw new ForbiddenError("Only the SKP's owner logs work against it.");
  if (input.indicatorId) {
    const indicator = await load(scope, "Indicator", input.indicatorId);
    if (indicator.rhkId !== rhk.id) throw invalidInput(["input", "indicatorId"], "The indicator is not one of the RHK's.");
  }
  const day = dayOf(input.date);
  // The deadline lies at most the grace days plus weekends and holidays after the day: a month ahead is ample.
  const calendar = await calendarOf(db, viewer.instansiId, day, addDays(day, 31));
  const today = dayIn(scope.now, calendar.timeZone);
  if (day > today) throw invalidInput(["input", "date"], "Work is logged on or after the day it is done, not before.");
  if (Number(day.slice(0, 4)) !== skp.year.year) throw invalidInput(["input", "date"], `The day is not in the SKP's year (${skp.year.year}).`);
  if (skp.year.closedAt) throw new ConflictError(`Performance year ${skp.year.year} is closed.`);
  const others = await db.workLogEntry.aggregate({
    where: { employeeId: skp.employeeId, date: input.date, ...(entryId ? { id: { not: entryId } } : {}) },
    _sum: { minutes: true },
  });
  if ((others._sum.minutes ?? 0) + input.minutes > minutesInADay) {
    throw invalidInput(["input", "minutes"], `The day already holds ${others._sum.minutes} minutes of work; a day has ${minutesInADay}.`);
  }
  return {
    skp,
    fields: {
      rhkId: rhk.id,
      indicatorId: input.indicatorId ?? null,
      date: input.date,
      activity: input.activity,
      output: input.output ?? null,
      minutes: input.minutes,
      evidenceUrl: input.evidenceUrl ?? null,
      // A draft, or submitted now: late past the day's deadline.
      ...(input.draft
        ? { status: "DRAFT" as const, submittedAt: null, late: false, reviewComment: null }
        : { status: "SUBMITTED" as const, submittedAt: scope.now, late: today > logDeadline(day, calendar.workLogGraceDays, calendar), reviewComment: null }),
    },
  };
}

async function ownEditableEntry(scope: Scope, id: string) {
  const entry = await load(scope, "WorkLogEntry", id);
  if (entry.employeeId !== scope.viewer.employeeId) throw new ForbiddenError("Only the entry's author changes it.");
  if (entry.status === "SUBMITTED") throw new ConflictError("The entry is awaiting review.");
  if (entry.status === "APPROVED") throw new ConflictError("The entry is approved and locked.");
  return entry;
}

export interface WorkLogMonth {
  employeeId: string;
  month: string;
  workingDays: number;
  effectiveMinutes: number;
  entries: number;
  approvedMinutes: number;
  pendingMinutes: number;
  returnedEntries: number;
  daysLogged: number;
  lateDays: number;
  missingDays: number;
  /** Approved minutes against the month's effective minutes, in percent (two decimals). */
  achievementPercent: number;
}

/**
 * One employee's month: entries, approved minutes against the month's
 * effective minutes, days logged, late days, and working days so far with
 * nothing submitted. Drafts count nowhere: they are not yet reported.
 */
export async function workLogMonth(scope: ReadScope, employeeId: string, month: string): Promise<WorkLogMonth | null> {
  const { db, viewer } = scope;
  const employee = await db.employee.findFirst({ where: { id: employeeId, instansiId: viewer.instansiId }, select: { id: true, supervisorId: true } });
  if (!employee) return null;
  const assessesThem = viewer.employeeId !== null && (await db.skp.count({ where: { employeeId, assessorId: viewer.employeeId } })) > 0;
  if (!readsWorkLogOf(viewer, employee, assessesThem)) return null;
  const days = daysOfMonth(month);
  const calendar = await calendarOf(scope.db, scope.viewer.instansiId, days[0]!, days.at(-1)!);
  const entries = await scope.db.workLogEntry.findMany({
    where: { employeeId, date: inMonth(month), status: { not: "DRAFT" } },
    select: { date: true, minutes: true, status: true, late: true },
  });
  return summarise(employeeId, month, days, entries, calendar, dayIn(scope.now, calendar.timeZone));
}

function summarise(
  employeeId: string,
  month: string,
  days: string[],
  entries: Array<Pick<WorkLogEntry, "date" | "minutes" | "status" | "late">>,
  calendar: WorkCalendar,
  today: string,
): WorkLogMonth {
  const workingDays = workingDaysOf(days, calendar);
  const effectiveMinutes = workingDays.length * dailyMinutes(calendar);
  const sum = (status: string) => entries.filter((e) => e.status === status).reduce((total, e) => total + e.minutes, 0);
  const approvedMinutes = sum("APPROVED");
  const reported = new Set(entries.filter((e) => e.status !== "RETURNED").map((e) => dayOf(e.date)));
  return {
    employeeId,
    month,
    workingDays: workingDays.length,
    effectiveMinutes,
    entries: entries.length,
    approvedMinutes,
    pendingMinutes: sum("SUBMITTED"),
    returnedEntries: entries.filter((e) => e.status === "RETURNED").length,
    daysLogged: reported.size,
    lateDays: new Set(entries.filter((e) => e.late).map((e) => dayOf(e.date))).size,
    // Only days already past: today can still be logged.
    missingDays: workingDays.filter((day) => day < today && !reported.has(day)).length,
    achievementPercent: effectiveMinutes ? Math.round((approvedMinutes / effectiveMinutes) * 10_000) / 100 : 0,
  };
}

const workingDaysOf = (days: string[], calendar: WorkCalendar) => days.filter((day) => isWorkingDay(day, calendar));

/** A month's effective minutes: its working days (days off excluded) × the daily effective minutes. */
export const effectiveMinutesOf = (month: string, calendar: WorkCalendar) => workingDaysOf(daysOfMonth(month), calendar).length * dailyMinutes(calendar);

/** Entries' dates within a month ("YYYY-MM"). */
export function inMonth(month: string) {
  const days = daysOfMonth(month);
  return { gte: new Date(days[0]!), lte: new Date(days.at(-1)!) };
}

/** The approved log behind an indicator's realisation: its RHK's entries in the period, for this indicator or none named. */
export async function workLogEvidence(scope: ReadScope, indicator: { id: string; rhkId: string }, period: { startsOn: Date; endsOn: Date }) {
  const entries = await scope.db.workLogEntry.findMany({
    where: {
      AND: [
        visibleWorkLog(scope.viewer),
        { rhkId: indicator.rhkId, status: "APPROVED", date: { gte: period.startsOn, lte: period.endsOn }, OR: [{ indicatorId: indicator.id }, { indicatorId: null }] },
      ],
    },
    select: { date: true, minutes: true },
  });
  return {
    entries: entries.length,
    minutes: entries.reduce((total, entry) => total + entry.minutes, 0),
    daysLogged: new Set(entries.map((entry) => dayOf(entry.date))).size,
  };
}
