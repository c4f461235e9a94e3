import { isAdmin } from "../access/policy.ts";
import { writeAudit } from "../application/audit.ts";
import { load } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import { predikatFor } from "../domain/predikat.ts";
import { addDays, dayIn } from "../domain/work-calendar.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { RatingLevel } from "../generated/prisma/enums.ts";
import { ConflictError, ForbiddenError, invalidInput } from "../refusals.ts";
import { changeInstansiSettings } from "../organisation/instansi.ts";
import { loadSkp } from "./skps.ts";

// The Atasan Pejabat Penilai (the assessor's own superior) reviews an annual
// evaluation before it becomes final, and decides the employee's objection
// (keberatan) to a final one (PP 30/2019 Pasal 59, PermenPANRB 6/2022 Bab V).

/** The assessor's superior, who reviews what the assessor decides; null at the top of the tree. */
export async function superiorOf(db: Prisma.TransactionClient, employeeId: string | null): Promise<string | null> {
  if (!employeeId) return null;
  const assessor = await db.employee.findUnique({ where: { id: employeeId }, select: { supervisorId: true } });
  return assessor?.supervisorId ?? null;
}

/** The reviewer agrees (the evaluation becomes final) or sends it back to the assessor with a note. */
export async function reviewEvaluation(scope: Scope, input: { evaluationId: string; agree: boolean; note?: string | null }) {
  const { db, viewer } = scope;
  const evaluation = await load(scope, "Evaluation", input.evaluationId);
  if (!viewer.employeeId || evaluation.reviewerId !== viewer.employeeId) throw new ForbiddenError("Only the assessor's superior (Atasan Pejabat Penilai) reviews this evaluation.");
  if (!input.agree && !input.note) throw invalidInput(["input", "note"], "Say why the evaluation goes back to the assessor.");
  const decided = input.agree
    ? { status: "FINAL" as const, finalisedAt: scope.now, reviewNote: input.note ?? null }
    : { status: "OPEN" as const, reviewNote: input.note!, hasilKerja: null, perilakuKerja: null, predikat: null, finalisedById: null, finalisedAt: null };
  // Conditional on still in review, so two answers cannot both land.
  const { count } = await db.evaluation.updateMany({ where: { id: evaluation.id, status: "IN_REVIEW" }, data: { ...decided, reviewedAt: scope.now } });
  if (count === 0) throw new ConflictError("The evaluation is not waiting for review.");
  const after = await db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
  await writeAudit(db, viewer, { entity: "Evaluation", entityId: after.id, action: input.agree ? "review-agree" : "review-send-back", before: evaluation, after });
  return after;
}

/** The last day an objection to an evaluation final at `finalisedAt` can be filed. */
function objectionDeadline(finalisedAt: Date, timeZone: string, windowDays: number): string {
  return addDays(dayIn(finalisedAt, timeZone), windowDays);
}

/** The evaluated employee objects to a final evaluation within the instansi's window (default 14 days). */
export async function fileObjection(scope: Scope, input: { evaluationId: string; reason: string }) {
  const { db, viewer } = scope;
  const evaluation = await load(scope, "Evaluation", input.evaluationId);
  const skp = await loadSkp(scope, evaluation.skpId);
  if (viewer.employeeId !== skp.employeeId) throw new ForbiddenError("Only the evaluated employee objects to their evaluation.");
  if (evaluation.status !== "FINAL" || !evaluation.predikat || !evaluation.finalisedAt) throw new ConflictError("Only a final evaluation can be objected to.");
  const instansi = await db.instansi.findUniqueOrThrow({ where: { id: viewer.instansiId }, select: { timeZone: true, objectionWindowDays: true } });
  const deadline = objectionDeadline(evaluation.finalisedAt, instansi.timeZone, instansi.objectionWindowDays);
  if (dayIn(scope.now, instansi.timeZone) > deadline) throw new ConflictError(`Objections to this evaluation closed on ${deadline}.`);
  if (await db.objection.findUnique({ where: { evaluationId: evaluation.id }, select: { id: true } })) throw new ConflictError("This evaluation has been objected to already.");
  // The reviewer decides; an evaluation that had none goes to the assessor's superior, or the admin at the top.
  const deciderId = evaluation.reviewerId ?? (await superiorOf(db, evaluation.finalisedById));
  if (deciderId && !evaluation.reviewerId) await db.evaluation.update({ where: { id: evaluation.id }, data: { reviewerId: deciderId } });
  const objection = await db.objection.create({
    data: { instansiId: viewer.instansiId, evaluationId: evaluation.id, employeeId: skp.employeeId, reason: input.reason, filedAt: scope.now, deciderId, predikatBefore: evaluation.predikat },
  });
  await writeAudit(db, viewer, { entity: "Objection", entityId: objection.id, action: "file", after: objection });
  return objection;
}

