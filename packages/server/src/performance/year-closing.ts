import { loadPerformanceYear } from "../organisation/performance-years.ts";
import type { Scope } from "../application/scope.ts";
import type { Predikat } from "../domain/predikat.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { publishablePredikatCounts } from "../publication/predikat-suppression.ts";
import { ConflictError } from "../refusals.ts";

/**
 * The admin closes a performance year once its annual evaluations are done
 * (none waiting for review or for an objection's decision).
 * Its annual predikat then become final (no more evaluation input), and each
 * unit's predikat counts are published once, frozen, for the units whose
 * counts single out nobody: while evaluations trickle in, a count that moves
 * by one would tell whose predikat just arrived.
 */
export async function closePerformanceYear(scope: Scope, input: { year: number }) {
  const year = await loadPerformanceYear(scope, input.year);
  const undecided = await scope.db.evaluation.count({
    where: { period: { yearId: year.id }, OR: [{ status: "IN_REVIEW" }, { objection: { status: "PENDING" } }] },
  });
  if (undecided > 0) throw new ConflictError(`${undecided} evaluation(s) of ${input.year} still wait for review or an objection's decision.`);
  if (!(await closeYear(scope.db, scope.viewer.instansiId, year.id))) throw new ConflictError(`Performance year ${input.year} is already closed.`);
  await scope.changes.wholeInstansi(scope.db, scope.viewer.instansiId);
  return scope.db.performanceYear.findUniqueOrThrow({ where: { id: year.id } });
}

/** Closes a year and freezes its publishable predikat counts; false when it was closed already. */
export async function closeYear(db: Prisma.TransactionClient, instansiId: string, yearId: string): Promise<boolean> {
  // Conditional on still open, so two admins cannot close it twice.
  const { count } = await db.performanceYear.updateMany({ where: { id: yearId, closedAt: null }, data: { closedAt: new Date() } });
  if (count === 0) return false;
  const instansi = await db.instansi.findUniqueOrThrow({ where: { id: instansiId }, select: { anonymityFloor: true } });
  const units = await db.orgUnit.findMany({ where: { instansiId }, select: { id: true, parentId: true } });
  const rated = await db.evaluation.findMany({
    where: { instansiId, status: "FINAL", period: { yearId, kind: "YEAR" } },
    select: { predikat: true, skp: { select: { employee: { select: { unitId: true } } } } },
  });
  const counts = publishablePredikatCounts(
    units.map((unit) => ({
      ...unit,
      predikats: rated.flatMap((e) => (e.skp.employee.unitId === unit.id && e.predikat ? [e.predikat as Predikat] : [])),
    })),
    instansi.anonymityFloor,
  );
  await db.predikatPublication.createMany({
    data: [...counts].map(([unitId, perPredikat]) => ({ yearId, unitId, instansiId, counts: perPredikat })),
  });
  return true;
}
