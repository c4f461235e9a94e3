import { z } from "zod";

// TPP (tambahan penghasilan pegawai): the regional allowance paid each month
// from measured performance and discipline, by a formula each region's head
// sets (Perkada). A rule set here is the shape those formulas share: a
// performance part and a discipline part of the employee's base amount, cuts
// of the discipline part per absence and late arrival, and cuts of the
// whole for a late work log or a team left unvalidated. Amounts are whole
// rupiah, each line rounded down; percentages are kept to two decimals.

const percent = z.number().min(0).max(100).multipleOf(0.01);

export const tppRulesSchema = z
  .object({
    /** Share of the base paid for performance; the rest is the discipline part. */
    performanceShare: percent,
    /** How the month's approved work-log minutes against its effective minutes pay the performance part. */
    performance: z.discriminatedUnion("basis", [
      /** The achievement itself, capped at 100%. */
      z.object({ basis: z.literal("PROPORTIONAL") }),
      /** Bands: the first whose minimum the achievement reaches pays its percentage; below all pays 0. */
      z.object({
        basis: z.literal("BANDS"),
        bands: z
          .array(z.object({ minAchievement: percent, pays: percent }))
          .min(1)
          .max(10)
          .refine((bands) => bands.every((band, i) => i === 0 || band.minAchievement < bands[i - 1]!.minAchievement), "Bands go from the highest minimum down"),
      }),
    ]),
    /** Cut of the discipline part per unexcused absent day; a tier applies from its day on (tiered cuts). */
    absenceTiers: z
      .array(z.object({ fromDay: z.number().int().min(1).max(31), cutPerDay: percent }))
      .max(10)
      .refine((tiers) => tiers.length === 0 || tiers[0]!.fromDay === 1, "The first tier starts at day 1")
      .refine((tiers) => tiers.every((tier, i) => i === 0 || tier.fromDay > tiers[i - 1]!.fromDay), "Tiers go up by day"),
    /** Cut of the discipline part per late arrival or early leave. */
    lateArrivalCut: percent,
    /** Cut of the whole when the month's work log is not all submitted by this day of the next month. */
    lateLog: z.object({ dueDay: z.number().int().min(1).max(28), cut: percent }).nullable(),
    /** Cut of an assessor's whole when their team's entries of the month still wait for review after this day of the next month. */
    unvalidatedTeam: z.object({ dueDay: z.number().int().min(1).max(28), cut: percent }).nullable(),
  })
  .strict();

export type TppRules = z.infer<typeof tppRulesSchema>;

/** What one employee's month brings to the calculation: imported inputs and what Kinerja measured. */
export interface TppMonthInput {
  /** The monthly base (pagu) for the employee's position, in rupiah, from the finance office. */
  baseAmount: number;
  /** Unexcused absent days (attendance system). */
  absentDays: number;
  /** Late arrivals and early leaves (attendance system). */
  lateArrivals: number;
  approvedMinutes: number;
  effectiveMinutes: number;
  /** Some of the month's log was submitted after the due day (or not at all). */
  logLate: boolean;
  /** Entries of the employee's team that waited for their review past the due day. */
  unvalidatedTeamEntries: number;
}

export type TppDeductionKind = "ABSENCE" | "LATE_ARRIVAL" | "LATE_LOG" | "UNVALIDATED_TEAM";

export interface TppDeduction {
  kind: TppDeductionKind;
  /** Days, arrivals or entries it counts. */
  count: number;
  percent: number;
  amount: number;
}

export interface TppCalculation {
  baseAmount: number;
  /** Approved minutes as a share of effective minutes, two decimals. */
  achievement: number;
  performanceBase: number;
  performancePays: number;
  performanceAmount: number;
  disciplineBase: number;
  disciplineDeductions: TppDeduction[];
  disciplineAmount: number;
  gross: number;
  deductions: TppDeduction[];
  net: number;
}

/** Basis points (hundredths of a percent) as an integer, so money arithmetic stays exact. */
const bp = (value: number) => Math.round(value * 100);
/** `amount` × `pct`% rounded down to a whole rupiah. */
const share = (amount: number, pct: number) => Math.floor((amount * bp(pct)) / 10_000);

/** What the performance part pays (in %) for an achievement, exactly (no rounding of the achievement). */
function performancePays(rules: TppRules, approved: number, effective: number): number {
  if (effective <= 0) return 0;
  if (rules.performance.basis === "PROPORTIONAL") return Math.min(100, Math.floor((approved * 10_000) / effective) / 100);
  // approved / effective ≥ min% ⇔ approved × 10,000 ≥ min (in bp) × effective
  const band = rules.performance.bands.find((b) => approved * 10_000 >= bp(b.minAchievement) * effective);
  return band?.pays ?? 0;
}

