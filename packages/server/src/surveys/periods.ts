import type { Prisma } from "../generated/prisma/client.ts";

export interface NewSurveyPeriod {
  instansiId: string;
  surveyId: string;
  label: string;
  startsOn: Date;
  endsOn: Date;
  serviceUsers: number;
}

/**
 * A survey period and its running-totals row, created together: accepting
 * a response then only ever increments an existing row (recordResponse).
 */
export async function createSurveyPeriod(db: Prisma.TransactionClient, period: NewSurveyPeriod) {
  const created = await db.surveyPeriod.create({ data: period });
  await db.surveyTotal.create({ data: { periodId: created.id, instansiId: period.instansiId, surveyId: period.surveyId } });
  return created;
}
