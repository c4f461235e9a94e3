import { z } from "zod";
import type { Context } from "../context.ts";
import { achievementPercent } from "../domain/achievement.ts";
import { periodLabel } from "../domain/periods.ts";
import { predikatLabel, predikats } from "../domain/predikat.ts";
import { resultOfPeriods, surveyResult, type SurveyResult } from "../surveys/results.ts";
import { builder } from "./builder.ts";
import { mutationErrors } from "./errors.ts";
import { PredikatEnum } from "./evaluation.ts";
import { loadInInstansi } from "./lookup.ts";
import { OrgUnitRef } from "./organization.ts";
import { IndicatorAspectEnum, IndicatorDirectionEnum } from "./skp.ts";
import { SurveyResultRef } from "./survey.ts";

// Public scorecards: what a unit publishes on the regional website. Nothing
// is public until the admin publishes it; a unit figure needs at least
// `publicFloor` responses (or rated employees) behind it; no figure about a
// single person is ever public.

/** The k-anonymity floor of DOMAIN.md §3. */
export const publicFloor = 5;

async function publishedScorecard(ctx: Context, unitId: string) {
  const scorecard = await ctx.prisma.scorecard.findUnique({ where: { unitId } });
  return scorecard?.published ? scorecard : null;
}

/** A result the public may see: with enough responses behind it. */
const aboveFloor = (result: SurveyResult | null) => (result && result.responseCount >= publicFloor ? result : null);

/** A survey result as the public may see it: published, and with enough responses. */
export async function publicSurveyResult(ctx: Context, surveyId: string, unitId: string): Promise<SurveyResult | null> {
  const scorecard = await publishedScorecard(ctx, unitId);
  if (!scorecard?.showSurveys) return null;
  return aboveFloor(await surveyResult(ctx.prisma, surveyId));
}

interface PublicUnit {
  unitId: string;
  unitName: string;
  instansiName: string;
  showSurveys: boolean;
  showIndicators: boolean;
  showPredikat: boolean;
  year: number | null;
  /** The latest year with final annual evaluations (a year's predikat exist only once it is over). */
  predikatYear: number | null;
}

interface PeriodFigure {
  label: string;
  startsOn: Date;
  endsOn: Date;
  result: SurveyResult | null;
  previousIkm: number | null;
}

const PeriodFigureRef = builder.objectRef<PeriodFigure>("ScorecardSurveyPeriod").implement({
  fields: (t) => ({
    label: t.exposeString("label"),
    startsOn: t.expose("startsOn", { type: "Date" }),
    endsOn: t.expose("endsOn", { type: "Date" }),
    result: t.field({ type: SurveyResultRef, nullable: true, description: "Null below 5 responses.", resolve: (p) => p.result }),
    ikmChange: t.float({
      nullable: true,
      description: "IKM change from the previous shown period (the trend).",
      resolve: (p) => (p.result && p.previousIkm !== null ? Math.round((p.result.ikm - p.previousIkm) * 100) / 100 : null),
    }),
  }),
});

interface SurveyFigure {
  slug: string;
  serviceName: string;
  status: string;
  periods: PeriodFigure[];
  overall: SurveyResult | null;
}

const SurveyFigureRef = builder.objectRef<SurveyFigure>("ScorecardSurvey").implement({
  fields: (t) => ({
    slug: t.exposeString("slug"),
    serviceName: t.exposeString("serviceName"),
    status: t.exposeString("status"),
    periods: t.field({ type: [PeriodFigureRef], resolve: (s) => s.periods }),
    result: t.field({ type: SurveyResultRef, nullable: true, description: "All periods together; null below 5 responses.", resolve: (s) => s.overall }),
  }),
});

interface IndicatorFigure {
  description: string;
  aspect: "KUANTITAS" | "KUALITAS" | "WAKTU";
  target: number;
  targetUnit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  realised: number | null;
  periodLabel: string | null;
}

const IndicatorFigureRef = builder.objectRef<IndicatorFigure>("ScorecardIndicator").implement({
  description: "One of the unit's own indicators (its head's main results).",
  fields: (t) => ({
    description: t.exposeString("description"),
    aspect: t.field({ type: IndicatorAspectEnum, resolve: (i) => i.aspect }),
    target: t.exposeFloat("target"),
    targetUnit: t.exposeString("targetUnit"),
    direction: t.field({ type: IndicatorDirectionEnum, resolve: (i) => i.direction }),
    realised: t.exposeFloat("realised", { nullable: true, description: "The latest approved realisation." }),
    realisedIn: t.exposeString("periodLabel", { nullable: true }),
    achievedPercent: t.float({
      nullable: true,
      resolve: (i) => (i.realised === null ? null : achievementPercent(i.target, i.realised, i.direction)),
    }),
  }),
});

