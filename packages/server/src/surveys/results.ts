import { computeIkm, elements, krejcieMorganSample, parseWeight, standardWeight, type IkmResult } from "../domain/ikm.ts";
import type { Prisma } from "../generated/prisma/client.ts";

/** The fields of a SurveyTotal row, in element order. */
export const totalColumns = ["sumU1", "sumU2", "sumU3", "sumU4", "sumU5", "sumU6", "sumU7", "sumU8", "sumU9"] as const;

export interface SurveyResult extends IkmResult {
  sampleTarget: number;
  representative: boolean;
  serviceUsers: number;
}

export type TotalRow = { responseCount: number } & Record<(typeof totalColumns)[number], number>;

/** The survey's weights as exact fractions: custom ones, or exactly 1/9 each. */
export function surveyWeights(weights: readonly string[]) {
  return weights.length === elements.length ? weights.map((w) => parseWeight(w)!) : elements.map(() => standardWeight);
}

/** A survey period's N and its running totals row (absent only before its first response). */
export interface PeriodTotals {
  serviceUsers: number;
  total: TotalRow | null;
}

/** IKM and sample check over some periods of a survey, from their running totals; null before the first response. */
export function resultOfPeriods(weights: readonly string[], periods: readonly PeriodTotals[]): SurveyResult | null {
  const rows = periods.flatMap((period) => (period.total ? [period.total] : []));
  const responses = rows.reduce((n, row) => n + row.responseCount, 0);
  const totals = totalColumns.map((column) => ({ sum: rows.reduce((n, row) => n + row[column], 0), count: responses }));
  const ikm = computeIkm(totals, surveyWeights(weights));
  if (!ikm) return null;
  const serviceUsers = periods.reduce((n, period) => n + period.serviceUsers, 0);
  const sampleTarget = krejcieMorganSample(serviceUsers);
  return { ...ikm, sampleTarget, serviceUsers, representative: ikm.responseCount >= sampleTarget };
}

/**
 * A survey's result for one period, or for all its periods. Reads only the
 * running totals: the cost does not grow with the number of responses.
 */
export async function surveyResult(db: Prisma.TransactionClient, surveyId: string, periodId?: string | null): Promise<SurveyResult | null> {
  const survey = await db.survey.findUnique({
    where: { id: surveyId },
    select: {
      weights: true,
      periods: {
        where: periodId ? { id: periodId } : {},
        select: { serviceUsers: true, total: true },
      },
    },
  });
  return survey ? resultOfPeriods(survey.weights, survey.periods) : null;
}
