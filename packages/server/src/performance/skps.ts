import { canPlanSkp, isAdmin, isAssessorOf } from "../access/policy.ts";
import { load, loadWith } from "../application/load.ts";
import type { ReadScope, Scope } from "../application/scope.ts";
import type { Element } from "../domain/ikm.ts";
import type { IndicatorAspect, IndicatorDirection, IndicatorPerspective, RhkKind } from "../generated/prisma/enums.ts";
import { loadPerformanceYear } from "../organisation/performance-years.ts";
import { unitTree } from "../organisation/unit-tree.ts";
import { listsPerspectives } from "../domain/skp-form.ts";
import { ConflictError, ForbiddenError, invalidInput } from "../refusals.ts";

// Planning (perencanaan): the SKP, its planned results (RHK) and their
// indicators, written while DRAFT and fixed once the assessor agrees.

/** An SKP of the viewer's instansi with what decides who may act on it. */
export function loadSkp(scope: ReadScope, id: string) {
  return loadWith(scope, "Skp", id, (where) =>
    scope.db.skp.findFirst({ where, include: { employee: { select: { supervisorId: true, unitId: true } }, year: true } }),
  );
}

export type LoadedSkp = Awaited<ReturnType<typeof loadSkp>>;

/** An SKP for changes to its plan: only while DRAFT, only by those who plan it. */
async function loadSkpForPlanning(scope: Scope, id: string) {
  const skp = await loadSkp(scope, id);
  if (!canPlanSkp(scope.viewer, skp)) throw new ForbiddenError("Only the employee, their assessor or the admin plan this SKP.");
  if (skp.status !== "DRAFT") throw new ConflictError("The SKP is agreed; its plan can no longer change.");
  return skp;
}

/** Starts an employee's SKP for a year; the assessor defaults to the direct supervisor. */
export async function createSkp(scope: Scope, input: { employeeId: string; year: number; assessorId?: string | null }) {
  const { db, viewer } = scope;
  const employee = await load(scope, "Employee", input.employeeId);
  if (!canPlanSkp(viewer, { employeeId: employee.id, assessorId: null, employee })) {
    throw new ForbiddenError("Only the employee, their supervisor or the admin start an SKP.");
  }
  const assessorId = input.assessorId ?? employee.supervisorId;
  if (input.assessorId) {
    if (!isAdmin(viewer)) throw new ForbiddenError("Only the admin chooses an assessor other than the direct supervisor.");
    await load(scope, "Employee", input.assessorId);
  }
  if (assessorId === employee.id) throw invalidInput(["input", "assessorId"], "An employee cannot assess their own SKP.");
  const year = await loadPerformanceYear(scope, input.year);
  const existing = await db.skp.findUnique({ where: { employeeId_yearId: { employeeId: employee.id, yearId: year.id } } });
  if (existing) throw new ConflictError(`${employee.name} already has an SKP for ${input.year}.`);
  return db.skp.create({ data: { instansiId: viewer.instansiId, employeeId: employee.id, yearId: year.id, assessorId } });
}

/** Adds a planned result to a draft SKP, optionally cascading from one of the assessor's. */
export async function addRhk(scope: Scope, input: { skpId: string; kind: RhkKind; description: string; supportsRhkId?: string | null }) {
  const { db } = scope;
  const skp = await loadSkpForPlanning(scope, input.skpId);
  if (input.supportsRhkId) {
    const parent = await loadWith(scope, "Rhk", input.supportsRhkId, (where) =>
      db.rhk.findFirst({ where, include: { skp: { select: { employeeId: true, yearId: true } } } }),
    );
    if (parent.skp.employeeId !== skp.assessorId || parent.skp.yearId !== skp.yearId) {
      throw invalidInput(["input", "supportsRhkId"], "A result cascades from a result in the assessor's SKP of the same year.");
    }
  }
  const position = await db.rhk.count({ where: { skpId: skp.id, kind: input.kind } });
  return db.rhk.create({
    data: { instansiId: skp.instansiId, skpId: skp.id, kind: input.kind, description: input.description, parentRhkId: input.supportsRhkId ?? null, position },
  });
}

