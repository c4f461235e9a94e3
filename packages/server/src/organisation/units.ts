import { chainReaches, load } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import { ConflictError, invalidInput } from "../refusals.ts";

// The admin's organisation tree: OPD, bidang, seksi, puskesmas…

export async function createUnit(scope: Scope, input: { name: string; slug: string; parentId?: string | null }) {
  const { db, viewer } = scope;
  if (input.parentId) await load(scope, "OrgUnit", input.parentId);
  const taken = await db.orgUnit.findUnique({ where: { instansiId_slug: { instansiId: viewer.instansiId, slug: input.slug } } });
  if (taken) throw new ConflictError(`A unit with slug "${input.slug}" already exists.`);
  return db.orgUnit.create({ data: { instansiId: viewer.instansiId, name: input.name, slug: input.slug, parentId: input.parentId ?? null } });
}

/** Renames a unit, moves it under another (never under itself), or names its head (one of its employees). */
export async function updateUnit(scope: Scope, input: { id: string; name?: string | null; parentId?: string | null; headId?: string | null }) {
  const { db } = scope;
  const unit = await load(scope, "OrgUnit", input.id);
  if (input.parentId) {
    await load(scope, "OrgUnit", input.parentId);
    const underItself = await chainReaches(input.parentId, unit.id, async (id) =>
      (await db.orgUnit.findUnique({ where: { id }, select: { parentId: true } }))?.parentId ?? null,
    );
    if (underItself) throw invalidInput(["input", "parentId"], "A unit cannot be moved under itself or its own sub-unit.");
  }
  if (input.headId) {
    const head = await load(scope, "Employee", input.headId);
    if (head.unitId !== unit.id) throw invalidInput(["input", "headId"], "The head of a unit must be one of its employees.");
    const headsOther = await db.orgUnit.findFirst({ where: { headId: head.id, NOT: { id: unit.id } } });
    if (headsOther) throw new ConflictError(`${head.name} already heads another unit.`);
  }
  return db.orgUnit.update({
    where: { id: unit.id },
    data: {
      ...(input.name ? { name: input.name } : {}),
      ...(input.parentId ? { parentId: input.parentId } : {}),
      ...(input.headId ? { headId: input.headId } : {}),
    },
  });
}
