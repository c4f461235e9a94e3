// Working days and working time of an instansi. ASN work 37.5 hours a week,
// breaks excluded (Perpres 21/2023, Pasal 4), over five days (Monday–Friday)
// or six (Monday–Saturday) as the region decides; national holidays and
// cuti bersama are days off. Days are "YYYY-MM-DD" in the instansi's time zone.

export const weeklyMinutes = 37.5 * 60;

export interface WorkCalendar {
  workDaysPerWeek: 5 | 6;
  /** Days off besides the weekend, "YYYY-MM-DD". */
  holidays: ReadonlySet<string>;
}

/** Effective working minutes of one working day: 450 in a five-day office, 375 in a six-day one. */
export const dailyMinutes = (calendar: Pick<WorkCalendar, "workDaysPerWeek">) => weeklyMinutes / calendar.workDaysPerWeek;

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  const d = weekday(day);
  if (d === 0 || (d === 6 && calendar.workDaysPerWeek === 5)) return false;
  return !calendar.holidays.has(day);
}

export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/**
 * The last day a day's log is on time: the day itself with no grace, else
 * the `graceDays`-th working day after it (a weekend's or a holiday's work
 * counts from the next working days too).
 */
export function logDeadline(day: string, graceDays: number, calendar: WorkCalendar): string {
  let deadline = day;
  for (let counted = 0; counted < graceDays; ) {
    deadline = addDays(deadline, 1);
    if (isWorkingDay(deadline, calendar)) counted++;
  }
  return deadline;
}

/** Every day of a month ("YYYY-MM"). */
export function daysOfMonth(month: string): string[] {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const count = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

/** The calendar day an instant falls on in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** A @db.Date value as its day. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);
