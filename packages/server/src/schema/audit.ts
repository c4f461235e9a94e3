import { encodeGlobalID } from "@pothos/plugin-relay";
import { adminsInstansi } from "../access/visibility.ts";
import { builder } from "./builder.ts";

builder.prismaNode("AuditLog", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...adminsInstansi(ctx.viewer) }),
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
        where: { ...adminsInstansi(ctx.viewer), ...(args.entityId ? { entityId: args.entityId.id } : {}) },
        orderBy: [{ at: "desc" }, { id: "desc" }],
      }),
  }),
);
