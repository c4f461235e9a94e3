import { ownInstansi, visibleEmployees, visibleInstansi } from "../access/visibility.ts";
import { UnitPredikat } from "../generated/prisma/enums.ts";
import { createUnit, updateUnit } from "../organisation/units.ts";
import { EmployeeRef } from "./employee.ts";
import { builder } from "./builder.ts";
import { nameSchema, slugSchema } from "./inputs.ts";

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

builder.relayMutationField(
  "createUnit",
  {
    inputFields: (t) => ({
      name: t.string({ required: true, validate: nameSchema }),
      slug: t.string({ required: true, validate: slugSchema }),
      parentId: t.globalID({ required: false, for: [OrgUnitRef] }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => createUnit(scope, { ...input, parentId: input.parentId?.id ?? null })),
  },
  { outputFields: (t) => ({ unit: t.field({ type: OrgUnitRef, resolve: (unit) => unit }) }) },
);

builder.relayMutationField(
  "updateUnit",
  {
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: [OrgUnitRef] }),
      name: t.string({ required: false, validate: nameSchema }),
      parentId: t.globalID({ required: false, for: [OrgUnitRef], description: "New parent; omit to keep." }),
      headId: t.globalID({ required: false, for: [EmployeeRef], description: "New head of unit; omit to keep." }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => updateUnit(scope, { ...input, id: input.id.id, parentId: input.parentId?.id ?? null, headId: input.headId?.id ?? null })),
  },
  { outputFields: (t) => ({ unit: t.field({ type: OrgUnitRef, resolve: (unit) => unit }) }) },
);
