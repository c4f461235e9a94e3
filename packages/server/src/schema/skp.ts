import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { adminsInstansi, visibleSkps } from "../access/visibility.ts";
import { readInOneStatement } from "../db/one-statement-read.ts";
import { achievementPercent } from "../domain/achievement.ts";
import { IndicatorAspect, IndicatorDirection, IndicatorPerspective, RhkKind, SkpStatus } from "../generated/prisma/enums.ts";
import { latestApprovedRealisation, realisedValue } from "../performance/indicator-value.ts";
import { addIndicator, addRhk, agreeSkp, createSkp, setSkpAttachment } from "../performance/skps.ts";
import { builder } from "./builder.ts";
import { EmployeeRef } from "./employee.ts";
import { measureSchema, yearSchema } from "./inputs.ts";
import { PeriodRef } from "./period.ts";
import { SurveyElementEnum, SurveyRef } from "./survey.ts";

export const SkpStatusEnum = builder.enumType(SkpStatus, { name: "SkpStatus" });
export const RhkKindEnum = builder.enumType(RhkKind, { name: "RhkKind", description: "Utama (main) or tambahan (additional)." });
export const IndicatorAspectEnum = builder.enumType(IndicatorAspect, { name: "IndicatorAspect" });
export const IndicatorPerspectiveEnum = builder.enumType(IndicatorPerspective, { name: "IndicatorPerspective", description: "The perspectives a JPT's SKP lists its indicators under." });
export const IndicatorDirectionEnum = builder.enumType(IndicatorDirection, { name: "IndicatorDirection" });

/** By period; the first quarter before the year that starts with it. */
const byPeriod = [{ period: { startsOn: "asc" as const } }, { period: { endsOn: "asc" as const } }];

export const SkpRef = builder.prismaNode("Skp", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [visibleSkps(ctx.viewer)] }),
  description: "Sasaran Kinerja Pegawai: an employee's performance plan for one year.",
  select: { id: true, status: true },
  fields: (t) => ({
    status: t.field({ type: SkpStatusEnum, description: "DRAFT while planned; AGREED once the assessor signs.", resolve: (skp) => skp.status }),
    employee: t.relation("employee"),
    assessor: t.relation("assessor", { nullable: true, description: "Pejabat penilai kinerja." }),
    year: t.relation("year"),
    rhks: t.relation("rhks", {
      description: "Rencana hasil kerja: main ones first.",
      query: { orderBy: [{ kind: "asc" }, { position: "asc" }, { createdAt: "asc" }] },
    }),
    evaluations: t.relation("evaluations", { query: { orderBy: byPeriod } }),
    resourceSupport: t.exposeStringList("resourceSupport", { description: "Attachment: dukungan sumber daya." }),
    accountability: t.exposeStringList("accountability", { description: "Attachment: skema pertanggungjawaban." }),
    consequences: t.exposeStringList("consequences", { description: "Attachment: konsekuensi." }),
    documentPath: t.string({
      description: "Where the SKP's PDF (with its attachment) is downloaded, with the same bearer token.",
      resolve: (skp) => `/documents/skp/${encodeURIComponent(encodeGlobalID("Skp", skp.id))}.pdf`,
    }),
  }),
});

