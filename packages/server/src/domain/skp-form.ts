import type { UnitPredikat } from "./kurva.ts";
import type { Predikat } from "./predikat.ts";
import type { RatingLevel } from "./rating.ts";

// The words and rules of the printed forms (PermenPANRB 6/2022 annex).

export type PositionKind = "JPT" | "ADMINISTRATOR" | "PENGAWAS" | "PELAKSANA" | "FUNGSIONAL";
export type IndicatorAspect = "KUANTITAS" | "KUALITAS" | "WAKTU";
export type IndicatorPerspective = "PENERIMA_LAYANAN" | "PROSES_BISNIS" | "PENGUATAN_INTERNAL" | "ANGGARAN";

/** A JPT's SKP lists perspectives where every other SKP lists aspects. */
export const listsPerspectives = (kind: PositionKind) => kind === "JPT";

export const aspectLabel: Record<IndicatorAspect, string> = { KUANTITAS: "Kuantitas", KUALITAS: "Kualitas", WAKTU: "Waktu" };

export const perspectiveLabel: Record<IndicatorPerspective, string> = {
  PENERIMA_LAYANAN: "Perspektif Penerima Layanan",
  PROSES_BISNIS: "Perspektif Proses Bisnis",
  PENGUATAN_INTERNAL: "Perspektif Penguatan Internal",
  ANGGARAN: "Perspektif Anggaran",
};

export const ratingLabel: Record<RatingLevel, string> = {
  DI_ATAS_EKSPEKTASI: "Di Atas Ekspektasi",
  SESUAI_EKSPEKTASI: "Sesuai Ekspektasi",
  DI_BAWAH_EKSPEKTASI: "Di Bawah Ekspektasi",
};

export const unitPredikatLabel: Record<UnitPredikat, string> = {
  ISTIMEWA: "Istimewa",
  BAIK: "Baik",
  BUTUH_PERBAIKAN: "Butuh Perbaikan",
  KURANG: "Kurang",
  SANGAT_KURANG: "Sangat Kurang",
};

export const berakhlakLabels = ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"] as const;

/** The share of the annual credit-point coefficient each predikat earns a functional position. */
export const creditShare: Record<Predikat, number> = { SANGAT_BAIK: 150, BAIK: 100, BUTUH_PERBAIKAN: 75, KURANG: 50, SANGAT_KURANG: 25 };

/** Credit points for a year: the coefficient × the predikat's share, to two decimals (coefficients have two). */
export function creditPoints(coefficient: number, predikat: Predikat): number {
  return (Math.round(coefficient * 100) * creditShare[predikat]) / 10_000;
}
