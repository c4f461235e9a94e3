import { actsPubliclyFor } from "../access/policy.ts";
import { writeAudit } from "../application/audit.ts";
import { loadWith } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import { dayIn, dayOf } from "../domain/work-calendar.ts";
import { ForbiddenError, invalidInput } from "../refusals.ts";
import { recordResponses, type ResponseSubmission } from "./record-response.ts";

// Where connectivity is poor, citizens answer the SKM on paper and an
// operator types the questionnaires in later. Each sheet carries a number
// (nomor kuesioner): it is the idempotency key, so a sheet typed in twice
// counts once, and one typed in again with other answers is refused.

/** One paper questionnaire as written: its number, the date on it and the answers. */
export interface PaperForm extends Omit<ResponseSubmission, "surveySlug" | "idempotencyKey" | "answeredAt"> {
  formNumber: string;
  answeredOn: Date;
}

/** Begins the key a sheet is stored under; a ':' never occurs in an online key, so the two cannot meet. */
const paperKeyPrefix = "paper:";

/** The key a sheet is stored under. */
export const paperResponseKey = (formNumber: string) => `${paperKeyPrefix}${formNumber}`;

/** The number written on the sheet a paper response was typed in from. */
export const formNumberOf = (response: { idempotencyKey: string }) => response.idempotencyKey.slice(paperKeyPrefix.length);

/**
 * Stores a batch of typed-in questionnaires, all or none: each counts in the
 * period of the date written on it, marked as paper in the exports. Sheets
 * already stored with the same answers are reported, not counted again.
 */
export async function enterPaperResponses(scope: Scope, input: { surveyId: string; questionnaires: PaperForm[] }) {
  const survey = await loadWith(scope, "Survey", input.surveyId, (where) =>
    scope.db.survey.findFirst({ where, include: { unit: { select: { id: true, headId: true, instansi: { select: { timeZone: true } } } } } }),
  );
  if (!actsPubliclyFor(scope.viewer, survey.unit)) throw new ForbiddenError("Only the unit's head or the admin enters paper questionnaires.");
  const today = dayIn(scope.now, survey.unit.instansi.timeZone);
  const seen = new Set<string>();
  for (const [i, form] of input.questionnaires.entries()) {
    if (dayOf(form.answeredOn) > today) throw invalidInput(["input", "questionnaires", String(i), "answeredOn"], `Questionnaire ${form.formNumber} is dated after today.`);
    if (seen.has(form.formNumber)) throw invalidInput(["input", "questionnaires", String(i), "formNumber"], `Questionnaire ${form.formNumber} appears twice in this batch.`);
    seen.add(form.formNumber);
  }
  const outcomes = await recordResponses(
    scope.db,
    input.questionnaires.map(({ formNumber, answeredOn, ...answers }) => ({
      paper: true,
      now: scope.now,
      submission: { ...answers, surveySlug: survey.slug, idempotencyKey: paperResponseKey(formNumber), answeredAt: answeredOn },
    })),
  );
  // Any refusal undoes the whole batch (the transaction rolls back): the operator fixes that sheet and sends them again.
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.ok) continue;
    const { formNumber, answeredOn } = input.questionnaires[i]!;
    const path = ["input", "questionnaires", String(i)];
    switch (outcome.refusal.reason) {
      case "KEY_REUSED":
        throw invalidInput([...path, "formNumber"], `Questionnaire ${formNumber} was entered before with other answers.`);
      case "SURVEY_NOT_OPEN":
        throw invalidInput([...path, "answeredOn"], `Questionnaire ${formNumber}: the survey took no answers on ${dayOf(answeredOn)} (no period covers that date, or it was not open).`);
      default:
        throw invalidInput(path, `Questionnaire ${formNumber} was refused (${outcome.refusal.reason}).`);
    }
  }
  const duplicates = input.questionnaires.filter((_, i) => outcomes[i]!.ok && (outcomes[i] as { duplicate: boolean }).duplicate).map((f) => f.formNumber);
  const entered = input.questionnaires.length - duplicates.length;
  if (entered > 0) {
    await writeAudit(scope.db, scope.viewer, {
      entity: "Survey",
      entityId: survey.id,
      action: "enter-paper",
      after: { questionnaires: input.questionnaires.filter((f) => !duplicates.includes(f.formNumber)).map((f) => f.formNumber) },
    });
    scope.changes.unit(survey.unit.id);
  }
  const { unit: _unit, ...record } = survey;
  return { survey: record, entered, duplicates };
}
