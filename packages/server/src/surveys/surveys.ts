import { load, loadWith } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import { elements, parseWeight, weightsSumToOne } from "../domain/ikm.ts";
import type { SurveyQuestionKind, SurveyStatus } from "../generated/prisma/enums.ts";
import { ConflictError, invalidInput } from "../refusals.ts";
import { createSurveyPeriod } from "./periods.ts";

// The admin's side of an SKM survey (PermenPANRB 14/2017): create it from the
// nine-element template, give it periods and their N, open and close it.

export interface PeriodInput {
  label: string;
  startsOn: Date;
  endsOn: Date;
  serviceUsers: number;
}

/** Periods of one survey must not overlap: a response belongs to exactly one. Returns the index of a clash, or -1. */
function overlapping(periods: readonly PeriodInput[]): number {
  const sorted = periods.map((p, i) => ({ ...p, i })).sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());
  for (let k = 1; k < sorted.length; k++) if (sorted[k]!.startsOn <= sorted[k - 1]!.endsOn) return sorted[k]!.i;
  return -1;
}

export interface NewSurvey {
  unitId: string;
  slug: string;
  serviceName: string;
  periods: readonly PeriodInput[];
  /** Nine decimal weights summing to exactly 1; empty or absent for exactly 1/9 each. */
  weights?: readonly string[] | null;
  extraQuestions?: ReadonlyArray<{ kind: SurveyQuestionKind; textId: string; textEn?: string | null }> | null;
}

export async function createSurvey(scope: Scope, input: NewSurvey) {
  const { db } = scope;
  const unit = await load(scope, "OrgUnit", input.unitId);
  const weights = input.weights ?? [];
  if (weights.length) {
    const parsed = weights.map(parseWeight);
    if (weights.length !== elements.length || parsed.some((w) => w === null) || !weightsSumToOne(parsed as NonNullable<(typeof parsed)[number]>[])) {
      throw invalidInput(["input", "weights"], "Give nine decimal weights (U1–U9) that sum to exactly 1.");
    }
  }
  const clash = overlapping(input.periods);
  if (clash >= 0) throw invalidInput(["input", "periods", String(clash)], "Survey periods must not overlap.");
  if (await db.survey.findUnique({ where: { slug: input.slug } })) throw new ConflictError(`The slug "${input.slug}" is taken.`);
  const instansiId = unit.instansiId;
  const survey = await db.survey.create({
    data: {
      instansiId,
      unitId: unit.id,
      slug: input.slug,
      serviceName: input.serviceName,
      weights: weights.map((w) => w.trim()),
      questions: {
        create: (input.extraQuestions ?? []).map((q, position) => ({ instansiId, position, kind: q.kind, textId: q.textId, textEn: q.textEn ?? null })),
      },
    },
  });
  for (const period of input.periods) await createSurveyPeriod(db, { instansiId, surveyId: survey.id, ...period });
  return survey;
}

export async function addSurveyPeriod(scope: Scope, input: { surveyId: string; period: PeriodInput }) {
  const survey = await loadWith(scope, "Survey", input.surveyId, (where) => scope.db.survey.findFirst({ where, include: { periods: true } }));
  if (overlapping([...survey.periods, input.period]) >= 0) throw invalidInput(["input", "period"], "Survey periods must not overlap.");
  return createSurveyPeriod(scope.db, { instansiId: survey.instansiId, surveyId: survey.id, ...input.period });
}

/** Records N, the number of service users in a period, once it is known. */
export async function setSurveyServiceUsers(scope: Scope, input: { periodId: string; serviceUsers: number }) {
  const period = await load(scope, "SurveyPeriod", input.periodId);
  return scope.db.surveyPeriod.update({ where: { id: period.id }, data: { serviceUsers: input.serviceUsers } });
}

const nextStatus: Record<SurveyStatus, SurveyStatus | null> = { DRAFT: "OPEN", OPEN: "CLOSED", CLOSED: null };

/** DRAFT → OPEN → CLOSED; a closed survey stays closed. Opening or closing shows or moves it on the unit's scorecard. */
export async function setSurveyStatus(scope: Scope, input: { surveyId: string; status: SurveyStatus }) {
  const { db } = scope;
  const survey = await load(scope, "Survey", input.surveyId);
  if (nextStatus[survey.status] !== input.status) {
    throw new ConflictError(`A ${survey.status.toLowerCase()} survey cannot become ${input.status.toLowerCase()}.`);
  }
  const now = new Date();
  // Conditional on the status read, so two admins cannot race past each other.
  const { count } = await db.survey.updateMany({
    where: { id: survey.id, status: survey.status },
    data: { status: input.status, ...(input.status === "OPEN" ? { openedAt: now } : { closedAt: now }) },
  });
  if (count === 0) throw new ConflictError("The survey changed meanwhile; reload it.");
  scope.changes.unit(survey.unitId);
  return db.survey.findUniqueOrThrow({ where: { id: survey.id } });
}
