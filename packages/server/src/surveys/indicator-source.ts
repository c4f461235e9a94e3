import { elements, type Element } from "../domain/ikm.ts";
import type { PrismaClient, Prisma } from "../generated/prisma/client.ts";
import { resultOfPeriods } from "./results.ts";

export interface SurveySource {
  sourceSurveyId: string | null;
  sourceElement: Element | null;
}

/**
 * The realisation of an indicator measured by citizens: the survey's IKM,
 * or one element's score on the same 25–100 scale (NRR × 25), over the
 * survey periods from `from` up to `upTo` (realisations are cumulative
 * within the year). Null before any response.
 */
export async function surveyRealisation(
  prisma: PrismaClient | Prisma.TransactionClient,
  source: SurveySource,
  from: Date,
  upTo: Date,
): Promise<number | null> {
  if (!source.sourceSurveyId) return null;
  const survey = await prisma.survey.findUnique({
    where: { id: source.sourceSurveyId },
    select: { weights: true, periods: { where: { startsOn: { lte: upTo }, endsOn: { gte: from } }, select: { serviceUsers: true, total: true } } },
  });
  if (!survey) return null;
  const result = resultOfPeriods(survey.weights, survey.periods);
  if (!result) return null;
  if (!source.sourceElement) return result.ikm;
  const nrr = result.elements[elements.indexOf(source.sourceElement)]!.nrr;
  return Math.round(nrr * 25 * 100) / 100;
}
