import { writeAudit } from "../application/audit.ts";
import type { ReadScope, Scope } from "../application/scope.ts";
import { dayOf, type WorkCalendar } from "../domain/work-calendar.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { changeInstansiSettings } from "./instansi.ts";
import { ConflictError, NotFoundError } from "../refusals.ts";

// An instansi's working calendar: a five- or six-day week, the grace days
// for daily work logs, and its days off. The admin (pengelola kinerja)
// keeps it; the work log and its month summaries read it.

export interface InstansiCalendar extends WorkCalendar {
  timeZone: string;
  workLogGraceDays: number;
}

/** The calendar with the days off between `from` and `to` (inclusive, "YYYY-MM-DD"). */
export async function calendarOf(db: Prisma.TransactionClient, instansiId: string, from: string, to: string): Promise<InstansiCalendar> {
  const [instansi, holidays] = await Promise.all([
    db.instansi.findUniqueOrThrow({ where: { id: instansiId }, select: { timeZone: true, workDaysPerWeek: true, workLogGraceDays: true } }),
    db.holiday.findMany({ where: { instansiId, date: { gte: new Date(from), lte: new Date(to) } }, select: { date: true } }),
  ]);
  return {
    timeZone: instansi.timeZone,
    workDaysPerWeek: instansi.workDaysPerWeek === 6 ? 6 : 5,
    workLogGraceDays: instansi.workLogGraceDays,
    holidays: new Set(holidays.map((h) => dayOf(h.date))),
  };
}

/** The admin sets the working week and the log grace days; a setting left out stays. */
export function setWorkCalendar(scope: Scope, input: { workDaysPerWeek?: number | null; workLogGraceDays?: number | null }) {
  return changeInstansiSettings(scope, "set-work-calendar", {
    ...(input.workDaysPerWeek != null ? { workDaysPerWeek: input.workDaysPerWeek } : {}),
    ...(input.workLogGraceDays != null ? { workLogGraceDays: input.workLogGraceDays } : {}),
  });
}

export async function addHoliday(scope: Scope, input: { date: Date; name: string }) {
  const { db, viewer } = scope;
  const where = { instansiId_date: { instansiId: viewer.instansiId, date: input.date } };
  if (await db.holiday.findUnique({ where })) throw new ConflictError(`${dayOf(input.date)} is already a day off.`);
  const holiday = await db.holiday.create({ data: { instansiId: viewer.instansiId, date: input.date, name: input.name } });
  await writeAudit(db, viewer, { entity: "Holiday", entityId: holiday.id, action: "add", after: holiday });
  return holiday;
}

export async function removeHoliday(scope: Scope, input: { date: Date }) {
  const { db, viewer } = scope;
  const holiday = await db.holiday.findUnique({ where: { instansiId_date: { instansiId: viewer.instansiId, date: input.date } } });
  if (!holiday) throw new NotFoundError("Holiday", dayOf(input.date));
  await db.holiday.delete({ where: { id: holiday.id } });
  await writeAudit(db, viewer, { entity: "Holiday", entityId: holiday.id, action: "remove", before: holiday });
  return holiday;
}

/** The days off of a year, in date order. */
export function holidaysOf(scope: ReadScope, year: number) {
  return scope.db.holiday.findMany({
    where: { instansiId: scope.viewer.instansiId, date: { gte: new Date(Date.UTC(year, 0, 1)), lte: new Date(Date.UTC(year, 11, 31)) } },
    orderBy: { date: "asc" },
  });
}
