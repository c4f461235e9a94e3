import { chainReaches, load } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import type { EmploymentType, PositionKind } from "../generated/prisma/enums.ts";
import { ConflictError, invalidInput } from "../refusals.ts";

// The admin's roster: ASN employees (PNS and PPPK) and who supervises whom.

export interface NewEmployee {
  nip: string;
  name: string;
  position: string;
  rank: string;
  employmentType?: EmploymentType | null;
  positionKind?: PositionKind | null;
  /** A functional position's annual credit-point coefficient. */
  creditCoefficient?: number | null;
  unitId: string;
  supervisorId?: string | null;
}

/** A credit-point coefficient belongs to a functional position only. */
function checkCoefficient(kind: PositionKind, coefficient: number | null | undefined) {
  if (coefficient != null && kind !== "FUNGSIONAL") throw invalidInput(["input", "creditCoefficient"], "Only a functional position (FUNGSIONAL) has a credit-point coefficient.");
}

export async function createEmployee(scope: Scope, input: NewEmployee) {
  const { db, viewer } = scope;
  await load(scope, "OrgUnit", input.unitId);
  if (input.supervisorId) await load(scope, "Employee", input.supervisorId);
  checkCoefficient(input.positionKind ?? "PELAKSANA", input.creditCoefficient);
  const taken = await db.employee.findUnique({ where: { instansiId_nip: { instansiId: viewer.instansiId, nip: input.nip } } });
  if (taken) throw new ConflictError(`An employee with NIP ${input.nip} already exists.`);
  return db.employee.create({
    data: {
      instansiId: viewer.instansiId,
      nip: input.nip,
      name: input.name,
      position: input.position,
      rank: input.rank,
      employmentType: input.employmentType ?? "PNS",
      positionKind: input.positionKind ?? "PELAKSANA",
      creditCoefficient: input.creditCoefficient ?? null,
      unitId: input.unitId,
      supervisorId: input.supervisorId ?? null,
    },
  });
}

export interface EmployeeChange {
  id: string;
  name?: string | null;
  position?: string | null;
  rank?: string | null;
  positionKind?: PositionKind | null;
  creditCoefficient?: number | null;
  unitId?: string | null;
  supervisorId?: string | null;
  active?: boolean | null;
}

/** Changes an employee; a supervisor chain never loops back to the employee. */
export async function updateEmployee(scope: Scope, input: EmployeeChange) {
  const { db } = scope;
  const employee = await load(scope, "Employee", input.id);
  const positionKind = input.positionKind ?? employee.positionKind;
  checkCoefficient(positionKind, input.creditCoefficient ?? (input.positionKind ? null : employee.creditCoefficient?.toNumber()));
  if (input.unitId) await load(scope, "OrgUnit", input.unitId);
  if (input.supervisorId) {
    await load(scope, "Employee", input.supervisorId);
    const reportsToEmployee = await chainReaches(input.supervisorId, employee.id, async (id) =>
      (await db.employee.findUnique({ where: { id }, select: { supervisorId: true } }))?.supervisorId ?? null,
    );
    if (reportsToEmployee) throw invalidInput(["input", "supervisorId"], "An employee cannot be supervised by themselves or their own subordinate.");
  }
  return db.employee.update({
    where: { id: employee.id },
    data: {
      ...(input.name ? { name: input.name } : {}),
      ...(input.position ? { position: input.position } : {}),
      ...(input.rank ? { rank: input.rank } : {}),
      ...(input.positionKind ? { positionKind: input.positionKind } : {}),
      // Leaving a functional position drops its coefficient.
      ...(input.creditCoefficient != null ? { creditCoefficient: input.creditCoefficient } : positionKind !== "FUNGSIONAL" ? { creditCoefficient: null } : {}),
      ...(input.unitId ? { unitId: input.unitId } : {}),
      ...(input.supervisorId ? { supervisorId: input.supervisorId } : {}),
      ...(typeof input.active === "boolean" ? { active: input.active } : {}),
    },
  });
}
