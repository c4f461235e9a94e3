// Indeks Kepuasan Masyarakat per PermenPANRB 14/2017. All arithmetic is on
// exact fractions (BigInt), so the standard weight is exactly 1/9 and the
// grade boundaries (64.99/65.00, 76.60/76.61, 88.30/88.31) never blur.

export const elements = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"] as const;
export type Element = (typeof elements)[number];

/** A non-negative fraction. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

export const standardWeight: Fraction = { numerator: 1n, denominator: 9n };

/** Reads a decimal weight such as "0.125" exactly. */
export function parseWeight(decimal: string): Fraction | null {
  const match = /^(\d+)(?:\.(\d{1,12}))?$/.exec(decimal.trim());
  if (!match) return null;
  const fractionDigits = match[2] ?? "";
  return { numerator: BigInt(match[1]! + fractionDigits), denominator: 10n ** BigInt(fractionDigits.length) };
}

/** True when the weights add up to exactly 1. */
export function weightsSumToOne(weights: readonly Fraction[]): boolean {
  const sum = weights.reduce(addFractions, { numerator: 0n, denominator: 1n });
  return sum.numerator === sum.denominator;
}

function addFractions(a: Fraction, b: Fraction): Fraction {
  return { numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator };
}

/** Running totals of one element: the sum of its scores and how many answered it. */
export interface ElementTotal {
  sum: number;
  count: number;
}

export type Grade = "A" | "B" | "C" | "D";

export const performanceLabel: Record<Grade, string> = {
  A: "Sangat Baik",
  B: "Baik",
  C: "Kurang Baik",
  D: "Tidak Baik",
};

export interface IkmResult {
  responseCount: number;
  elements: Array<{ element: Element; nrr: number; weightedNrr: number; weight: number }>;
  /** Σ weighted NRR, 1–4 (unrounded). */
  skmValue: number;
  /** SKM value × 25, rounded half up to two decimals. */
  ikm: number;
  grade: Grade;
  label: string;
}

/** Rounds a non-negative fraction half up to an integer. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** The grade for an IKM given in hundredths (e.g. 7660 for 76.60). */
export function gradeOfIkmHundredths(hundredths: number): Grade {
  if (hundredths <= 6499) return "D";
  if (hundredths <= 7660) return "C";
  if (hundredths <= 8830) return "B";
  return "A";
}

/**
 * The IKM from per-element totals. `weights` defaults to exactly 1/9 each.
 * Returns null while nobody has answered.
 */
export function computeIkm(totals: readonly ElementTotal[], weights: readonly Fraction[] = elements.map(() => standardWeight)): IkmResult | null {
  if (totals.length !== elements.length || weights.length !== elements.length) {
    throw new Error(`IKM needs ${elements.length} elements`);
  }
  if (totals.some((total) => total.count === 0)) return null;
  // SKM = Σ (sum_i / count_i) · w_i, kept as one exact fraction.
  let skm: Fraction = { numerator: 0n, denominator: 1n };
  totals.forEach((total, i) => {
    const weight = weights[i]!;
    skm = addFractions(skm, { numerator: BigInt(total.sum) * weight.numerator, denominator: BigInt(total.count) * weight.denominator });
  });
  const ikmHundredths = Number(roundHalfUp(skm.numerator * 2500n, skm.denominator));
  const grade = gradeOfIkmHundredths(ikmHundredths);
  return {
    responseCount: Math.max(...totals.map((t) => t.count)),
    elements: totals.map((total, i) => {
      const weight = Number(weights[i]!.numerator) / Number(weights[i]!.denominator);
      const nrr = total.sum / total.count;
      return { element: elements[i]!, nrr, weightedNrr: nrr * weight, weight };
    }),
    skmValue: Number(skm.numerator) / Number(skm.denominator),
    ikm: ikmHundredths / 100,
    grade,
    label: performanceLabel[grade],
  };
}

/**
 * Krejcie–Morgan sample size for N service users: χ² = 3.841, P = 0.5,
 * d = 0.05, rounded up. Computed in integers (all constants × 100 000).
 */
export function krejcieMorganSample(serviceUsers: number): number {
  if (!Number.isInteger(serviceUsers) || serviceUsers < 0) throw new Error("Service users must be a whole number ≥ 0");
  if (serviceUsers === 0) return 0;
  const n = BigInt(serviceUsers);
  const numerator = 96_025n * n; // χ²·P(1−P) = 0.96025
  const denominator = 250n * (n - 1n) + 96_025n; // d² = 0.0025
  return Number((numerator + denominator - 1n) / denominator);
}
