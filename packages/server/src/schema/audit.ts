import type { Viewer } from "../auth/viewer.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "./builder.ts";

export type AuditedEntity = "Realisation" | "Evaluation" | "EvaluationInput" | "BehaviourRating" | "UnitPerformance";

/** Records one change to a rating or realisation, inside the transaction that makes it. */
export async function writeAudit(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  change: { entity: AuditedEntity; entityId: string; action: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      instansiId: viewer.instansiId,
      actorId: viewer.accountId,
      entity: change.entity,
      entityId: change.entityId,
      action: change.action,
      before: toJson(change.before),
      after: toJson(change.after),
    },
  });
}

// Dates and decimals become strings, as they would in any JSON export.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : JSON.parse(JSON.stringify(value));
}

builder.prismaNode("AuditLog", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, instansiId: ctx.viewer?.role === "ADMIN" ? ctx.viewer.instansiId : "" }),
  description: "One change to a rating or a realisation: who, what, when.",
  fields: (t) => ({
    entity: t.exposeString("entity"),
    entityId: t.id({ description: "Global ID of the changed record.", resolve: (log) => encodeGlobalID(log.entity, log.entityId) }),
    action: t.exposeString("action"),
    before: t.string({ nullable: true, resolve: (log) => (log.before === null ? null : JSON.stringify(log.before)) }),
    after: t.string({ nullable: true, resolve: (log) => (log.after === null ? null : JSON.stringify(log.after)) }),
    at: t.expose("at", { type: "DateTime" }),
    actorName: t.string({ select: { actor: { select: { name: true } } }, resolve: (log) => log.actor.name }),
  }),
});

builder.queryField("auditLog", (t) =>
  t.prismaConnection({
    type: "AuditLog",
    cursor: "id",
    description: "The instansi's audit trail, newest first (admins only).",
    authScopes: { admin: true },
    args: { entityId: t.arg.globalID({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.auditLog.findMany({
        ...query,
        where: { instansiId: ctx.viewer!.instansiId, ...(args.entityId ? { entityId: args.entityId.id } : {}) },
        orderBy: [{ at: "desc" }, { id: "desc" }],
      }),
  }),
);
