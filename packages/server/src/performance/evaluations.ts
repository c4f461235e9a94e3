import { inputSourceFor, isAssessorOf } from "../access/policy.ts";
import { writeAudit } from "../application/audit.ts";
import { load } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import { finalRating, type IndicatorResult } from "../domain/evaluation.ts";
import { evaluationOpensOn } from "../domain/periods.ts";
import { changeInstansiSettings } from "../organisation/instansi.ts";
import { dayIn, dayOf } from "../domain/work-calendar.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { BerakhlakValue, RatingLevel } from "../generated/prisma/enums.ts";
import { ConflictError, ForbiddenError, invalidInput } from "../refusals.ts";
import { latestApprovedRealisation, realisedValue } from "./indicator-value.ts";
import { audited } from "./peer-input.ts";
import { superiorOf } from "./review-chain.ts";
import { loadSkp, type LoadedSkp } from "./skps.ts";

// Evaluation (penilaian): self, assessor and peer input during a period, then
// the assessor finalises and the server computes the predikat.

interface EvaluationSubject {
  skpId: string;
  periodId: string;
}

/** The SKP and period an evaluation is about, checked to belong together. */
async function loadSubject(scope: Scope, input: EvaluationSubject) {
  const skp = await loadSkp(scope, input.skpId);
  const period = await load(scope, "Period", input.periodId);
  if (period.yearId !== skp.yearId) throw invalidInput(["input", "periodId"], "The period is not in the SKP's year.");
  return { skp, period };
}

/** The evaluation to write into, created on first input; a final one is closed. */
async function openEvaluation(db: Prisma.TransactionClient, skp: LoadedSkp, periodId: string) {
  if (skp.status !== "AGREED") throw new ConflictError("Only an agreed SKP is evaluated.");
  if (skp.year.closedAt) throw new ConflictError(`Performance year ${skp.year.year} is closed: its evaluations are final.`);
  const evaluation = await db.evaluation.upsert({
    where: { skpId_periodId: { skpId: skp.id, periodId } },
    create: { instansiId: skp.instansiId, skpId: skp.id, periodId },
    update: {},
  });
  if (evaluation.status === "FINAL") throw new ConflictError("The evaluation is final.");
  if (evaluation.status === "IN_REVIEW") throw new ConflictError("The evaluation is with the assessor's superior for review.");
  return evaluation;
}

/** A period is evaluated from its last weeks on, the year from its last period on (instansi setting). */
async function checkEvaluationWindow(scope: Scope, period: Awaited<ReturnType<typeof loadSubject>>["period"]) {
  const { db, viewer } = scope;
  const instansi = await db.instansi.findUniqueOrThrow({ where: { id: viewer.instansiId }, select: { timeZone: true, evaluationOpensDays: true } });
  const last = await db.period.findFirstOrThrow({ where: { yearId: period.yearId, kind: { not: "YEAR" } }, orderBy: { number: "desc" }, select: { startsOn: true } });
  const opensOn = dayOf(evaluationOpensOn(period, last.startsOn, instansi.evaluationOpensDays));
  if (dayIn(scope.now, instansi.timeZone) < opensOn) throw new ConflictError(`This period can be evaluated from ${opensOn} on.`);
}

/** How the viewer may give input on this SKP; anyone outside the team is refused. */
async function sourceOfInput(scope: Scope, skp: LoadedSkp) {
  const { viewer } = scope;
  const place = viewer.employeeId ? await scope.db.employee.findUnique({ where: { id: viewer.employeeId }, select: { supervisorId: true } }) : null;
  const source = inputSourceFor(viewer, skp, place);
  if (!source) throw new ForbiddenError("Only the employee, their assessor and their team peers give evaluation input.");
  return source;
}

/** Rates BerAKHLAK values: as self, assessor or peer, decided by who the viewer is. */
export async function rateBehaviour(
  scope: Scope,
  input: EvaluationSubject & { ratings: ReadonlyArray<{ value: BerakhlakValue; level: RatingLevel; note?: string | null }> },
) {
  const { db, viewer } = scope;
  const { skp, period } = await loadSubject(scope, input);
  const source = await sourceOfInput(scope, skp);
  const evaluation = await openEvaluation(db, skp, period.id);
  for (const rating of input.ratings) {
    const key = { evaluationId: evaluation.id, raterId: viewer.employeeId!, value: rating.value };
    const before = await db.behaviourRating.findUnique({ where: { evaluationId_raterId_value: key } });
    const fields = { level: rating.level, note: rating.note ?? null, source };
    const after = await db.behaviourRating.upsert({
      where: { evaluationId_raterId_value: key },
      create: { instansiId: skp.instansiId, ...key, ...fields },
      update: fields,
    });
    await writeAudit(db, viewer, { entity: "BehaviourRating", entityId: after.id, action: "rate", before: audited(before), after: audited(after) });
  }
  return evaluation;
}

