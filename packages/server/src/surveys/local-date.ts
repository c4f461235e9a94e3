/** The calendar date (UTC midnight) that `instant` falls on in `timeZone`, to compare with @db.Date columns. */
export function localDate(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
  return new Date(`${parts}T00:00:00Z`);
}
