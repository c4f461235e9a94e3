import type { InputSource } from "../generated/prisma/enums.ts";
import type { Viewer } from "./viewer.ts";

// Who may do what (PermenPANRB 6/2022 roles). The schema's scope checks
// (`authScopes`) come from `scopesOf`; the use cases ask the relationship
// rules below; reads are filtered by visibility.ts. Nothing else decides.

export interface AuthScopes {
  /** Any authenticated caller. */
  viewer: boolean;
  /** Pengelola kinerja of the caller's instansi. */
  admin: boolean;
  /** A caller with the supervisor role (pejabat penilai kinerja). */
  supervisor: boolean;
  /** A caller linked to an employee record. */
  employee: boolean;
}

export function scopesOf(viewer: Viewer | null): AuthScopes {
  return {
    viewer: viewer !== null,
    admin: viewer?.role === "ADMIN",
    supervisor: viewer?.role === "SUPERVISOR",
    employee: Boolean(viewer?.employeeId),
  };
}

export const isAdmin = (viewer: Viewer) => viewer.role === "ADMIN";

/** The parts of an SKP that decide who may act on it. */
export interface SkpParties {
  employeeId: string;
  assessorId: string | null;
  employee: { supervisorId: string | null; unitId: string };
}

/** The pejabat penilai kinerja: the SKP's assessor, or the employee's direct supervisor. */
export function isAssessorOf(viewer: Viewer, skp: SkpParties): boolean {
  const me = viewer.employeeId;
  return viewer.role === "SUPERVISOR" && me !== null && (skp.assessorId === me || skp.employee.supervisorId === me);
}

/** Writing the plan (SKP, RHK, indicators): the employee, their assessor, or the admin. */
export function canPlanSkp(viewer: Viewer, skp: SkpParties): boolean {
  return isAdmin(viewer) || viewer.employeeId === skp.employeeId || isAssessorOf(viewer, skp);
}

/** Realisations are reported by the SKP's owner only. */
export const reportsRealisationsOf = (viewer: Viewer, skp: SkpParties) => viewer.employeeId === skp.employeeId;

/** Where the viewer stands in the organisation, for evaluation input. */
export interface ViewerPlace {
  supervisorId: string | null;
}

/**
 * In what capacity the viewer gives evaluation input, or null when they may
 * not: the employee (self), their assessor (supervisor), or a team peer who
 * reports to the same supervisor (360 input). Anyone else is outside the team.
 */
export function inputSourceFor(viewer: Viewer, skp: SkpParties, place: ViewerPlace | null): InputSource | null {
  if (viewer.employeeId === null) return null;
  if (viewer.employeeId === skp.employeeId) return "SELF";
  if (isAssessorOf(viewer, skp)) return "SUPERVISOR";
  const peer = place?.supervisorId != null && place.supervisorId === skp.employee.supervisorId;
  return peer ? "PEER" : null;
}

/** Continuous feedback is written by the employee and their direct supervisor. */
export function writesFeedbackAbout(viewer: Viewer, subject: { id: string; supervisorId: string | null }): boolean {
  return subject.id === viewer.employeeId || (viewer.role === "SUPERVISOR" && subject.supervisorId === viewer.employeeId);
}

/** Training is recorded by the employee or the admin. */
export const recordsTrainingOf = (viewer: Viewer, employee: { id: string }) => isAdmin(viewer) || employee.id === viewer.employeeId;

/** A unit's predikat distribution is checked by its head and the admin. */
export const checksDistributionOf = (viewer: Viewer, unit: { headId: string | null }) => isAdmin(viewer) || unit.headId === viewer.employeeId;

/**
 * What a unit tells citizens is written by its head and the admin, who
 * answer for it: the follow-up plan for its survey results, the paper
 * questionnaires typed in for its surveys, its commitments to community forums.
 */
export const actsPubliclyFor = (viewer: Viewer, unit: { headId: string | null }) => isAdmin(viewer) || (viewer.employeeId !== null && unit.headId === viewer.employeeId);

/** Community forums are recorded by the admin (the pemda's organisation office runs them). */
export const recordsForums = (viewer: Viewer) => isAdmin(viewer);

/** Survey responses and reports leave the system only through the admin. */
export const exportsSurveys = (viewer: Viewer) => isAdmin(viewer);

/** An employee's work log as a whole (month summaries): the employee, their direct supervisor or assessor, and the admin. */
export function readsWorkLogOf(viewer: Viewer, employee: { id: string; supervisorId: string | null }, assessesThem: boolean): boolean {
  if (isAdmin(viewer) || employee.id === viewer.employeeId) return true;
  return viewer.role === "SUPERVISOR" && (employee.supervisorId === viewer.employeeId || assessesThem);
}
