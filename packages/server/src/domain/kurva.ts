import type { Predikat } from "./predikat.ts";
import type { RatingLevel } from "./rating.ts";

export const unitPredikats = ["ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"] as const;
export type UnitPredikat = (typeof unitPredikats)[number];

/** One bound on the share of employees whose predikat is in `predikats`. */
export interface KurvaRule {
  predikats: readonly Predikat[];
  bound: "AT_MOST" | "AT_LEAST";
  /** Percent of the unit's rated employees; `minimumCount` applies instead when set. */
  percent?: number;
  minimumCount?: number;
}

/** The distribution curve each unit predikat allows (PermenPANRB 6/2022). */
export const kurvaRules: Record<UnitPredikat, readonly KurvaRule[]> = {
  ISTIMEWA: [{ predikats: ["SANGAT_BAIK"], bound: "AT_MOST", percent: 70 }],
  BAIK: [
    { predikats: ["BAIK"], bound: "AT_MOST", percent: 70 },
    { predikats: ["BUTUH_PERBAIKAN", "KURANG"], bound: "AT_LEAST", minimumCount: 1 },
  ],
  BUTUH_PERBAIKAN: [
    { predikats: ["BUTUH_PERBAIKAN"], bound: "AT_LEAST", percent: 60 },
    { predikats: ["SANGAT_BAIK"], bound: "AT_MOST", percent: 10 },
  ],
  KURANG: [
    { predikats: ["KURANG"], bound: "AT_LEAST", percent: 60 },
    { predikats: ["BUTUH_PERBAIKAN"], bound: "AT_LEAST", percent: 10 },
    { predikats: ["SANGAT_BAIK"], bound: "AT_MOST", percent: 10 },
  ],
  SANGAT_KURANG: [
    { predikats: ["SANGAT_KURANG"], bound: "AT_LEAST", percent: 60 },
    { predikats: ["KURANG", "BUTUH_PERBAIKAN"], bound: "AT_LEAST", percent: 10 },
    { predikats: ["SANGAT_BAIK"], bound: "AT_MOST", percent: 0 },
  ],
};

export interface KurvaViolation {
  rule: KurvaRule;
  /** How many employees have one of the rule's predikats. */
  count: number;
  total: number;
}

/**
 * Checks a unit's employee predikat against the curve its own predikat
 * allows. Shares are compared in integers (count·100 vs percent·total) so
 * that 7 of 10 is exactly 70%. An empty unit violates nothing.
 */
export function checkKurva(unitPredikat: UnitPredikat, employeePredikats: readonly Predikat[]): KurvaViolation[] {
  const total = employeePredikats.length;
  if (total === 0) return [];
  return kurvaRules[unitPredikat].flatMap((rule) => {
    const count = employeePredikats.filter((p) => rule.predikats.includes(p)).length;
    const satisfied =
      rule.minimumCount !== undefined
        ? count >= rule.minimumCount
        : rule.bound === "AT_MOST"
          ? count * 100 <= rule.percent! * total
          : count * 100 >= rule.percent! * total;
    return satisfied ? [] : [{ rule, count, total }];
  });
}

/** "A head of unit's hasil kerja rating follows the unit's result." */
export function headHasilKerjaFor(unitPredikat: UnitPredikat): RatingLevel {
  switch (unitPredikat) {
    case "ISTIMEWA":
      return "DI_ATAS_EKSPEKTASI";
    case "BAIK":
      return "SESUAI_EKSPEKTASI";
    default:
      return "DI_BAWAH_EKSPEKTASI";
  }
}
