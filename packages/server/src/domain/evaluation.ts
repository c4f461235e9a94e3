import { outcomeAgainstTarget, type Direction } from "./achievement.ts";
import { headHasilKerjaFor, type UnitPredikat } from "./kurva.ts";
import { predikatFor, type Predikat } from "./predikat.ts";
import { outcomeOfRating, rateByMajority, type RatingLevel } from "./rating.ts";

export interface IndicatorResult {
  main: boolean;
  target: number;
  direction: Direction;
  /** The approved realisation; null when none was approved. */
  realised: number | null;
}

/**
 * Hasil kerja from the approved realisations. An indicator with no approved
 * realisation counts as below target: an unreported result is not a met one.
 */
export function rateHasilKerja(indicators: readonly IndicatorResult[]): RatingLevel | null {
  return rateByMajority(
    indicators.map((indicator) => ({
      main: indicator.main,
      outcome:
        indicator.realised === null
          ? "BELOW"
          : outcomeAgainstTarget(indicator.target, indicator.realised, indicator.direction),
    })),
  );
}

/** Perilaku kerja from the assessor's BerAKHLAK ratings, by the same majority rule (every core value counts as main). */
export function ratePerilakuKerja(levels: readonly RatingLevel[]): RatingLevel | null {
  return rateByMajority(levels.map((level) => ({ main: true, outcome: outcomeOfRating[level] })));
}

export interface FinalRatingInput {
  /** The assessor's explicit choice; when absent it is derived. */
  hasilKerja?: RatingLevel | null;
  perilakuKerja?: RatingLevel | null;
  indicators: readonly IndicatorResult[];
  assessorBehaviourLevels: readonly RatingLevel[];
  /** Set when the employee heads a unit whose predikat for the year is known. */
  headedUnitPredikat?: UnitPredikat | null;
}

export type FinalRating =
  | { ok: true; hasilKerja: RatingLevel; perilakuKerja: RatingLevel; predikat: Predikat }
  | { ok: false; reason: string };

/** Decides the two ratings and the predikat of a final evaluation. */
export function finalRating(input: FinalRatingInput): FinalRating {
  const hasilKerja = input.headedUnitPredikat
    ? headHasilKerjaFor(input.headedUnitPredikat)
    : (input.hasilKerja ?? rateHasilKerja(input.indicators));
  if (!hasilKerja) return { ok: false, reason: "No hasil kerja rating: the SKP has no indicators and none was given" };
  const perilakuKerja = input.perilakuKerja ?? ratePerilakuKerja(input.assessorBehaviourLevels);
  if (!perilakuKerja) return { ok: false, reason: "No perilaku kerja rating: rate the BerAKHLAK values or give one" };
  return { ok: true, hasilKerja, perilakuKerja, predikat: predikatFor(hasilKerja, perilakuKerja) };
}