const PredikatCountRef = builder.objectRef<{ predikat: (typeof predikats)[number]; count: number }>("ScorecardPredikatCount").implement({
  fields: (t) => ({
    predikat: t.field({ type: PredikatEnum, resolve: (c) => c.predikat }),
    label: t.string({ resolve: (c) => predikatLabel[c.predikat] }),
    count: t.exposeInt("count"),
  }),
});

const ScorecardRef = builder.objectRef<PublicUnit>("Scorecard").implement({
  description: "A unit's published results. Only unit-level figures, never a person's.",
  fields: (t) => ({
    instansiName: t.exposeString("instansiName"),
    unitName: t.exposeString("unitName"),
    year: t.exposeInt("year", { nullable: true, description: "The performance year the indicators are from." }),
    predikatYear: t.exposeInt("predikatYear", { nullable: true, description: "The year of the predikat distribution: the latest with final annual evaluations." }),
    surveys: t.field({ type: [SurveyFigureRef], resolve: (unit, _args, ctx) => (unit.showSurveys ? surveyFigures(ctx, unit.unitId) : []) }),
    indicators: t.field({ type: [IndicatorFigureRef], resolve: (unit, _args, ctx) => (unit.showIndicators && unit.year ? indicatorFigures(ctx, unit.unitId, unit.year) : []) }),
    predikatDistribution: t.field({
      type: [PredikatCountRef],
      nullable: true,
      description: "How many employees of the unit got each annual predikat; null when hidden or fewer than 5 were rated.",
      resolve: (unit, _args, ctx) => (unit.showPredikat && unit.predikatYear ? predikatFigures(ctx, unit.unitId, unit.predikatYear) : null),
    }),
  }),
});

/** Every shown survey's results per period and overall, from one read of the running totals. */
async function surveyFigures(ctx: Context, unitId: string): Promise<SurveyFigure[]> {
  const surveys = await ctx.prisma.survey.findMany({
    where: { unitId, status: { not: "DRAFT" } },
    orderBy: { createdAt: "asc" },
    select: {
      slug: true,
      serviceName: true,
      status: true,
      weights: true,
      periods: { orderBy: { startsOn: "asc" }, select: { label: true, startsOn: true, endsOn: true, serviceUsers: true, total: true } },
    },
  });
  return surveys.map((survey) => {
    let previousIkm: number | null = null;
    const periods = survey.periods.map(({ label, startsOn, endsOn, ...totals }): PeriodFigure => {
      const result = aboveFloor(resultOfPeriods(survey.weights, [totals]));
      const figure = { label, startsOn, endsOn, result, previousIkm };
      if (result) previousIkm = result.ikm;
      return figure;
    });
    return { ...survey, periods, overall: aboveFloor(resultOfPeriods(survey.weights, survey.periods)) };
  });
}

async function indicatorFigures(ctx: Context, unitId: string, year: number): Promise<IndicatorFigure[]> {
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id: unitId }, select: { headId: true } });
  if (!unit?.headId) return [];
  const indicators = await ctx.prisma.indicator.findMany({
    where: { rhk: { kind: "UTAMA", skp: { employeeId: unit.headId, year: { year } } } },
    orderBy: { createdAt: "asc" },
    include: {
      realisations: {
        where: { status: "APPROVED" },
        orderBy: { period: { endsOn: "desc" } },
        take: 1,
        include: { period: { include: { year: true } } },
      },
    },
  });
  return indicators.map((indicator) => {
    const latest = indicator.realisations[0];
    return {
      description: indicator.description,
      aspect: indicator.aspect,
      target: indicator.targetValue.toNumber(),
      targetUnit: indicator.targetUnit,
      direction: indicator.direction,
      realised: latest ? latest.value.toNumber() : null,
      periodLabel: latest ? periodLabel(latest.period.kind, latest.period.number, latest.period.year.year) : null,
    };
  });
}

