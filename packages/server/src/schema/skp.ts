import { z } from "zod";
import { canPlanSkp, isAdmin, isAssessorOf } from "../auth/permissions.ts";
import { visibleSkps } from "../auth/visibility.ts";
import { achievementPercent } from "../domain/achievement.ts";
import type { Context } from "../context.ts";
import { IndicatorAspect, IndicatorDirection, RhkKind, SkpStatus } from "../generated/prisma/enums.ts";
import { builder } from "./builder.ts";
import { EmployeeRef } from "./employee.ts";
import { ConflictError, ForbiddenError, invalidInput, mutationErrors } from "./errors.ts";
import { loadInInstansi } from "./lookup.ts";
import { measureSchema, yearSchema } from "./inputs.ts";
import { loadPerformanceYear, PeriodRef } from "./period.ts";
import { SurveyElementEnum, SurveyRef } from "./survey.ts";
import { surveyRealisation } from "../surveys/indicator-source.ts";

export const SkpStatusEnum = builder.enumType(SkpStatus, { name: "SkpStatus" });
export const RhkKindEnum = builder.enumType(RhkKind, { name: "RhkKind", description: "Utama (main) or tambahan (additional)." });
export const IndicatorAspectEnum = builder.enumType(IndicatorAspect, { name: "IndicatorAspect" });
export const IndicatorDirectionEnum = builder.enumType(IndicatorDirection, { name: "IndicatorDirection" });

export const SkpRef = builder.prismaNode("Skp", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [visibleSkps(ctx.viewer)] }),
  description: "Sasaran Kinerja Pegawai: an employee's performance plan for one year.",
  fields: (t) => ({
    status: t.expose("status", { type: SkpStatusEnum, description: "DRAFT while planned; AGREED once the assessor signs." }),
    employee: t.relation("employee"),
    assessor: t.relation("assessor", { nullable: true, description: "Pejabat penilai kinerja." }),
    year: t.relation("year"),
    rhks: t.relation("rhks", {
      description: "Rencana hasil kerja: main ones first.",
      query: { orderBy: [{ kind: "asc" }, { position: "asc" }, { createdAt: "asc" }] },
    }),
    evaluations: t.relation("evaluations", { query: { orderBy: { period: { startsOn: "asc" } } } }),
  }),
});

export const RhkRef = builder.prismaNode("Rhk", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, skp: { AND: [visibleSkps(ctx.viewer)] } }),
  description: "Rencana Hasil Kerja: a planned result, cascading from a result of the assessor.",
  fields: (t) => ({
    kind: t.expose("kind", { type: RhkKindEnum }),
    description: t.exposeString("description"),
    supports: t.relation("parentRhk", {
      nullable: true,
      description: "The assessor's result this one supports (cascading), when you may see it.",
      query: (_args, ctx) => ({ where: { skp: visibleSkps(ctx.viewer) } }),
    }),
    indicators: t.relation("indicators", { query: { orderBy: { createdAt: "asc" } } }),
  }),
});

export const IndicatorRef = builder.prismaNode("Indicator", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, rhk: { skp: { AND: [visibleSkps(ctx.viewer)] } } }),
  description: "Indikator Kinerja Individu with its target.",
  fields: (t) => ({
    aspect: t.expose("aspect", { type: IndicatorAspectEnum }),
    description: t.exposeString("description"),
    target: t.float({ resolve: (indicator) => indicator.targetValue.toNumber() }),
    targetUnit: t.exposeString("targetUnit", { description: "e.g. \"%\", \"dokumen\", \"hari\"." }),
    direction: t.expose("direction", { type: IndicatorDirectionEnum }),
    weight: t.float({ resolve: (indicator) => indicator.weight.toNumber() }),
    realisations: t.relation("realisations", { query: { orderBy: { period: { startsOn: "asc" } } } }),
    sourceSurvey: t.relation("sourceSurvey", {
      nullable: true,
      description: "The survey whose results are this indicator's realisation (admins see it).",
      query: (_args, ctx) => ({ where: { instansiId: ctx.viewer?.role === "ADMIN" ? ctx.viewer.instansiId : "" } }),
    }),
    sourceElement: t.expose("sourceElement", { type: SurveyElementEnum, nullable: true, description: "Null: the whole IKM." }),
    surveyRealisation: t.float({
      nullable: true,
      description: "For a survey-measured indicator: the IKM (or the element's NRR × 25) from the start of the year to the end of `periodId`.",
      args: { periodId: t.arg.globalID({ required: true, for: [PeriodRef] }) },
      resolve: async (indicator, args, ctx) => {
        const period = await ctx.prisma.period.findFirst({ where: { id: args.periodId.id, instansiId: indicator.instansiId }, include: { year: true } });
        if (!period) return null;
        return surveyRealisation(ctx.prisma, indicator, new Date(Date.UTC(period.year.year, 0, 1)), period.endsOn);
      },
    }),
    latestAchievementPercent: t.float({
      nullable: true,
      description: "Achievement of the latest approved realisation against the target, in percent.",
      select: {
        realisations: { where: { status: "APPROVED" }, orderBy: { period: { endsOn: "desc" } }, take: 1, select: { value: true } },
      },
      resolve: (indicator) => {
        const latest = indicator.realisations[0];
        return latest ? achievementPercent(indicator.targetValue.toNumber(), latest.value.toNumber(), indicator.direction) : null;
      },
    }),
  }),
});

