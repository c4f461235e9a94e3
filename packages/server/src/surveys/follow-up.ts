import { actsPubliclyFor } from "../access/policy.ts";
import { writeAudit } from "../application/audit.ts";
import { givenFields } from "../application/given-fields.ts";
import { load } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import type { FollowUpStatus, SurveyElement } from "../generated/prisma/enums.ts";
import { ForbiddenError, invalidInput } from "../refusals.ts";

// Rencana tindak lanjut (PermenPANRB 14/2017): after a survey period, the
// unit plans what it does about its weakest elements, carries it out and
// reports it; the public scorecard shows each action with its status.

/** The period with its survey's unit, checked to be the viewer's to plan. */
async function periodToPlan(scope: Scope, surveyPeriodId: string) {
  const period = await load(scope, "SurveyPeriod", surveyPeriodId);
  const survey = await scope.db.survey.findUniqueOrThrow({ where: { id: period.surveyId }, select: { id: true, unit: { select: { id: true, headId: true } } } });
  if (!actsPubliclyFor(scope.viewer, survey.unit)) throw new ForbiddenError("Only the unit's head or the admin plans its follow-up.");
  return { period, survey };
}

/** An indicator that tracks the action: measured by the same survey's same element. */
async function checkIndicator(scope: Scope, indicatorId: string, surveyId: string, element: SurveyElement) {
  const indicator = await load(scope, "Indicator", indicatorId);
  if (indicator.sourceSurveyId !== surveyId || indicator.sourceElement !== element) {
    throw invalidInput(["input", "indicatorId"], `Choose an indicator measured by this survey's ${element}.`);
  }
}

export interface NewFollowUp {
  surveyPeriodId: string;
  element: SurveyElement;
  action: string;
  responsible: string;
  dueOn: Date;
  indicatorId?: string | null;
}

export async function planFollowUp(scope: Scope, input: NewFollowUp) {
  const { period, survey } = await periodToPlan(scope, input.surveyPeriodId);
  if (input.indicatorId) await checkIndicator(scope, input.indicatorId, survey.id, input.element);
  const action = await scope.db.followUpAction.create({
    data: { instansiId: scope.viewer.instansiId, ...input, surveyPeriodId: period.id, indicatorId: input.indicatorId ?? null },
  });
  await writeAudit(scope.db, scope.viewer, { entity: "FollowUpAction", entityId: action.id, action: "plan", after: action });
  scope.changes.unit(survey.unit.id);
  return action;
}

export interface FollowUpChange {
  id: string;
  status?: FollowUpStatus | null;
  evidence?: string | null;
  action?: string | null;
  responsible?: string | null;
  dueOn?: Date | null;
  indicatorId?: string | null;
}

/** Reports progress (status, evidence) or revises the plan; a done action needs its evidence. */
export async function updateFollowUp(scope: Scope, input: FollowUpChange) {
  const before = await load(scope, "FollowUpAction", input.id);
  const { survey } = await periodToPlan(scope, before.surveyPeriodId);
  if (input.indicatorId) await checkIndicator(scope, input.indicatorId, survey.id, before.element);
  const evidence = input.evidence ?? before.evidence;
  if ((input.status ?? before.status) === "DONE" && !evidence) throw invalidInput(["input", "evidence"], "Say what shows the action was done.");
  const { id, ...change } = input;
  const after = await scope.db.followUpAction.update({
    where: { id },
    data: givenFields(change),
  });
  await writeAudit(scope.db, scope.viewer, { entity: "FollowUpAction", entityId: id, action: "update", before, after });
  scope.changes.unit(survey.unit.id);
  return after;
}
