import { exportsSurveys } from "../access/policy.ts";
import { loadWith } from "../application/load.ts";
import type { ReadScope } from "../application/scope.ts";
import type { Prisma, SurveyResponse } from "../generated/prisma/client.ts";
import { ForbiddenError, NotFoundError } from "../refusals.ts";
import { surveyResult } from "./results.ts";

// Survey data leaving the system: every response, and the result report a
// pemda files and publishes. Only the instansi's admin exports.

/** A survey of the admin's instansi by slug, with the period named by `periodLabel` (null: all periods). */
export async function surveyForExport(scope: ReadScope, slug: string, periodLabel: string | null) {
  if (!exportsSurveys(scope.viewer)) throw new ForbiddenError("Only the instansi's admin exports survey data.");
  const survey = await loadWith(scope, "Survey", slug, ({ instansiId }) =>
    scope.db.survey.findFirst({
      where: { slug, instansiId },
      include: { periods: { orderBy: { startsOn: "asc" } }, questions: { orderBy: { position: "asc" } }, unit: { include: { instansi: true } } },
    }),
  );
  const period = periodLabel === null ? null : survey.periods.find((p) => p.label === periodLabel);
  if (period === undefined) throw new NotFoundError("SurveyPeriod", periodLabel!);
  return { survey, period, result: () => surveyResult(scope.db, survey.id, period?.id) };
}

const batchSize = 1_000;

/** The responses, oldest first, in batches: a survey with 100,000 responses never sits in memory at once. */
export async function* responseBatches(db: Prisma.TransactionClient, surveyId: string, periodId?: string) {
  let cursor: string | null = null;
  for (;;) {
    const batch: SurveyResponse[] = await db.surveyResponse.findMany({
      where: { surveyId, ...(periodId ? { periodId } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    yield batch;
    if (batch.length < batchSize) return;
    cursor = batch[batch.length - 1]!.id;
  }
}
