import { periodLabel, periodsOfYear } from "../domain/periods.ts";
import { PeriodCadence, PeriodKind } from "../generated/prisma/enums.ts";
import type { Context } from "../context.ts";
import { builder } from "./builder.ts";
import { loadInInstansi } from "./lookup.ts";
import { yearSchema } from "./inputs.ts";
import { ConflictError, mutationErrors } from "./errors.ts";

export const PeriodCadenceEnum = builder.enumType(PeriodCadence, { name: "PeriodCadence" });
export const PeriodKindEnum = builder.enumType(PeriodKind, { name: "PeriodKind" });

/** A performance year of the caller's instansi by its number, or NotFoundError. */
export function loadPerformanceYear(ctx: Context, year: number) {
  return loadInInstansi(ctx, "PerformanceYear", String(year), ({ instansiId }) =>
    ctx.prisma.performanceYear.findUnique({ where: { instansiId_year: { instansiId, year } } }),
  );
}

export const PerformanceYearRef = builder.prismaNode("PerformanceYear", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, instansiId: ctx.viewer?.instansiId ?? "" }),
  description: "A performance year with its evaluation periods.",
  fields: (t) => ({
    year: t.exposeInt("year"),
    cadence: t.expose("cadence", { type: PeriodCadenceEnum }),
    periods: t.relation("periods", {
      description: "The months or quarters in order, then the whole year (kind YEAR).",
      query: { orderBy: [{ kind: "asc" }, { number: "asc" }] },
    }),
  }),
});

export const PeriodRef = builder.prismaNode("Period", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, instansiId: ctx.viewer?.instansiId ?? "" }),
  description: "One evaluation period: a month, a quarter, or the whole year for the annual evaluation.",
  fields: (t) => ({
    kind: t.expose("kind", { type: PeriodKindEnum }),
    number: t.exposeInt("number", { description: "1–12 for months, 1–4 for quarters, 0 for the year." }),
    startsOn: t.expose("startsOn", { type: "Date" }),
    endsOn: t.expose("endsOn", { type: "Date" }),
    label: t.string({
      description: "The Indonesian name used on SKP forms, e.g. \"Triwulan II 2026\".",
      select: { year: { select: { year: true } } },
      resolve: (period) => periodLabel(period.kind, period.number, period.year.year),
    }),
  }),
});

builder.queryField("performanceYears", (t) =>
  t.prismaField({
    type: [PerformanceYearRef],
    description: "The instansi's performance years, newest first.",
    authScopes: { viewer: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.performanceYear.findMany({ ...query, where: { instansiId: ctx.viewer!.instansiId }, orderBy: { year: "desc" } }),
  }),
);

builder.relayMutationField(
  "createPerformanceYear",
  {
    description: "Opens a performance year and creates its periods.",
    inputFields: (t) => ({
      year: t.int({ required: true, validate: yearSchema }),
      cadence: t.field({ type: PeriodCadenceEnum, required: true }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const instansiId = ctx.viewer!.instansiId;
      const existing = await ctx.prisma.performanceYear.findUnique({ where: { instansiId_year: { instansiId, year: input.year } } });
      if (existing) throw new ConflictError(`Performance year ${input.year} already exists.`);
      return ctx.prisma.performanceYear.create({
        data: {
          instansiId,
          year: input.year,
          cadence: input.cadence,
          periods: { create: periodsOfYear(input.year, input.cadence).map((period) => ({ instansiId, ...period })) },
        },
      });
    },
  },
  { outputFields: (t) => ({ performanceYear: t.field({ type: PerformanceYearRef, resolve: (year) => year }) }) },
);
