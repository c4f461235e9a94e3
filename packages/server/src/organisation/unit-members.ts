import type { Prisma } from "../generated/prisma/client.ts";
import { unitTree } from "./unit-tree.ts";

/**
 * A unit's members for a performance year: the employees placed in the unit
 * or any of its sub-units (a dinas answers for its bidang and puskesmas) who
 * are active or were given an SKP that year (someone who left in November
 * was still evaluated). The kurva check and the public predikat counts both
 * count these people, and nobody else.
 */
export async function unitMembersForYear(
  db: Prisma.TransactionClient,
  unit: { id: string; instansiId: string },
  yearId: string,
): Promise<Prisma.EmployeeWhereInput> {
  const units = (await unitTree(db, unit.instansiId)).subtreeOf(unit.id);
  return { instansiId: unit.instansiId, unitId: { in: units }, OR: [{ active: true }, { skps: { some: { yearId } } }] };
}
