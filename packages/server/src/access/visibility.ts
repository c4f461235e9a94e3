import type { Prisma } from "../generated/prisma/client.ts";
import type { Viewer } from "./viewer.ts";

// Row filters that say what a viewer may read. Lists, node lookups and
// relations all use them, so a record hidden from a list cannot be fetched
// by its ID either. Nobody ever sees another instansi's rows.

/** Matches no row of any instansi-owned table. */
const nothing = { instansiId: { in: [] as string[] } };

const isSupervisor = (viewer: Viewer) => viewer.role === "SUPERVISOR";

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

/** Employees: admins see their whole instansi; others themselves, their supervisor and (supervisors) their direct reports. */
export function visibleEmployees(viewer: Viewer | null): Prisma.EmployeeWhereInput {
  if (!viewer) return nothing;
  if (viewer.role === "ADMIN") return { instansiId: viewer.instansiId };
  if (!viewer.employeeId) return nothing;
  const me = viewer.employeeId;
  return {
    instansiId: viewer.instansiId,
    OR: [
      { id: me },
      { subordinates: { some: { id: me } } },
      ...(isSupervisor(viewer) ? [{ supervisorId: me }] : []),
    ],
  };
}

/** Performance records (SKP and everything under it): the owner, their supervisor or assessor, and admins. */
export function visibleSkps(viewer: Viewer | null): Prisma.SkpWhereInput {
  if (!viewer) return nothing;
  if (viewer.role === "ADMIN") return { instansiId: viewer.instansiId };
  if (!viewer.employeeId) return nothing;
  const me = viewer.employeeId;
  return {
    instansiId: viewer.instansiId,
    OR: [
      { employeeId: me },
      ...(isSupervisor(viewer) ? [{ assessorId: me }, { employee: { supervisorId: me } }] : []),
    ],
  };
}