export const RhkRef = builder.prismaNode("Rhk", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, skp: { AND: [visibleSkps(ctx.viewer)] } }),
  description: "Rencana Hasil Kerja: a planned result, cascading from a result of the assessor.",
  select: { id: true, kind: true, description: true },
  fields: (t) => ({
    kind: t.field({ type: RhkKindEnum, resolve: (rhk) => rhk.kind }),
    description: t.string({ resolve: (rhk) => rhk.description }),
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
  select: { id: true, description: true, targetValue: true },
  fields: (t) => ({
    aspect: t.expose("aspect", { type: IndicatorAspectEnum }),
    perspective: t.expose("perspective", { type: IndicatorPerspectiveEnum, nullable: true, description: "On a JPT's SKP: the perspective it answers to." }),
    description: t.string({ resolve: (indicator) => indicator.description }),
    target: t.float({ resolve: (indicator) => indicator.targetValue.toNumber() }),
    targetUnit: t.exposeString("targetUnit", { description: "e.g. \"%\", \"dokumen\", \"hari\"." }),
    direction: t.expose("direction", { type: IndicatorDirectionEnum }),
    weight: t.float({ select: { weight: true }, resolve: (indicator) => indicator.weight.toNumber() }),
    realisations: t.relation("realisations", { query: { orderBy: byPeriod } }),
    sourceSurvey: t.relation("sourceSurvey", {
      nullable: true,
      description: "The survey whose results are this indicator's realisation (admins see it).",
      query: (_args, ctx) => ({ where: adminsInstansi(ctx.viewer) }),
    }),
    sourceElement: t.expose("sourceElement", { type: SurveyElementEnum, nullable: true, description: "Null: the whole IKM." }),
    surveyRealisation: t.float({
      nullable: true,
      description: "For a survey-measured indicator: the IKM (or the element's NRR × 25) from the start of the year to the end of `periodId`.",
      args: { periodId: t.arg.globalID({ required: true, for: [PeriodRef] }) },
      select: { sourceSurveyId: true, sourceElement: true, instansiId: true },
      resolve: async (indicator, args, ctx) => {
        if (!indicator.sourceSurveyId) return null;
        const period = await ctx.prisma.period.findFirst({ where: { id: args.periodId.id, instansiId: indicator.instansiId }, include: { year: true } });
        if (!period) return null;
        return realisedValue(ctx.prisma, { ...indicator, realisations: [] }, { year: period.year.year, upTo: period.endsOn });
      },
    }),
    latestAchievementPercent: t.float({
      nullable: true,
      description: "Achievement so far against the target, in percent: the latest approved realisation, or the citizens' result for a survey-measured indicator.",
      select: {
        sourceSurveyId: true,
        sourceElement: true,
        targetValue: true,
        direction: true,
        realisations: latestApprovedRealisation(),
        rhk: { select: { skp: { select: { year: { select: { year: true } } } } } },
      },
      resolve: async (indicator, _args, ctx) => {
        const realised = await realisedValue(ctx.prisma, indicator, { year: indicator.rhk.skp.year.year });
        return realised === null ? null : achievementPercent(indicator.targetValue.toNumber(), realised, indicator.direction);
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
    resolve: (query, _root, args, ctx) => {
      const read = {
        ...query,
        where: { AND: [visibleSkps(ctx.viewer), args.year ? { year: { year: args.year } } : {}, args.status ? { status: args.status } : {}] },
        orderBy: [{ employee: { name: "asc" as const } }, { id: "asc" as const }],
      };
      return readInOneStatement(ctx.sql, "Skp", read, () => ctx.prisma.skp.findMany(read));
    },
  }),
);

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
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => createSkp(scope, { ...input, employeeId: input.employeeId.id, assessorId: input.assessorId?.id ?? null })),
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
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => addRhk(scope, { ...input, skpId: input.skpId.id, supportsRhkId: input.supportsRhkId?.id ?? null })),
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
      perspective: t.field({ type: IndicatorPerspectiveEnum, required: false, description: "Required on a JPT's SKP before it is agreed." }),
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
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => addIndicator(scope, { ...input, rhkId: input.rhkId.id, sourceSurveyId: input.sourceSurveyId?.id ?? null })),
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
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => agreeSkp(scope, { skpId: input.skpId.id })),
  },
  { outputFields: (t) => ({ skp: t.field({ type: SkpRef, resolve: (skp) => skp }) }) },
);

const attachmentList = z.array(z.string().trim().min(2).max(1000)).max(20);

builder.relayMutationField(
  "setSkpAttachment",
  {
    description: "Writes the SKP's attachment (lampiran) while it is a draft: dukungan sumber daya, skema pertanggungjawaban, konsekuensi.",
    inputFields: (t) => ({
      skpId: t.globalID({ required: true, for: [SkpRef] }),
      resourceSupport: t.stringList({ required: true, validate: attachmentList }),
      accountability: t.stringList({ required: true, validate: attachmentList }),
      consequences: t.stringList({ required: true, validate: attachmentList }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => setSkpAttachment(scope, { ...input, skpId: input.skpId.id })),
  },
  { outputFields: (t) => ({ skp: t.field({ type: SkpRef, resolve: (skp) => skp }) }) },
);
