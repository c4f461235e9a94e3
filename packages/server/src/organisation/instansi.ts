import { writeAudit } from "../application/audit.ts";
import type { Scope } from "../application/scope.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
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

/** Settings the admin changes on their own instansi (working calendar, evaluation and objection windows, TPP rules). */
export type InstansiSettings = Partial<Record<"workDaysPerWeek" | "workLogGraceDays" | "evaluationOpensDays" | "objectionWindowDays", number>> & {
  tppRules?: Prisma.InputJsonValue;
};

/** The admin changes settings of their instansi; the audit keeps what each was and became. */
export async function changeInstansiSettings(scope: Scope, action: string, settings: InstansiSettings) {
  const { db, viewer } = scope;
  const fields = Object.fromEntries(Object.keys(settings).map((key) => [key, true])) as Record<keyof InstansiSettings, true>;
  const { id: _id, ...before } = await db.instansi.findUniqueOrThrow({ where: { id: viewer.instansiId }, select: { id: true, ...fields } });
  const after = await db.instansi.update({ where: { id: viewer.instansiId }, data: settings });
  await writeAudit(db, viewer, { entity: "Instansi", entityId: after.id, action, before, after: settings });
  return after;
}
