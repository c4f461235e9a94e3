import type { Prisma } from "../generated/prisma/client.ts";

/** The instansi's units as a tree, read in one statement (an instansi has tens to hundreds of units). */
export async function unitTree(db: Prisma.TransactionClient, instansiId: string) {
  const units = await db.orgUnit.findMany({ where: { instansiId }, select: { id: true, parentId: true } });
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
      const chain = [unitId];
      for (let unit = units.find((u) => u.id === unitId); unit?.parentId && !chain.includes(unit.parentId); unit = units.find((u) => u.id === unit!.parentId)) {
        chain.push(unit.parentId);
      }
      return chain;
    },
  };
}
