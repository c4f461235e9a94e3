import { isAdmin } from "../access/policy.ts";
import { writeAudit } from "../application/audit.ts";
import type { ReadScope, Scope } from "../application/scope.ts";
import { calculateTpp, tppPresets, tppRulesSchema, type TppCalculation, type TppPreset, type TppRules } from "../domain/tpp.ts";
import { dayIn, dayOf, daysOfMonth } from "../domain/work-calendar.ts";
import type { Viewer } from "../access/viewer.ts";
import type { Prisma, TppRun } from "../generated/prisma/client.ts";
import { changeInstansiSettings } from "../organisation/instansi.ts";
import { calendarOf } from "../organisation/work-calendar.ts";
import { effectiveMinutesOf, inMonth } from "../performance/work-log.ts";
import { ConflictError, invalidInput } from "../refusals.ts";

// The monthly TPP: the admin chooses the region's rule set, imports each
// employee's base amount and attendance for a month, and runs the month.
// A run keeps the rule set and every line as computed, for the finance
// office (BPKD); running the month again makes a new run, the latest counts.

/** The admin sets the rule set: a preset, or rules of their own. */
export async function setTppRules(scope: Scope, input: { preset?: TppPreset | null; rules?: unknown }) {
  if ((input.preset == null) === (input.rules == null)) throw invalidInput(["input", "preset"], "Give either a preset or rules of your own.");
  const parsed = input.preset ? { success: true as const, data: tppPresets[input.preset] as TppRules } : tppRulesSchema.safeParse(input.rules);
  if (!parsed.success) throw invalidInput(["input", "rules", ...parsed.error.issues[0]!.path.map(String)], parsed.error.issues[0]!.message);
  return changeInstansiSettings(scope, "set-tpp-rules", { tppRules: parsed.data });
}

export interface TppInputRow {
  nip: string;
  baseAmount: number;
  absentDays: number;
  lateArrivals: number;
}

/** Records a month's inputs by NIP, replacing earlier ones for those employees; an unknown NIP refuses the whole import. */
export async function recordTppInputs(scope: Scope, input: { month: string; rows: readonly TppInputRow[] }) {
  const { db, viewer } = scope;
  const nips = input.rows.map((row) => row.nip);
  const duplicate = nips.find((nip, i) => nips.indexOf(nip) !== i);
  if (duplicate) throw invalidInput(["input", "rows"], `NIP ${duplicate} appears twice.`);
  const employees = await db.employee.findMany({ where: { instansiId: viewer.instansiId, nip: { in: nips } }, select: { id: true, nip: true } });
  const idOf = new Map(employees.map((e) => [e.nip, e.id]));
  const unknown = input.rows.findIndex((row) => !idOf.has(row.nip));
  if (unknown >= 0) throw invalidInput(["input", "rows", String(unknown), "nip"], `No employee of this instansi has NIP ${input.rows[unknown]!.nip}.`);
  const ids = employees.map((e) => e.id);
  await db.tppInput.deleteMany({ where: { month: input.month, employeeId: { in: ids } } });
  await db.tppInput.createMany({
    data: input.rows.map(({ nip, ...row }) => ({ instansiId: viewer.instansiId, employeeId: idOf.get(nip)!, month: input.month, ...row })),
  });
  await writeAudit(db, viewer, { entity: "TppInput", entityId: input.month, action: "record", after: { month: input.month, rows: input.rows.length } });
  return db.tppInput.count({ where: { instansiId: viewer.instansiId, month: input.month } });
}

/** The first day of the month after `month`, plus `day - 1` days: the due day of a month's log. */
function dueDayAfter(month: string, day: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const next = new Date(Date.UTC(year, m, day));
  return dayOf(next);
}

export interface TppLine extends TppCalculation {
  employeeId: string;
  nip: string;
  name: string;
  position: string;
  absentDays: number;
  lateArrivals: number;
  approvedMinutes: number;
  effectiveMinutes: number;
}

