import type { PrismaClient } from "../generated/prisma/client.ts";
import type { InstansiKind } from "../generated/prisma/enums.ts";
import { grantAccess } from "../access/grants.ts";

export interface NewInstansi {
  slug: string;
  name: string;
  kind: InstansiKind;
  websiteOrigins?: string[];
  /** k: how many people every public figure stands on, and moves by (at least 5). */
  anonymityFloor?: number;
  adminName: string;
  /** Only demo data passes a fixed token. */
  adminToken?: string;
}

/** Creates a tenant and its first admin (pengelola kinerja); returns the admin's token. */
export async function createInstansi(prisma: PrismaClient, input: NewInstansi) {
  return prisma.$transaction(async (tx) => {
    const instansi = await tx.instansi.create({
      data: { slug: input.slug, name: input.name, kind: input.kind, websiteOrigins: input.websiteOrigins ?? [], anonymityFloor: input.anonymityFloor ?? 5 },
    });
    const { token } = await grantAccess(tx, {
      instansiId: instansi.id,
      role: "ADMIN",
      name: input.adminName,
      label: "first admin",
      ...(input.adminToken ? { token: input.adminToken } : {}),
    });
    return { instansi, adminToken: token };
  });
}
