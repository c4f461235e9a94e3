import { ownInstansi } from "../access/visibility.ts";
import { periodLabel } from "../domain/periods.ts";
import { PeriodCadence, PeriodKind } from "../generated/prisma/enums.ts";
import { createPerformanceYear } from "../organisation/performance-years.ts";
import { closePerformanceYear } from "../performance/year-closing.ts";
import { builder } from "./builder.ts";
import { yearSchema } from "./inputs.ts";

export const PeriodCadenceEnum = builder.enumType(PeriodCadence, { name: "PeriodCadence" });
export const PeriodKindEnum = builder.enumType(PeriodKind, { name: "PeriodKind" });

export const PerformanceYearRef = builder.prismaNode("PerformanceYear", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...ownInstansi(ctx.viewer) }),
  description: "A performance year with its evaluation periods.",
  fields: (t) => ({
    year: t.exposeInt("year"),
    cadence: t.expose("cadence", { type: PeriodCadenceEnum }),
    closedAt: t.expose("closedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the admin closed the year: its annual predikat are final and their counts published.",
    }),
    periods: t.relation("periods", {
      description: "The months or quarters in order, then the whole year (kind YEAR).",
      query: { orderBy: [{ kind: "asc" }, { number: "asc" }] },
    }),
  }),
});

export const PeriodRef = builder.prismaNode("Period", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...ownInstansi(ctx.viewer) }),
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
      ctx.prisma.performanceYear.findMany({ ...query, where: ownInstansi(ctx.viewer), orderBy: { year: "desc" } }),
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
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => createPerformanceYear(scope, input)),
  },
  { outputFields: (t) => ({ performanceYear: t.field({ type: PerformanceYearRef, resolve: (year) => year }) }) },
);

builder.relayMutationField(
  "closePerformanceYear",
  {
    description:
      "Closes a performance year once its annual evaluations are done: they become final, and each unit's predikat counts " +
      "are published once, for the units whose counts single out nobody.",
    inputFields: (t) => ({ year: t.int({ required: true, validate: yearSchema }) }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => closePerformanceYear(scope, input)),
  },
  { outputFields: (t) => ({ performanceYear: t.field({ type: PerformanceYearRef, resolve: (year) => year }) }) },
);