export interface ObjectionDecision {
  objectionId: string;
  uphold: boolean;
  /** When upheld: the ratings the decider sets (at least one differs); the predikat follows from them. */
  hasilKerja?: RatingLevel | null;
  perilakuKerja?: RatingLevel | null;
  note: string;
}

/** The reviewer (or, with none, the admin) upholds the objection with new ratings or rejects it; the result is final. */
export async function decideObjection(scope: Scope, input: ObjectionDecision) {
  const { db, viewer } = scope;
  const objection = await load(scope, "Objection", input.objectionId);
  const decides = objection.deciderId ? viewer.employeeId === objection.deciderId : isAdmin(viewer);
  if (!decides) throw new ForbiddenError("Only the assessor's superior (or, without one, the admin) decides this objection.");
  const evaluation = await db.evaluation.findUniqueOrThrow({ where: { id: objection.evaluationId } });
  const hasilKerja = input.hasilKerja ?? evaluation.hasilKerja!;
  const perilakuKerja = input.perilakuKerja ?? evaluation.perilakuKerja!;
  const changed = hasilKerja !== evaluation.hasilKerja || perilakuKerja !== evaluation.perilakuKerja;
  if (input.uphold && !changed) throw invalidInput(["input", "hasilKerja"], "An upheld objection changes the hasil kerja or perilaku kerja rating.");
  if (!input.uphold && changed) throw invalidInput(["input", "hasilKerja"], "A rejected objection leaves the ratings as they are.");
  const predikat = predikatFor(hasilKerja, perilakuKerja);
  // Conditional on still pending, so an objection is decided once.
  const { count } = await db.objection.updateMany({
    where: { id: objection.id, status: "PENDING" },
    data: { status: input.uphold ? "UPHELD" : "REJECTED", decidedById: viewer.employeeId, decidedAt: scope.now, decisionNote: input.note, predikatAfter: predikat },
  });
  if (count === 0) throw new ConflictError("The objection has been decided already.");
  if (changed) {
    const after = await db.evaluation.update({ where: { id: evaluation.id }, data: { hasilKerja, perilakuKerja, predikat } });
    await writeAudit(db, viewer, { entity: "Evaluation", entityId: evaluation.id, action: "objection-upheld", before: evaluation, after });
  }
  const decided = await db.objection.findUniqueOrThrow({ where: { id: objection.id } });
  await writeAudit(db, viewer, { entity: "Objection", entityId: objection.id, action: "decide", before: objection, after: decided });
  return decided;
}

/** The admin sets how many days after finalisation an employee may object. */
export function setObjectionWindow(scope: Scope, input: { objectionWindowDays: number }) {
  return changeInstansiSettings(scope, "set-objection-window", { objectionWindowDays: input.objectionWindowDays });
}

/** The date objections to a final evaluation close, for display. */
export async function objectionsCloseOn(db: Prisma.TransactionClient, evaluation: { instansiId: string; finalisedAt: Date | null; status: string }) {
  if (evaluation.status !== "FINAL" || !evaluation.finalisedAt) return null;
  const instansi = await db.instansi.findUniqueOrThrow({ where: { id: evaluation.instansiId }, select: { timeZone: true, objectionWindowDays: true } });
  return objectionDeadline(evaluation.finalisedAt, instansi.timeZone, instansi.objectionWindowDays);
}
