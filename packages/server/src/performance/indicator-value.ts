import { elements, type Element } from "../domain/ikm.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { resultOfPeriods } from "../surveys/results.ts";

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
 * What an indicator achieved in a year up to a date: for one measured by
 * citizens, the survey's IKM (or one element's NRR × 25) over its periods
 * from the start of the year; otherwise the latest approved realisation.
 * Null when nothing was approved or answered yet.
 */
export async function realisedValue(
  db: Prisma.TransactionClient,
  indicator: MeasuredIndicator,
  span: { year: number; upTo?: Date },
  /** Public figures pass the anonymity floor: a survey value from fewer responses is not shown. */
  minimumResponses = 1,
): Promise<number | null> {
  if (!indicator.sourceSurveyId) return indicator.realisations[0]?.value.toNumber() ?? null;
  const from = new Date(Date.UTC(span.year, 0, 1));
  const upTo = span.upTo ?? new Date(Date.UTC(span.year, 11, 31));
  const survey = await db.survey.findUnique({
    where: { id: indicator.sourceSurveyId },
    select: { weights: true, periods: { where: { startsOn: { lte: upTo }, endsOn: { gte: from } }, select: { serviceUsers: true, total: true } } },
  });
  const result = survey ? resultOfPeriods(survey.weights, survey.periods) : null;
  if (!result || result.responseCount < minimumResponses) return null;
  if (!indicator.sourceElement) return result.ikm;
  const nrr = result.elements[elements.indexOf(indicator.sourceElement)]!.nrr;
  return Math.round(nrr * 25 * 100) / 100;
}
