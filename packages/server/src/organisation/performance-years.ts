import type { ReadScope, Scope } from "../application/scope.ts";
import { loadWith } from "../application/load.ts";
import { periodsOfYear } from "../domain/periods.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { PeriodCadence } from "../generated/prisma/enums.ts";
import { ConflictError } from "../refusals.ts";

/** A performance year of the viewer's instansi by its number, or NotFoundError. */
export function loadPerformanceYear(scope: ReadScope, year: number) {
  return loadWith(scope, "PerformanceYear", String(year), ({ instansiId }) =>
    scope.db.performanceYear.findUnique({ where: { instansiId_year: { instansiId, year } } }),
  );
}

/** A performance year with its periods (months or quarters, and the whole year): the only way one is made. */
export function createYearWithPeriods(db: Prisma.TransactionClient, instansiId: string, year: number, cadence: PeriodCadence) {
  return db.performanceYear.create({
    data: { instansiId, year, cadence, periods: { create: periodsOfYear(year, cadence).map((period) => ({ instansiId, ...period })) } },
    include: { periods: { orderBy: [{ kind: "asc" }, { number: "asc" }] } },
  });
}

/** The admin opens a performance year. */
export async function createPerformanceYear(scope: Scope, input: { year: number; cadence: PeriodCadence }) {
  const { db, viewer } = scope;
  const existing = await db.performanceYear.findUnique({ where: { instansiId_year: { instansiId: viewer.instansiId, year: input.year } } });
  if (existing) throw new ConflictError(`Performance year ${input.year} already exists.`);
  return createYearWithPeriods(db, viewer.instansiId, input.year, input.cadence);
}