/** Computes every employee with inputs for the month under the instansi's rule set, and keeps the run. */
export async function runTpp(scope: Scope, input: { month: string }) {
  const { db, viewer } = scope;
  const instansi = await db.instansi.findUniqueOrThrow({ where: { id: viewer.instansiId }, select: { tppRules: true } });
  if (!instansi.tppRules) throw new ConflictError("Choose the TPP rule set first (setTppRules).");
  const rules = tppRulesSchema.parse(instansi.tppRules);
  const days = daysOfMonth(input.month);
  const calendar = await calendarOf(db, viewer.instansiId, days[0]!, days.at(-1)!);
  if (dayIn(scope.now, calendar.timeZone) <= days.at(-1)!) throw new ConflictError(`The TPP of ${input.month} is computed once the month is over.`);
  const inputs = await db.tppInput.findMany({
    where: { instansiId: viewer.instansiId, month: input.month },
    select: { baseAmount: true, absentDays: true, lateArrivals: true, employee: { select: { id: true, nip: true, name: true, position: true } } },
    orderBy: { employee: { nip: "asc" } },
  });
  if (inputs.length === 0) throw new ConflictError(`No TPP inputs are recorded for ${input.month}.`);
  const effectiveMinutes = effectiveMinutesOf(input.month, calendar);
  const measured = await measuredLog(db, viewer.instansiId, input.month, calendar.timeZone, rules);
  const lines: TppLine[] = inputs.map(({ employee, ...row }) => {
    const log = measured.get(employee.id);
    const approvedMinutes = log?.approvedMinutes ?? 0;
    return {
      employeeId: employee.id,
      nip: employee.nip,
      name: employee.name,
      position: employee.position,
      absentDays: row.absentDays,
      lateArrivals: row.lateArrivals,
      approvedMinutes,
      effectiveMinutes,
      ...calculateTpp(rules, {
        ...row,
        approvedMinutes,
        effectiveMinutes,
        // A month with no log at all is not in either.
        logLate: rules.lateLog !== null && (!log?.entries || log.late),
        unvalidatedTeamEntries: log?.unvalidatedTeamEntries ?? 0,
      }),
    };
  });
  const run = await db.tppRun.create({
    data: { instansiId: viewer.instansiId, month: input.month, rules, lines: lines as unknown as Prisma.InputJsonValue, computedAt: scope.now, computedById: viewer.employeeId },
  });
  await writeAudit(db, viewer, { entity: "TppRun", entityId: run.id, action: "run", after: { month: input.month, employees: lines.length, net: lines.reduce((t, l) => t + l.net, 0) } });
  return viewOf(run, viewer);
}

interface MeasuredLog {
  /** The employee's own entries in the month. */
  entries: number;
  approvedMinutes: number;
  /** Some of the month's log was not submitted by the rule's due day. */
  late: boolean;
  /** The team's entries the employee, as assessor, left waiting for review past the due day. */
  unvalidatedTeamEntries: number;
}

/** What the month's work log says per employee: approved minutes, lateness against the rule's due day, entries left unvalidated. */
async function measuredLog(db: Prisma.TransactionClient, instansiId: string, month: string, timeZone: string, rules: TppRules) {
  const entries = await db.workLogEntry.findMany({
    where: { instansiId, date: inMonth(month) },
    select: {
      employeeId: true,
      minutes: true,
      status: true,
      submittedAt: true,
      reviewedAt: true,
      rhk: { select: { skp: { select: { assessorId: true, employee: { select: { supervisorId: true } } } } } },
    },
  });
  const logDue = rules.lateLog ? dueDayAfter(month, rules.lateLog.dueDay) : null;
  const reviewDue = rules.unvalidatedTeam ? dueDayAfter(month, rules.unvalidatedTeam.dueDay) : null;
  const after = (instant: Date | null, day: string) => instant === null || dayIn(instant, timeZone) > day;
  const measured = new Map<string, MeasuredLog>();
  const of = (id: string) => measured.get(id) ?? measured.set(id, { entries: 0, approvedMinutes: 0, late: false, unvalidatedTeamEntries: 0 }).get(id)!;
  for (const entry of entries) {
    const mine = of(entry.employeeId);
    mine.entries += 1;
    if (entry.status === "APPROVED") mine.approvedMinutes += entry.minutes;
    if (logDue && after(entry.submittedAt, logDue)) mine.late = true;
    const assessorId = entry.rhk.skp.assessorId ?? entry.rhk.skp.employee.supervisorId;
    if (reviewDue && assessorId && entry.status !== "DRAFT" && !after(entry.submittedAt, reviewDue)) {
      // Submitted in time for review, and still waiting after the due day.
      if (entry.status === "SUBMITTED" || after(entry.reviewedAt, reviewDue)) of(assessorId).unvalidatedTeamEntries += 1;
    }
  }
  return measured;
}

/** The latest run of a month: every line for the admin, the viewer's own line for anyone else. */
export async function latestTppRun(scope: ReadScope, month: string) {
  const { db, viewer } = scope;
  const run = await db.tppRun.findFirst({ where: { instansiId: viewer.instansiId, month }, orderBy: { computedAt: "desc" } });
  return run && viewOf(run, viewer);
}

/** A run as the viewer may read it. */
function viewOf(run: TppRun, viewer: Viewer) {
  const lines = run.lines as unknown as TppLine[];
  return { ...run, rules: run.rules as TppRules, lines: isAdmin(viewer) ? lines : lines.filter((line) => line.employeeId === viewer.employeeId) };
}

export type TppRunView = ReturnType<typeof viewOf>;