async function predikatFigures(ctx: Context, unitId: string, year: number) {
  const evaluations = await ctx.prisma.evaluation.findMany({
    where: { status: "FINAL", period: { kind: "YEAR", year: { year } }, skp: { employee: { OR: [{ unitId }, { unit: { parentId: unitId } }] } } },
    select: { predikat: true },
  });
  if (evaluations.length < publicFloor) return null;
  return predikats.map((predikat) => ({ predikat, count: evaluations.filter((e) => e.predikat === predikat).length }));
}

/** The published scorecard of a unit found by slugs, or null. */
async function loadScorecard(ctx: Context, instansiSlug: string, unitSlug: string, year?: number | null): Promise<PublicUnit | null> {
  const unit = await ctx.prisma.orgUnit.findFirst({
    where: { slug: unitSlug, instansi: { slug: instansiSlug } },
    select: { id: true, name: true, instansiId: true, instansi: { select: { name: true } }, scorecard: true },
  });
  if (!unit?.scorecard?.published) return null;
  const latestYear = year
    ? year
    : ((await ctx.prisma.performanceYear.findFirst({ where: { instansiId: unit.instansiId, skps: { some: {} } }, orderBy: { year: "desc" } }))?.year ?? null);
  const predikatYear =
    (
      await ctx.prisma.performanceYear.findFirst({
        where: {
          instansiId: unit.instansiId,
          ...(latestYear ? { year: { lte: latestYear } } : {}),
          periods: { some: { kind: "YEAR", evaluations: { some: { status: "FINAL" } } } },
        },
        orderBy: { year: "desc" },
      })
    )?.year ?? null;
  return {
    unitId: unit.id,
    unitName: unit.name,
    instansiName: unit.instansi.name,
    showSurveys: unit.scorecard.showSurveys,
    showIndicators: unit.scorecard.showIndicators,
    showPredikat: unit.scorecard.showPredikat,
    year: latestYear,
    predikatYear,
  };
}

builder.queryField("scorecard", (t) =>
  t.field({
    type: ScorecardRef,
    nullable: true,
    description: "A unit's public scorecard by instansi and unit slugs; null until it is published.",
    args: {
      instansi: t.arg.string({ required: true, validate: z.string().max(64) }),
      unit: t.arg.string({ required: true, validate: z.string().max(64) }),
      year: t.arg.int({ required: false }),
    },
    resolve: (_root, args, ctx) => loadScorecard(ctx, args.instansi, args.unit, args.year),
  }),
);

builder.subscriptionField("scorecardUpdated", (t) =>
  t.field({
    type: ScorecardRef,
    nullable: true,
    description: "The scorecard again each time its figures change (over SSE).",
    args: {
      instansi: t.arg.string({ required: true, validate: z.string().max(64) }),
      unit: t.arg.string({ required: true, validate: z.string().max(64) }),
      year: t.arg.int({ required: false }),
    },
    subscribe: async function* (_root, args, ctx) {
      const unit = await ctx.prisma.orgUnit.findFirst({ where: { slug: args.unit, instansi: { slug: args.instansi } }, select: { id: true } });
      if (!unit) return;
      yield* ctx.pubsub.subscribe("scorecardUpdated", unit.id);
    },
    resolve: (_change, args, ctx) => loadScorecard(ctx, args.instansi, args.unit, args.year),
  }),
);

builder.relayMutationField(
  "publishScorecard",
  {
    description: "Decides what a unit shows on its public scorecard. Nothing is public until published.",
    inputFields: (t) => ({
      unitId: t.globalID({ required: true, for: [OrgUnitRef] }),
      published: t.boolean({ required: true }),
      showSurveys: t.boolean({ required: false, defaultValue: true }),
      showIndicators: t.boolean({ required: false, defaultValue: true }),
      showPredikat: t.boolean({ required: false, defaultValue: true }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const unit = await loadInInstansi(ctx, "OrgUnit", input.unitId.id, (where) => ctx.prisma.orgUnit.findFirst({ where }));
      const settings = {
        published: input.published,
        showSurveys: input.showSurveys ?? true,
        showIndicators: input.showIndicators ?? true,
        showPredikat: input.showPredikat ?? true,
      };
      await ctx.prisma.scorecard.upsert({
        where: { unitId: unit.id },
        create: { instansiId: unit.instansiId, unitId: unit.id, ...settings },
        update: settings,
      });
      ctx.pubsub.publish("scorecardUpdated", unit.id, { unitId: unit.id });
      return unit;
    },
  },
  { outputFields: (t) => ({ unit: t.field({ type: OrgUnitRef, resolve: (unit) => unit }) }) },
);
