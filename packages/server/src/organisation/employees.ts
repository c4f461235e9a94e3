import { chainReaches, load } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import type { EmploymentType } from "../generated/prisma/enums.ts";
import { ConflictError, invalidInput } from "../refusals.ts";

// The admin's roster: ASN employees (PNS and PPPK) and who supervises whom.

export interface NewEmployee {
  nip: string;
  name: string;
  position: string;
  rank: string;
  employmentType?: EmploymentType | null;
  unitId: string;
  supervisorId?: string | null;
}

export async function createEmployee(scope: Scope, input: NewEmployee) {
  const { db, viewer } = scope;
  await load(scope, "OrgUnit", input.unitId);
  if (input.supervisorId) await load(scope, "Employee", input.supervisorId);
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
  unitId?: string | null;
  supervisorId?: string | null;
  active?: boolean | null;
}

/** Changes an employee; a supervisor chain never loops back to the employee. */
export async function updateEmployee(scope: Scope, input: EmployeeChange) {
  const { db } = scope;
  const employee = await load(scope, "Employee", input.id);
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
      ...(input.unitId ? { unitId: input.unitId } : {}),
      ...(input.supervisorId ? { supervisorId: input.supervisorId } : {}),
      ...(typeof input.active === "boolean" ? { active: input.active } : {}),
    },
  });
}