export interface NewIndicator {
  rhkId: string;
  aspect: IndicatorAspect;
  /** On a JPT's SKP: the perspective it answers to. */
  perspective?: IndicatorPerspective | null;
  description: string;
  target: number;
  targetUnit: string;
  direction?: IndicatorDirection | null;
  weight?: number | null;
  /** Measured by this survey: the realisation is computed from citizens' responses. */
  sourceSurveyId?: string | null;
  sourceElement?: Element | null;
}

/**
 * A survey that can measure the work of someone in `unitId`: a service of
 * their unit, of a unit under it, or of a unit above it. Not any survey of
 * the instansi: linking one would let anyone read its figures through their
 * own SKP.
 */
async function loadSurveyServing(scope: Scope, surveyId: string, unitId: string) {
  const survey = await load(scope, "Survey", surveyId);
  const tree = await unitTree(scope.db, survey.instansiId);
  if (![...tree.subtreeOf(unitId), ...tree.chainOf(unitId)].includes(survey.unitId)) {
    throw invalidInput(["input", "sourceSurveyId"], "Choose a survey of the employee's unit, a unit under it or a unit above it.");
  }
  return survey;
}

/** Adds an indicator with its target to a planned result of a draft SKP. */
export async function addIndicator(scope: Scope, input: NewIndicator) {
  const rhk = await load(scope, "Rhk", input.rhkId);
  const skp = await loadSkpForPlanning(scope, rhk.skpId);
  if (input.sourceSurveyId) await loadSurveyServing(scope, input.sourceSurveyId, skp.employee.unitId);
  else if (input.sourceElement) throw invalidInput(["input", "sourceElement"], "Choose the survey the element comes from (sourceSurveyId).");
  return scope.db.indicator.create({
    data: {
      instansiId: rhk.instansiId,
      rhkId: rhk.id,
      aspect: input.aspect,
      perspective: input.perspective ?? null,
      description: input.description,
      targetValue: input.target,
      targetUnit: input.targetUnit,
      direction: input.direction ?? "HIGHER_IS_BETTER",
      weight: input.weight ?? 1,
      sourceSurveyId: input.sourceSurveyId ?? null,
      sourceElement: input.sourceSurveyId ? (input.sourceElement ?? null) : null,
    },
  });
}

/** The assessor signs the SKP: its plan is fixed and realisations can be reported. */
export async function agreeSkp(scope: Scope, input: { skpId: string }) {
  const skp = await loadSkp(scope, input.skpId);
  if (!isAssessorOf(scope.viewer, skp)) throw new ForbiddenError("Only the SKP's assessor signs it.");
  if (skp.status !== "DRAFT") throw new ConflictError("The SKP is already agreed.");
  const mainIndicators = await scope.db.indicator.count({ where: { rhk: { skpId: skp.id, kind: "UTAMA" } } });
  if (mainIndicators === 0) throw new ConflictError("An SKP needs at least one main result with an indicator.");
  const { positionKind } = await scope.db.employee.findUniqueOrThrow({ where: { id: skp.employeeId }, select: { positionKind: true } });
  if (listsPerspectives(positionKind) && (await scope.db.indicator.count({ where: { rhk: { skpId: skp.id }, perspective: null } })) > 0) {
    throw new ConflictError("A JPT's SKP lists each indicator under a perspective: give every indicator one.");
  }
  return scope.db.skp.update({ where: { id: skp.id }, data: { status: "AGREED" } });
}

export interface SkpAttachment {
  skpId: string;
  resourceSupport: string[];
  accountability: string[];
  consequences: string[];
}

/** The SKP's attachment (lampiran), written with the plan while it is a draft. */
export async function setSkpAttachment(scope: Scope, input: SkpAttachment) {
  const skp = await loadSkpForPlanning(scope, input.skpId);
  const { skpId: _skpId, ...attachment } = input;
  return scope.db.skp.update({ where: { id: skp.id }, data: attachment });
}
