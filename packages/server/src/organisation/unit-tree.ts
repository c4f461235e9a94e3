import type { Prisma } from "../generated/prisma/client.ts";

/** The instansi's units as a tree, read in one statement (an instansi has tens to hundreds of units). */
export async function unitTree(db: Prisma.TransactionClient, instansiId: string) {
  const units = await db.orgUnit.findMany({ where: { instansiId }, select: { id: true, parentId: true } });
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  return {
    /** The unit and every unit under it. */
    subtreeOf(unitId: string): string[] {
      const found = [unitId];
      for (let i = 0; i < found.length; i++) {
        for (const unit of units) if (unit.parentId === found[i] && !found.includes(unit.id)) found.push(unit.id);
      }
      return found;
    },
    /** The unit and every unit above it, up to the top. */
    chainOf(unitId: string): string[] {
      const chain: string[] = [];
      for (let id: string | null | undefined = unitId; id && !chain.includes(id); id = parentOf.get(id)) chain.push(id);
      return chain;
    },
  };
}
