/** The three-level scale used for hasil kerja and perilaku kerja (PermenPANRB 6/2022). */
export const ratingLevels = ["DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI"] as const;
export type RatingLevel = (typeof ratingLevels)[number];

/** How one result (or one behaviour) compares with its expectation. */
export type Outcome = "EXCEEDS" | "MEETS" | "BELOW";

export interface RatedItem {
  outcome: Outcome;
  /** A main (utama) result: one below expectation rules out "above". */
  main: boolean;
}

/**
 * "Above when most results exceed their targets and no main result is below;
 * as expected when most meet them; below when most fall short." Most = more
 * than half. Anything that is neither above nor below is as expected.
 * Returns null when there is nothing to rate.
 */
export function rateByMajority(items: readonly RatedItem[]): RatingLevel | null {
  if (items.length === 0) return null;
  const count = (outcome: Outcome) => items.filter((item) => item.outcome === outcome).length;
  const isMost = (n: number) => n * 2 > items.length;
  if (isMost(count("BELOW"))) return "DI_BAWAH_EKSPEKTASI";
  const mainBelow = items.some((item) => item.main && item.outcome === "BELOW");
  if (isMost(count("EXCEEDS")) && !mainBelow) return "DI_ATAS_EKSPEKTASI";
  return "SESUAI_EKSPEKTASI";
}

export const outcomeOfRating: Record<RatingLevel, Outcome> = {
  DI_ATAS_EKSPEKTASI: "EXCEEDS",
  SESUAI_EKSPEKTASI: "MEETS",
  DI_BAWAH_EKSPEKTASI: "BELOW",
};