/** The sum of per-day cuts over `days` absent days, each day cut at its tier's rate. */
function absenceCut(rules: TppRules, days: number): number {
  let cut = 0;
  for (let day = 1; day <= days; day++) {
    const tier = rules.absenceTiers.findLast((t) => t.fromDay <= day);
    cut += bp(tier?.cutPerDay ?? 0);
  }
  return cut / 100;
}

/** Deductions of `base` whose percentages add up to at most 100. */
function deduct(base: number, cuts: Array<Omit<TppDeduction, "amount">>): TppDeduction[] {
  let left = 10_000;
  return cuts
    .filter((cut) => cut.percent > 0)
    .map((cut) => {
      const applied = Math.min(left, bp(cut.percent));
      left -= applied;
      return { ...cut, percent: applied / 100, amount: share(base, applied / 100) };
    });
}

const sum = (deductions: TppDeduction[]) => deductions.reduce((total, d) => total + d.amount, 0);

export function calculateTpp(rules: TppRules, input: TppMonthInput): TppCalculation {
  const performanceBase = share(input.baseAmount, rules.performanceShare);
  const pays = performancePays(rules, input.approvedMinutes, input.effectiveMinutes);
  const performanceAmount = share(performanceBase, pays);
  const disciplineBase = input.baseAmount - performanceBase;
  const disciplineDeductions = deduct(disciplineBase, [
    { kind: "ABSENCE", count: input.absentDays, percent: absenceCut(rules, input.absentDays) },
    { kind: "LATE_ARRIVAL", count: input.lateArrivals, percent: (bp(rules.lateArrivalCut) * input.lateArrivals) / 100 },
  ]);
  const disciplineAmount = disciplineBase - sum(disciplineDeductions);
  const gross = performanceAmount + disciplineAmount;
  const deductions = deduct(gross, [
    { kind: "LATE_LOG", count: input.logLate ? 1 : 0, percent: input.logLate && rules.lateLog ? rules.lateLog.cut : 0 },
    {
      kind: "UNVALIDATED_TEAM",
      count: input.unvalidatedTeamEntries,
      percent: input.unvalidatedTeamEntries > 0 && rules.unvalidatedTeam ? rules.unvalidatedTeam.cut : 0,
    },
  ]);
  return {
    baseAmount: input.baseAmount,
    achievement: input.effectiveMinutes > 0 ? Math.floor((input.approvedMinutes * 10_000) / input.effectiveMinutes) / 100 : 0,
    performanceBase,
    performancePays: pays,
    performanceAmount,
    disciplineBase,
    disciplineDeductions,
    disciplineAmount,
    gross,
    deductions,
    net: gross - sum(deductions),
  };
}

/**
 * Presets after regional rules. The shares and the features (60/40, bands
 * paying 100/90/80/70/50/0, a 10% cut for a log not in by the 5th, tiered
 * absence cuts, a cut for unvalidated team logs) come from those regions'
 * rules; the remaining numbers (band minimums, cuts per day) are Kinerja's
 * defaults for the admin to adjust to their own Perkada. Jakarta's cut for
 * an assessor who leaves the team's log unvalidated is an option of any
 * rule set (`unvalidatedTeam`).
 */
export const tppPresets = {
  /** Kepahiang: 60% performance / 40% discipline, performance in proportion to the month's achievement. */
  KEPAHIANG: {
    performanceShare: 60,
    performance: { basis: "PROPORTIONAL" },
    absenceTiers: [{ fromDay: 1, cutPerDay: 3 }],
    lateArrivalCut: 1,
    lateLog: null,
    unvalidatedTeam: null,
  },
  /** Bangka Belitung: activity minutes in bands paying 100/90/80/70/50/0%, and 10% off when the log is not in by the 5th. */
  BANGKA_BELITUNG: {
    performanceShare: 60,
    performance: {
      basis: "BANDS",
      bands: [
        { minAchievement: 100, pays: 100 },
        { minAchievement: 90, pays: 90 },
        { minAchievement: 80, pays: 80 },
        { minAchievement: 70, pays: 70 },
        { minAchievement: 50, pays: 50 },
      ],
    },
    absenceTiers: [{ fromDay: 1, cutPerDay: 3 }],
    lateArrivalCut: 1,
    lateLog: { dueDay: 5, cut: 10 },
    unvalidatedTeam: null,
  },
  /** Kutai Kartanegara: tiered cuts per missing day, heavier from the third and the sixth day. */
  KUTAI_KARTANEGARA: {
    performanceShare: 60,
    performance: { basis: "PROPORTIONAL" },
    absenceTiers: [
      { fromDay: 1, cutPerDay: 2 },
      { fromDay: 3, cutPerDay: 4 },
      { fromDay: 6, cutPerDay: 10 },
    ],
    lateArrivalCut: 0.5,
    lateLog: null,
    unvalidatedTeam: null,
  },
} as const satisfies Record<string, TppRules>;

export type TppPreset = keyof typeof tppPresets;
