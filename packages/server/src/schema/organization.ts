import { ownInstansi, visibleEmployees, visibleInstansi } from "../access/visibility.ts";
import { UnitPredikat } from "../generated/prisma/enums.ts";
import { builder } from "./builder.ts";

export const UnitPredikatEnum = builder.enumType(UnitPredikat, {
  name: "UnitPredikat",
  description: "A unit's own predikat for a year, from its performance agreement.",
});

export const InstansiRef = builder.prismaNode("Instansi", {
  id: { field: "id" },
  nullable: true,
  // Only the caller's own instansi can be looked up.
  findUnique: (id, ctx) => ({ id, AND: [visibleInstansi(ctx.viewer)] }),
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    kind: t.exposeString("kind"),
  }),
});

export const OrgUnitRef = builder.prismaNode("OrgUnit", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...ownInstansi(ctx.viewer) }),
  description: "An organisation unit (OPD, bidang, puskesmas…). Units form a tree.",
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    parent: t.relation("parent", { nullable: true }),
    children: t.relation("children", { query: { orderBy: { name: "asc" } } }),
    head: t.relation("head", { nullable: true, query: (_args, ctx) => ({ where: visibleEmployees(ctx.viewer) }) }),
    employees: t.relatedConnection("employees", {
      cursor: "id",
      totalCount: true,
      query: (_args, ctx) => ({ where: visibleEmployees(ctx.viewer), orderBy: { name: "asc" } }),
    }),
  }),
});

builder.queryField("units", (t) =>
  t.prismaConnection({
    type: "OrgUnit",
    cursor: "id",
    authScopes: { viewer: true },
    args: { rootsOnly: t.arg.boolean({ required: false, description: "Only units without a parent." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.orgUnit.findMany({
        ...query,
        where: { ...ownInstansi(ctx.viewer), ...(args.rootsOnly ? { parentId: null } : {}) },
        orderBy: { name: "asc" },
      }),
  }),
);
