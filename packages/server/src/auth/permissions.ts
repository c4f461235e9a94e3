import type { InputSource } from "../generated/prisma/enums.ts";
import type { Viewer } from "./viewer.ts";

// Relationship rules for writes (PermenPANRB 6/2022 roles). Reads are
// filtered by visibility.ts; these decide who may change what.

/** The parts of an SKP that decide who may act on it. */
export interface SkpParties {
  employeeId: string;
  assessorId: string | null;
  employee: { supervisorId: string | null; unitId: string };
}

export const isAdmin = (viewer: Viewer) => viewer.role === "ADMIN";

/** The pejabat penilai kinerja: the SKP's assessor, or the employee's direct supervisor. */
export function isAssessorOf(viewer: Viewer, skp: SkpParties): boolean {
  const me = viewer.employeeId;
  return viewer.role === "SUPERVISOR" && me !== null && (skp.assessorId === me || skp.employee.supervisorId === me);
}

/** Writing the plan (SKP, RHK, indicators): the employee, their assessor, or the admin. */
export function canPlanSkp(viewer: Viewer, skp: SkpParties): boolean {
  return isAdmin(viewer) || viewer.employeeId === skp.employeeId || isAssessorOf(viewer, skp);
}

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
