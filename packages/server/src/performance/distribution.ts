import { checksDistributionOf } from "../access/policy.ts";
import { visibleSkps } from "../access/visibility.ts";
import { writeAudit } from "../application/audit.ts";
import { load } from "../application/load.ts";
import type { ReadScope, Scope } from "../application/scope.ts";
import { checkKurva, type KurvaViolation, type UnitPredikat } from "../domain/kurva.ts";
import { predikats, type Predikat } from "../domain/predikat.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { loadPerformanceYear } from "../organisation/performance-years.ts";
import { unitMembersForYear } from "../organisation/unit-members.ts";
import { ForbiddenError, invalidInput } from "../refusals.ts";

// The distribution curve (kurva): a unit's own predikat bounds how its
// members' annual predikat may be spread (PermenPANRB 6/2022).

export interface PredikatCount {
  predikat: Predikat;
  count: number;
}

/** How many of the given predikat fall on each of the five, in the order of the form. */
export function countPredikats(given: readonly Predikat[]): PredikatCount[] {
  return predikats.map((predikat) => ({ predikat, count: given.filter((p) => p === predikat).length }));
}

/** Each member of the unit for the year with their final annual predikat (null when not finalised). */
export async function annualPredikats(db: Prisma.TransactionClient, unit: { id: string; instansiId: string }, yearId: string) {
  const members = await db.employee.findMany({
    where: await unitMembersForYear(db, unit, yearId),
    select: {
      id: true,
      skps: { where: { yearId }, select: { evaluations: { where: { status: "FINAL", period: { kind: "YEAR" } }, select: { predikat: true } } } },
    },
  });
  return members.map((member) => ({ employeeId: member.id, predikat: member.skps[0]?.evaluations[0]?.predikat ?? null }));
}

/** The admin records a unit's own predikat for a year, from its performance agreement. */
export async function setUnitPredikat(scope: Scope, input: { unitId: string; year: number; predikat: UnitPredikat }) {
  const { db, viewer } = scope;
  const unit = await load(scope, "OrgUnit", input.unitId);
  const year = await loadPerformanceYear(scope, input.year);
  const key = { unitId: unit.id, yearId: year.id };
  const before = await db.unitPerformance.findUnique({ where: { unitId_yearId: key } });
  const after = await db.unitPerformance.upsert({
    where: { unitId_yearId: key },
    create: { instansiId: viewer.instansiId, ...key, predikat: input.predikat },
    update: { predikat: input.predikat },
  });
  await writeAudit(db, viewer, { entity: "UnitPerformance", entityId: after.id, action: "set", before, after });
  return unit;
}

export interface Distribution {
  unitPredikat: UnitPredikat;
  predikats: Predikat[];
  violations: KurvaViolation[];
}

/**
 * Checks the unit's annual predikat against the curve its own predikat
 * allows; `whatIf` assumes predikat for some members (or the unit) without
 * saving anything. The head of the unit and the admin check it.
 */
export async function checkDistribution(
  scope: ReadScope,
  input: { unitId: string; year: number; whatIf?: ReadonlyArray<{ employeeId: string; predikat: Predikat }> | null; whatIfUnitPredikat?: UnitPredikat | null },
): Promise<Distribution> {
  const { db } = scope;
  const unit = await load(scope, "OrgUnit", input.unitId);
  if (!checksDistributionOf(scope.viewer, unit)) throw new ForbiddenError("Only the head of the unit and the admin check its distribution.");
  const year = await loadPerformanceYear(scope, input.year);
  const stored = await db.unitPerformance.findUnique({ where: { unitId_yearId: { unitId: unit.id, yearId: year.id } } });
  const unitPredikat = input.whatIfUnitPredikat ?? stored?.predikat;
  if (!unitPredikat) throw invalidInput(["whatIfUnitPredikat"], "The unit has no predikat for this year yet: set it or assume one.");
  const members = await annualPredikats(db, unit, year.id);
  const whatIf = input.whatIf ?? [];
  const memberIds = new Set(members.map((m) => m.employeeId));
  const stranger = whatIf.findIndex((w) => !memberIds.has(w.employeeId));
  if (stranger >= 0) throw invalidInput(["whatIf", String(stranger), "employeeId"], "Not an employee of this unit.");
  // Assuming a predikat for someone moves one count away from their real one:
  // only for people whose evaluation the viewer already sees.
  const seen = new Set(
    (await db.skp.findMany({ where: { yearId: year.id, employeeId: { in: whatIf.map((w) => w.employeeId) }, AND: [visibleSkps(scope.viewer)] }, select: { employeeId: true } })).map((skp) => skp.employeeId),
  );
  const unseen = whatIf.findIndex((w) => !seen.has(w.employeeId));
  if (unseen >= 0) throw invalidInput(["whatIf", String(unseen), "employeeId"], "Assume a predikat only for an employee whose evaluation you see (your own team).");
  const assumed = new Map(whatIf.map((w) => [w.employeeId, w.predikat]));
  const given = members.flatMap((m) => assumed.get(m.employeeId) ?? m.predikat ?? []);
  return { unitPredikat, predikats: given, violations: checkKurva(unitPredikat, given) };
}
