import type { Prisma } from "../generated/prisma/client.ts";
import type { Viewer } from "./viewer.ts";

// Row filters that say what a viewer may read. Lists, node lookups and
// relations all use them, so a record hidden from a list cannot be fetched
// by its ID either. Nobody ever sees another instansi's rows.

/** Matches no row of any instansi-owned table. */
const nothing = { instansiId: { in: [] as string[] } };

/** Records any signed-in member of the instansi may read (units, periods, years). */
export function ownInstansi(viewer: Viewer | null) {
  return viewer ? { instansiId: viewer.instansiId } : nothing;
}

/** Records only the instansi's admin reads (surveys, audit log). */
export function adminsInstansi(viewer: Viewer | null) {
  return viewer?.role === "ADMIN" ? { instansiId: viewer.instansiId } : nothing;
}

/** The instansi itself: only the caller's own. */
export function visibleInstansi(viewer: Viewer | null): Prisma.InstansiWhereInput {
  return viewer ? { id: viewer.instansiId } : { id: { in: [] } };
}

/**
 * Rows an admin reads across the instansi and anyone else only through their
 * own employee record: `related(me)` lists the relationships that qualify.
 */
function throughOwnRecord<Where>(viewer: Viewer | null, related: (me: string) => Where[]) {
  if (!viewer) return nothing;
  if (viewer.role === "ADMIN") return { instansiId: viewer.instansiId };
  if (!viewer.employeeId) return nothing;
  return { instansiId: viewer.instansiId, OR: related(viewer.employeeId) };
}

/** Employees: admins see their whole instansi; others themselves, their supervisor and (supervisors) their direct reports. */
export function visibleEmployees(viewer: Viewer | null): Prisma.EmployeeWhereInput {
  return throughOwnRecord<Prisma.EmployeeWhereInput>(viewer, (me) => [
    { id: me },
    { subordinates: { some: { id: me } } },
    ...(viewer!.role === "SUPERVISOR" ? [{ supervisorId: me }] : []),
  ]);
}

/**
 * Development records about an employee (feedback notes, training): the
 * employee, their direct supervisor, and admins. Not the employee's own
 * reports, nor anyone above the supervisor: a note about your superior is
 * not yours to read.
 */
function aboutOwnTeam(viewer: Viewer | null) {
  return throughOwnRecord<Prisma.EmployeeWhereInput>(viewer, (me) => [{ id: me }, ...(viewer!.role === "SUPERVISOR" ? [{ supervisorId: me }] : [])]);
}

export function visibleFeedback(viewer: Viewer | null): Prisma.FeedbackNoteWhereInput {
  return { subject: aboutOwnTeam(viewer) };
}

export function visibleTrainings(viewer: Viewer | null): Prisma.TrainingRecordWhereInput {
  return { employee: aboutOwnTeam(viewer) };
}

/** Recommended development, like training records: the employee, their direct supervisor, admins. */
export function visibleRecommendations(viewer: Viewer | null): Prisma.DevelopmentRecommendationWhereInput {
  return { employee: aboutOwnTeam(viewer) };
}

/**
 * Performance records (SKP and everything under it): the owner, their
 * supervisor or assessor, the assessor's superior once an evaluation of it
 * came to them for review or objection, and admins.
 */
export function visibleSkps(viewer: Viewer | null): Prisma.SkpWhereInput {
  return throughOwnRecord<Prisma.SkpWhereInput>(viewer, (me) => [
    { employeeId: me },
    { evaluations: { some: { reviewerId: me } } },
    ...(viewer!.role === "SUPERVISOR" ? [{ assessorId: me }, { employee: { supervisorId: me } }] : []),
  ]);
}

/** Work log entries are part of the SKP they serve: seen with it. */
export function visibleWorkLog(viewer: Viewer | null): Prisma.WorkLogEntryWhereInput {
  return { rhk: { skp: visibleSkps(viewer) } };
}

/** SKPs the viewer assesses (policy.ts `isAssessorOf`, as a filter): their review queue. */
export function assessedBy(viewer: Viewer | null): Prisma.SkpWhereInput {
  if (!viewer?.employeeId || viewer.role !== "SUPERVISOR") return nothing;
  const me = viewer.employeeId;
  return { instansiId: viewer.instansiId, OR: [{ assessorId: me }, { employee: { supervisorId: me } }] };
}
