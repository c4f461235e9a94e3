import { elements, type Element } from "../domain/ikm.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { resultOfPeriods, type PeriodTotals } from "../surveys/results.ts";

// An indicator's realised value, the one rule every reader uses: the SKP,
// the evaluation, the achievement percentage and the public scorecard.

/**
 * The latest approved realisation, up to a date when given (realisations are
 * cumulative: the latest one is the value so far). Spread into a Prisma
 * `select` or `include` of an indicator, so lists load it without N+1.
 */
export function latestApprovedRealisation(upTo?: Date) {
  return {
    where: { status: "APPROVED" as const, ...(upTo ? { period: { endsOn: { lte: upTo } } } : {}) },
    orderBy: { period: { endsOn: "desc" as const } },
    take: 1,
    select: { value: true, period: { select: { kind: true, number: true } } },
  };
}

export interface MeasuredIndicator {
  sourceSurveyId: string | null;
  sourceElement: Element | null;
  /** As loaded with `latestApprovedRealisation`. */
  realisations: ReadonlyArray<{ value: Prisma.Decimal }>;
}

/**
 * The citizens' value of a survey-measured indicator over some periods: the
 * IKM, or one element's NRR × 25 on the same 25–100 scale (two decimals).
 * Null with fewer than `minimumResponses` (public figures pass the floor).
 */
export function surveyMeasuredValue(
  weights: readonly string[],
  periods: readonly PeriodTotals[],
  element: Element | null,
  minimumResponses = 1,
): number | null {
  const result = resultOfPeriods(weights, periods);
  if (!result || result.responseCount < minimumResponses) return null;
  if (!element) return result.ikm;
  return Math.round(result.elements[elements.indexOf(element)]!.nrr * 25 * 100) / 100;
}

/** Whether an indicator of `year` counts a survey period, up to `upTo`: from the start of the year (realisations are cumulative). */
export function periodCounted(period: { startsOn: Date; endsOn: Date }, year: number, upTo?: Date): boolean {
  return period.startsOn <= (upTo ?? new Date(Date.UTC(year, 11, 31))) && period.endsOn >= new Date(Date.UTC(year, 0, 1));
}

/**
 * What an indicator achieved in a year up to a date, as staff see it: for one
 * measured by citizens, the survey's result over the year so far, from the
 * periods holding at least the instansi's anonymity floor of responses (as
 * for public figures: otherwise two cumulative values a period apart could
 * be one citizen's answers); otherwise the latest approved realisation. Null
 * when nothing was approved or answered yet.
 */
export async function realisedValue(db: Prisma.TransactionClient, indicator: MeasuredIndicator, span: { year: number; upTo?: Date }): Promise<number | null> {
  if (!indicator.sourceSurveyId) return indicator.realisations[0]?.value.toNumber() ?? null;
  const survey = await db.survey.findUnique({
    where: { id: indicator.sourceSurveyId },
    select: { weights: true, unit: { select: { instansi: { select: { anonymityFloor: true } } } }, periods: { select: { startsOn: true, endsOn: true, serviceUsers: true, total: true } } },
  });
  if (!survey) return null;
  const floor = survey.unit.instansi.anonymityFloor;
  const counted = survey.periods.filter((period) => periodCounted(period, span.year, span.upTo) && (period.total?.responseCount ?? 0) >= floor);
  return surveyMeasuredValue(survey.weights, counted, indicator.sourceElement, floor);
}
