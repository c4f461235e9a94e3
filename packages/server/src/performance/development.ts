import { recordsTrainingOf, writesFeedbackAbout } from "../access/policy.ts";
import { load } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import { ForbiddenError } from "../refusals.ts";

// Coaching (pembinaan) between evaluations: continuous feedback notes and
// competency development records.

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
}

export async function recordTraining(scope: Scope, input: TrainingRecordInput) {
  const { db, viewer } = scope;
  const employee = await load(scope, "Employee", input.employeeId);
  if (!recordsTrainingOf(viewer, employee)) throw new ForbiddenError("Training is recorded by the employee or the admin.");
  const { employeeId: _employeeId, ...record } = input;
  return db.trainingRecord.create({
    data: { instansiId: viewer.instansiId, employeeId: employee.id, ...record, certificateUrl: input.certificateUrl ?? null },
  });
}
