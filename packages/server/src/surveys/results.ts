import { computeIkm, elements, parseWeight, standardWeight, type IkmResult } from "../domain/ikm.ts";
import { krejcieMorganSample } from "../domain/ikm.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** The fields of a SurveyTotal row, in element order. */
export const totalColumns = ["sumU1", "sumU2", "sumU3", "sumU4", "sumU5", "sumU6", "sumU7", "sumU8", "sumU9"] as const;

export interface SurveyResult extends IkmResult {
  sampleTarget: number;
  representative: boolean;
  serviceUsers: number;
}

type TotalRow = { responseCount: number } & Record<(typeof totalColumns)[number], number>;

/** The survey's weights as exact fractions: custom ones, or exactly 1/9 each. */
export function surveyWeights(weights: readonly string[]) {
  return weights.length === elements.length ? weights.map((w) => parseWeight(w)!) : elements.map(() => standardWeight);
}

/** IKM and sample check from running totals (one row per period); null before the first response. */
export function resultFromTotals(rows: readonly TotalRow[], weights: readonly string[], serviceUsers: number): SurveyResult | null {
  const responses = rows.reduce((n, row) => n + row.responseCount, 0);
  const totals = totalColumns.map((column) => ({ sum: rows.reduce((n, row) => n + row[column], 0), count: responses }));
  const ikm = computeIkm(totals, surveyWeights(weights));
  if (!ikm) return null;
  const sampleTarget = krejcieMorganSample(serviceUsers);
  return { ...ikm, sampleTarget, serviceUsers, representative: ikm.responseCount >= sampleTarget };
}

/**
 * A survey's result for one period, or for all its periods. Reads only the
 * running totals: the cost does not grow with the number of responses.
 */
export async function surveyResult(prisma: PrismaClient, surveyId: string, periodId?: string | null): Promise<SurveyResult | null> {
  const survey = await prisma.survey.findUnique({
    where: { id: surveyId },
    select: {
      weights: true,
      periods: {
        where: periodId ? { id: periodId } : {},
        select: { serviceUsers: true, total: true },
      },
    },
  });
  if (!survey) return null;
  const rows = survey.periods.flatMap((period) => (period.total ? [period.total] : []));
  const serviceUsers = survey.periods.reduce((n, period) => n + period.serviceUsers, 0);
  return resultFromTotals(rows, survey.weights, serviceUsers);
}