/** Self-assessment, supervisor assessment or peer input on an evaluation. */
export async function submitEvaluationInput(scope: Scope, input: EvaluationSubject & { hasilKerja?: RatingLevel | null; comment: string }) {
  const { db, viewer } = scope;
  const { skp, period } = await loadSubject(scope, input);
  const source = await sourceOfInput(scope, skp);
  const evaluation = await openEvaluation(db, skp, period.id);
  const key = { evaluationId: evaluation.id, authorId: viewer.employeeId! };
  const before = await db.evaluationInput.findUnique({ where: { evaluationId_authorId: key } });
  const fields = { source, hasilKerja: input.hasilKerja ?? null, comment: input.comment };
  const after = await db.evaluationInput.upsert({
    where: { evaluationId_authorId: key },
    create: { instansiId: skp.instansiId, ...key, ...fields },
    update: fields,
  });
  await writeAudit(db, viewer, { entity: "EvaluationInput", entityId: after.id, action: "submit", before: audited(before), after: audited(after) });
  return evaluation;
}

/** Each indicator of the SKP with what it achieved by the end of the period. */
async function indicatorResults(db: Prisma.TransactionClient, skp: LoadedSkp, upTo: Date): Promise<IndicatorResult[]> {
  const indicators = await db.indicator.findMany({
    where: { rhk: { skpId: skp.id } },
    include: { rhk: { select: { kind: true } }, realisations: latestApprovedRealisation(upTo) },
  });
  return Promise.all(
    indicators.map(async (indicator) => ({
      main: indicator.rhk.kind === "UTAMA",
      target: indicator.targetValue.toNumber(),
      direction: indicator.direction,
      realised: await realisedValue(db, indicator, { year: skp.year.year, upTo }),
    })),
  );
}

/**
 * The assessor closes an evaluation. Ratings not given are derived (hasil
 * kerja from what the indicators achieved, perilaku kerja from the
 * assessor's BerAKHLAK ratings); a head of unit's hasil kerja follows the
 * unit's predikat. The server computes the predikat. An annual evaluation
 * goes to the assessor's superior for review (review-chain.ts) before it is
 * final; with no superior above the assessor it is final at once.
 */
export async function finaliseEvaluation(
  scope: Scope,
  input: EvaluationSubject & { hasilKerja?: RatingLevel | null; perilakuKerja?: RatingLevel | null },
) {
  const { db, viewer } = scope;
  const { skp, period } = await loadSubject(scope, input);
  if (!isAssessorOf(viewer, skp)) throw new ForbiddenError("Only the SKP's assessor finalises its evaluation.");
  await checkEvaluationWindow(scope, period);
  const evaluation = await openEvaluation(db, skp, period.id);
  const assessorRatings = await db.behaviourRating.findMany({ where: { evaluationId: evaluation.id, source: "SUPERVISOR" }, select: { level: true } });
  const headedUnit = await db.orgUnit.findUnique({
    where: { headId: skp.employeeId },
    select: { performances: { where: { yearId: skp.yearId }, select: { predikat: true } } },
  });
  const rating = finalRating({
    hasilKerja: input.hasilKerja,
    perilakuKerja: input.perilakuKerja,
    indicators: await indicatorResults(db, skp, period.endsOn),
    assessorBehaviourLevels: assessorRatings.map((r) => r.level),
    headedUnitPredikat: headedUnit?.performances[0]?.predikat ?? null,
  });
  if (!rating.ok) throw new ConflictError(rating.reason);
  // The annual evaluation goes to the assessor's superior for review first, where there is one.
  const reviewerId = period.kind === "YEAR" ? await superiorOf(db, viewer.employeeId) : null;
  // Conditional on OPEN, so a concurrent finalisation cannot overwrite this one.
  const { count } = await db.evaluation.updateMany({
    where: { id: evaluation.id, status: "OPEN" },
    data: {
      status: reviewerId ? "IN_REVIEW" : "FINAL",
      hasilKerja: rating.hasilKerja,
      perilakuKerja: rating.perilakuKerja,
      predikat: rating.predikat,
      finalisedById: viewer.employeeId,
      finalisedAt: reviewerId ? null : scope.now,
      reviewerId,
    },
  });
  if (count === 0) throw new ConflictError("The evaluation is final.");
  const after = await db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
  await writeAudit(db, viewer, { entity: "Evaluation", entityId: after.id, action: reviewerId ? "submit-for-review" : "finalise", before: evaluation, after });
  return after;
}

/** The admin sets from how many days before a period's end it can be evaluated. */
export function setEvaluationWindow(scope: Scope, input: { evaluationOpensDays: number }) {
  return changeInstansiSettings(scope, "set-evaluation-window", { evaluationOpensDays: input.evaluationOpensDays });
}
