import type { Prisma } from "../generated/prisma/client.ts";
import type { Viewer } from "./viewer.ts";

// Row filters that say what a viewer may read. Lists, node lookups and
// relations all use them, so a record hidden from a list cannot be fetched
// by its ID either. Nobody ever sees another instansi's rows.

const nothing = { id: { in: [] as string[] } };

const isSupervisor = (viewer: Viewer) => viewer.role === "SUPERVISOR";

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
