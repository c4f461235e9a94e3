import { visibleEmployees } from "../auth/visibility.ts";
import { UnitPredikat } from "../generated/prisma/enums.ts";
import { builder } from "./builder.ts";
import { nameSchema, slugSchema } from "./inputs.ts";
import { EmployeeRef } from "./employee.ts";
import { ConflictError, invalidInput, mutationErrors } from "./errors.ts";
import { chainReaches, loadInInstansi } from "./lookup.ts";

export const UnitPredikatEnum = builder.enumType(UnitPredikat, {
  name: "UnitPredikat",
  description: "A unit's own predikat for a year, from its performance agreement.",
});

export const InstansiRef = builder.prismaNode("Instansi", {
  id: { field: "id" },
  nullable: true,
  // Only the caller's own instansi can be looked up.
  findUnique: (id, ctx) => ({ id: ctx.viewer?.instansiId === id ? id : "" }),
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    kind: t.exposeString("kind"),
  }),
});

export const OrgUnitRef = builder.prismaNode("OrgUnit", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, instansiId: ctx.viewer?.instansiId ?? "" }),
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
        where: { instansiId: ctx.viewer!.instansiId, ...(args.rootsOnly ? { parentId: null } : {}) },
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
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const instansiId = ctx.viewer!.instansiId;
      if (input.parentId) {
        await loadInInstansi(ctx, "OrgUnit", input.parentId.id, (where) => ctx.prisma.orgUnit.findFirst({ where }));
      }
      const taken = await ctx.prisma.orgUnit.findUnique({ where: { instansiId_slug: { instansiId, slug: input.slug } } });
      if (taken) throw new ConflictError(`A unit with slug "${input.slug}" already exists.`);
      return ctx.prisma.orgUnit.create({
        data: { instansiId, name: input.name, slug: input.slug, parentId: input.parentId?.id ?? null },
      });
    },
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
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const unit = await loadInInstansi(ctx, "OrgUnit", input.id.id, (where) => ctx.prisma.orgUnit.findFirst({ where }));
      if (input.parentId) {
        const parentId = input.parentId.id;
        await loadInInstansi(ctx, "OrgUnit", parentId, (where) => ctx.prisma.orgUnit.findFirst({ where }));
        const underItself = await chainReaches(parentId, unit.id, async (id) =>
          (await ctx.prisma.orgUnit.findUnique({ where: { id }, select: { parentId: true } }))?.parentId ?? null,
        );
        if (underItself) {
          throw invalidInput(["input", "parentId"], "A unit cannot be moved under itself or its own sub-unit.");
        }
      }
      if (input.headId) {
        const head = await loadInInstansi(ctx, "Employee", input.headId.id, (where) => ctx.prisma.employee.findFirst({ where }));
        if (head.unitId !== unit.id) throw invalidInput(["input", "headId"], "The head of a unit must be one of its employees.");
        const headsOther = await ctx.prisma.orgUnit.findFirst({ where: { headId: head.id, NOT: { id: unit.id } } });
        if (headsOther) throw new ConflictError(`${head.name} already heads another unit.`);
      }
      return ctx.prisma.orgUnit.update({
        where: { id: unit.id },
        data: {
          ...(input.name ? { name: input.name } : {}),
          ...(input.parentId ? { parentId: input.parentId.id } : {}),
          ...(input.headId ? { headId: input.headId.id } : {}),
        },
      });
    },
  },
  { outputFields: (t) => ({ unit: t.field({ type: OrgUnitRef, resolve: (unit) => unit }) }) },
);
