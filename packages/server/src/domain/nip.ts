/**
 * NIP (Nomor Induk Pegawai): 18 digits = birth date (yyyymmdd), appointment
 * year and month (yyyymm), sex (1 male, 2 female), serial (3 digits).
 */
export interface Nip {
  birthDate: { year: number; month: number; day: number };
  appointment: { year: number; month: number };
  sex: "MALE" | "FEMALE";
  serial: number;
}

export type NipResult = { ok: true; nip: Nip } | { ok: false; reason: string };

/** The civil-service entry age floor: nobody is appointed before turning 18. */
const minimumAppointmentAge = 18;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseNip(value: string): NipResult {
  if (!/^\d{18}$/.test(value)) return { ok: false, reason: "NIP must be exactly 18 digits" };
  const digits = (from: number, to: number) => Number(value.slice(from, to));
  const birthDate = { year: digits(0, 4), month: digits(4, 6), day: digits(6, 8) };
  const appointment = { year: digits(8, 12), month: digits(12, 14) };
  const sexDigit = value[14];
  const serial = digits(15, 18);

  if (birthDate.year < 1900 || !isCalendarDate(birthDate.year, birthDate.month, birthDate.day)) {
    return { ok: false, reason: "NIP digits 1–8 are not a valid birth date (yyyymmdd)" };
  }
  if (appointment.month < 1 || appointment.month > 12) {
    return { ok: false, reason: "NIP digits 9–14 are not a valid appointment year and month (yyyymm)" };
  }
  const ageInMonthsAtAppointment =
    (appointment.year - birthDate.year) * 12 + (appointment.month - birthDate.month);
  if (ageInMonthsAtAppointment < minimumAppointmentAge * 12) {
    return { ok: false, reason: "NIP appointment date is before the employee's 18th birthday" };
  }
  if (sexDigit !== "1" && sexDigit !== "2") {
    return { ok: false, reason: "NIP digit 15 must be 1 (male) or 2 (female)" };
  }
  if (serial === 0) return { ok: false, reason: "NIP serial (digits 16–18) cannot be 000" };
  return { ok: true, nip: { birthDate, appointment, sex: sexDigit === "1" ? "MALE" : "FEMALE", serial } };
}

/** Builds a NIP from its parts (demo data and tests). */
export function formatNip(nip: Nip): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return (
    pad(nip.birthDate.year, 4) + pad(nip.birthDate.month, 2) + pad(nip.birthDate.day, 2) +
    pad(nip.appointment.year, 4) + pad(nip.appointment.month, 2) +
    (nip.sex === "MALE" ? "1" : "2") + pad(nip.serial, 3)
  );
}

/** A NIP as printed on forms, in its four groups: 19850312 201003 1 001. */
export const groupedNip = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
