import type { Outcome } from "./rating.ts";

export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";

/**
 * Capaian (percent achieved) of a realisation against its target. For
 * lower-is-better indicators (e.g. permit processing days) reaching half the
 * target is 200%. Null when the ratio is undefined (a zero target or value).
 */
export function achievementPercent(target: number, value: number, direction: Direction): number | null {
  if (direction === "HIGHER_IS_BETTER") return target === 0 ? null : (value / target) * 100;
  return value === 0 ? null : (target / value) * 100;
}

/** Whether a realisation exceeds, meets or falls short of its target. */
export function outcomeAgainstTarget(target: number, value: number, direction: Direction): Outcome {
  if (value === target) return "MEETS";
  const better = direction === "HIGHER_IS_BETTER" ? value > target : value < target;
  return better ? "EXCEEDS" : "BELOW";
}
