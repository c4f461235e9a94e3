import { isAssessorOf, recordsTrainingOf, writesFeedbackAbout } from "../access/policy.ts";
import { writeAudit } from "../application/audit.ts";
import { load } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import { ConflictError, ForbiddenError, invalidInput } from "../refusals.ts";
import { loadSkp } from "./skps.ts";

// Coaching (pembinaan) between evaluations: continuous feedback notes,
// competency development records, and the development an assessor
// recommends from an evaluation (tindak lanjut), which a training closes.

export async function addFeedbackNote(scope: Scope, input: { employeeId: string; body: string }) {
  const { db, viewer } = scope;
  const subject = await load(scope, "Employee", input.employeeId);
  if (!writesFeedbackAbout(viewer, subject)) throw new ForbiddenError("Only the employee and their direct supervisor write feedback notes.");
  return db.feedbackNote.create({ data: { instansiId: viewer.instansiId, subjectId: subject.id, authorId: viewer.employeeId!, body: input.body } });
}

export interface TrainingRecordInput {
  employeeId: string;
  title: string;
  provider: string;
  startsOn: Date;
  endsOn: Date;
  hours: number;
  certificateUrl?: string | null;
  /** An open recommendation of the employee's that this training fulfils. */
  closesRecommendationId?: string | null;
}

export async function recordTraining(scope: Scope, input: TrainingRecordInput) {
  const { db, viewer } = scope;
  const employee = await load(scope, "Employee", input.employeeId);
  if (!recordsTrainingOf(viewer, employee)) throw new ForbiddenError("Training is recorded by the employee or the admin.");
  const { employeeId: _employeeId, closesRecommendationId, ...record } = input;
  const training = await db.trainingRecord.create({
    data: { instansiId: viewer.instansiId, employeeId: employee.id, ...record, certificateUrl: input.certificateUrl ?? null },
  });
  if (closesRecommendationId) {
    const recommendation = await load(scope, "DevelopmentRecommendation", closesRecommendationId);
    if (recommendation.employeeId !== employee.id) throw invalidInput(["input", "closesRecommendationId"], "The recommendation is for another employee.");
    // Conditional on still open, so one recommendation is closed by one training.
    const { count } = await db.developmentRecommendation.updateMany({
      where: { id: recommendation.id, closedAt: null },
      data: { trainingRecordId: training.id, closedAt: scope.now },
    });
    if (count === 0) throw new ConflictError("The recommendation is already closed by another training.");
    await writeAudit(db, viewer, { entity: "DevelopmentRecommendation", entityId: recommendation.id, action: "close", before: recommendation, after: { trainingRecordId: training.id } });
  }
  return training;
}

/** From an evaluation, its assessor recommends development with a target date; it stays open until a training closes it. */
export async function recommendDevelopment(scope: Scope, input: { evaluationId: string; title: string; targetDate: Date }) {
  const { db, viewer } = scope;
  const evaluation = await load(scope, "Evaluation", input.evaluationId);
  const skp = await loadSkp(scope, evaluation.skpId);
  if (!isAssessorOf(viewer, skp)) throw new ForbiddenError("Only the SKP's assessor recommends development from its evaluation.");
  const recommendation = await db.developmentRecommendation.create({
    data: {
      instansiId: viewer.instansiId,
      employeeId: skp.employeeId,
      evaluationId: evaluation.id,
      title: input.title,
      targetDate: input.targetDate,
      recommendedById: viewer.employeeId!,
    },
  });
  await writeAudit(db, viewer, { entity: "DevelopmentRecommendation", entityId: recommendation.id, action: "recommend", after: recommendation });
  return recommendation;
}
