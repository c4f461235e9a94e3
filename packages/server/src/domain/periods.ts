export type Cadence = "MONTHLY" | "QUARTERLY";
export type PeriodKind = "MONTH" | "QUARTER" | "YEAR";

export interface PeriodSpan {
  kind: PeriodKind;
  /** 1–12 for months, 1–4 for quarters, 0 for the whole year. */
  number: number;
  startsOn: Date;
  endsOn: Date;
}

const utcDate = (year: number, monthIndex: number, day: number) => new Date(Date.UTC(year, monthIndex, day));

/** The evaluation periods of a year: each month or quarter, then the year itself. */
export function periodsOfYear(year: number, cadence: Cadence): PeriodSpan[] {
  const months = cadence === "MONTHLY" ? 1 : 3;
  const kind: PeriodKind = cadence === "MONTHLY" ? "MONTH" : "QUARTER";
  const periods: PeriodSpan[] = [];
  for (let number = 1; number * months <= 12; number++) {
    const firstMonth = (number - 1) * months;
    // Day 0 of the next month is the last day of this period.
    periods.push({ kind, number, startsOn: utcDate(year, firstMonth, 1), endsOn: utcDate(year, firstMonth + months, 0) });
  }
  periods.push({ kind: "YEAR", number: 0, startsOn: utcDate(year, 0, 1), endsOn: utcDate(year, 11, 31) });
  return periods;
}

/**
 * The first day an evaluation of the period can be finalised: a month or
 * quarter from its last `opensDays` days on; the year from the start of its
 * last month or quarter, once the year's results are nearly all in.
 */
export function evaluationOpensOn(period: Omit<PeriodSpan, "number">, lastPeriodStartsOn: Date, opensDays: number): Date {
  if (period.kind === "YEAR") return lastPeriodStartsOn;
  const opens = new Date(period.endsOn);
  opens.setUTCDate(opens.getUTCDate() - opensDays + 1);
  return opens < period.startsOn ? period.startsOn : opens;
}

const monthNames = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** Indonesian period names as used on SKP forms: "Triwulan II 2026", "Maret 2026", "Tahunan 2026". */
export function periodLabel(kind: PeriodKind, number: number, year: number): string {
  if (kind === "YEAR") return `Tahunan ${year}`;
  if (kind === "MONTH") return `${monthNames[number - 1]} ${year}`;
  return `Triwulan ${["I", "II", "III", "IV"][number - 1]} ${year}`;
}