builder.queryField("skps", (t) =>
  t.prismaConnection({
    type: SkpRef,
    cursor: "id",
    description: "SKPs you may see: your own, your team's as assessor, all of them as admin.",
    authScopes: { viewer: true },
    args: {
      year: t.arg.int({ required: false }),
      status: t.arg({ type: SkpStatusEnum, required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.skp.findMany({
        ...query,
        where: {
          AND: [visibleSkps(ctx.viewer), args.year ? { year: { year: args.year } } : {}, args.status ? { status: args.status } : {}],
        },
        orderBy: [{ employee: { name: "asc" } }, { id: "asc" }],
      }),
  }),
);

const skpParties = { employee: { select: { supervisorId: true, unitId: true } } } as const;

/** Loads an SKP of the caller's instansi with what decides who may act on it. */
export function loadSkp(ctx: Context, id: string) {
  return loadInInstansi(ctx, "Skp", id, (where) => ctx.prisma.skp.findFirst({ where, include: { ...skpParties, year: true } }));
}

/** Loads an SKP for changes to its plan: only while DRAFT, only by those who plan it. */
async function loadSkpForPlanning(ctx: Context, id: string) {
  const skp = await loadSkp(ctx, id);
  if (!canPlanSkp(ctx.viewer!, skp)) throw new ForbiddenError("Only the employee, their assessor or the admin plan this SKP.");
  if (skp.status !== "DRAFT") throw new ConflictError("The SKP is agreed; its plan can no longer change.");
  return skp;
}

builder.relayMutationField(
  "createSkp",
  {
    description: "Starts an employee's SKP for a year. The assessor defaults to the direct supervisor.",
    inputFields: (t) => ({
      employeeId: t.globalID({ required: true, for: [EmployeeRef] }),
      year: t.int({ required: true, validate: yearSchema }),
      assessorId: t.globalID({ required: false, for: [EmployeeRef] }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const employee = await loadInInstansi(ctx, "Employee", input.employeeId.id, (where) => ctx.prisma.employee.findFirst({ where }));
      const parties = { employeeId: employee.id, assessorId: null, employee };
      if (!canPlanSkp(viewer, parties)) throw new ForbiddenError("Only the employee, their supervisor or the admin start an SKP.");
      const assessorId = input.assessorId?.id ?? employee.supervisorId;
      if (input.assessorId) {
        if (!isAdmin(viewer)) throw new ForbiddenError("Only the admin chooses an assessor other than the direct supervisor.");
        await loadInInstansi(ctx, "Employee", input.assessorId.id, (where) => ctx.prisma.employee.findFirst({ where }));
      }
      if (assessorId === employee.id) throw invalidInput(["input", "assessorId"], "An employee cannot assess their own SKP.");
      const year = await loadPerformanceYear(ctx, input.year);
      const existing = await ctx.prisma.skp.findUnique({ where: { employeeId_yearId: { employeeId: employee.id, yearId: year.id } } });
      if (existing) throw new ConflictError(`${employee.name} already has an SKP for ${input.year}.`);
      return ctx.prisma.skp.create({ data: { instansiId: viewer.instansiId, employeeId: employee.id, yearId: year.id, assessorId } });
    },
  },
  { outputFields: (t) => ({ skp: t.field({ type: SkpRef, resolve: (skp) => skp }) }) },
);

builder.relayMutationField(
  "addRhk",
  {
    description: "Adds a planned result to a draft SKP.",
    inputFields: (t) => ({
      skpId: t.globalID({ required: true, for: [SkpRef] }),
      kind: t.field({ type: RhkKindEnum, required: true }),
      description: t.string({ required: true, validate: z.string().trim().min(3).max(1000) }),
      supportsRhkId: t.globalID({ required: false, for: [RhkRef], description: "The assessor's RHK this one supports." }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const skp = await loadSkpForPlanning(ctx, input.skpId.id);
      if (input.supportsRhkId) {
        const parent = await loadInInstansi(ctx, "Rhk", input.supportsRhkId.id, (where) =>
          ctx.prisma.rhk.findFirst({ where, include: { skp: { select: { employeeId: true, yearId: true } } } }),
        );
        if (parent.skp.employeeId !== skp.assessorId || parent.skp.yearId !== skp.yearId) {
          throw invalidInput(["input", "supportsRhkId"], "A result cascades from a result in the assessor's SKP of the same year.");
        }
      }
      const position = await ctx.prisma.rhk.count({ where: { skpId: skp.id, kind: input.kind } });
      return ctx.prisma.rhk.create({
        data: {
          instansiId: skp.instansiId,
          skpId: skp.id,
          kind: input.kind,
          description: input.description,
          parentRhkId: input.supportsRhkId?.id ?? null,
          position,
        },
      });
    },
  },
  { outputFields: (t) => ({ rhk: t.field({ type: RhkRef, resolve: (rhk) => rhk }) }) },
);

builder.relayMutationField(
  "addIndicator",
  {
    description: "Adds an indicator with its target to a planned result of a draft SKP.",
    inputFields: (t) => ({
      rhkId: t.globalID({ required: true, for: [RhkRef] }),
      aspect: t.field({ type: IndicatorAspectEnum, required: true }),
      description: t.string({ required: true, validate: z.string().trim().min(3).max(1000) }),
      target: t.float({ required: true, validate: measureSchema.positive() }),
      targetUnit: t.string({ required: true, validate: z.string().trim().min(1).max(50) }),
      direction: t.field({ type: IndicatorDirectionEnum, required: false, defaultValue: "HIGHER_IS_BETTER" }),
      weight: t.float({ required: false, defaultValue: 1, validate: z.number().positive().max(100) }),
      sourceSurveyId: t.globalID({
        required: false,
        for: [SurveyRef],
        description: "Measure this indicator by a citizen survey: its realisation is computed from the responses, not typed in.",
      }),
      sourceElement: t.field({ type: SurveyElementEnum, required: false, description: "With sourceSurveyId: one element (e.g. U3 speed); omit for the whole IKM." }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const rhk = await loadInInstansi(ctx, "Rhk", input.rhkId.id, (where) => ctx.prisma.rhk.findFirst({ where }));
      await loadSkpForPlanning(ctx, rhk.skpId);
      if (input.sourceSurveyId) {
        await loadInInstansi(ctx, "Survey", input.sourceSurveyId.id, (where) => ctx.prisma.survey.findFirst({ where }));
      } else if (input.sourceElement) {
        throw invalidInput(["input", "sourceElement"], "Choose the survey the element comes from (sourceSurveyId).");
      }
      return ctx.prisma.indicator.create({
        data: {
          instansiId: rhk.instansiId,
          rhkId: rhk.id,
          aspect: input.aspect,
          description: input.description,
          targetValue: input.target,
          targetUnit: input.targetUnit,
          direction: input.direction ?? "HIGHER_IS_BETTER",
          weight: input.weight ?? 1,
          sourceSurveyId: input.sourceSurveyId?.id ?? null,
          sourceElement: input.sourceSurveyId ? (input.sourceElement ?? null) : null,
        },
      });
    },
  },
  { outputFields: (t) => ({ indicator: t.field({ type: IndicatorRef, resolve: (indicator) => indicator }) }) },
);

builder.relayMutationField(
  "agreeSkp",
  {
    description: "The assessor signs the SKP. Its plan is then fixed and realisations can be reported.",
    inputFields: (t) => ({ skpId: t.globalID({ required: true, for: [SkpRef] }) }),
  },
  {
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const skp = await loadSkp(ctx, input.skpId.id);
      if (!isAssessorOf(ctx.viewer!, skp)) throw new ForbiddenError("Only the SKP's assessor signs it.");
      if (skp.status !== "DRAFT") throw new ConflictError("The SKP is already agreed.");
      const mainIndicators = await ctx.prisma.indicator.count({ where: { rhk: { skpId: skp.id, kind: "UTAMA" } } });
      if (mainIndicators === 0) throw new ConflictError("An SKP needs at least one main result with an indicator.");
      return ctx.prisma.skp.update({ where: { id: skp.id }, data: { status: "AGREED" } });
    },
  },
  { outputFields: (t) => ({ skp: t.field({ type: SkpRef, resolve: (skp) => skp }) }) },
);
