import { z } from "zod";
import { achievementPercent } from "../domain/achievement.ts";
import {
  indicatorFigures,
  loadScorecard,
  predikatFigures,
  surveyFigures,
  type IndicatorFigure,
  type PeriodFigure,
  type PublicUnit,
  type SurveyFigure,
} from "../publication/scorecard.ts";
import { publishScorecard } from "../publication/settings.ts";
import { builder } from "./builder.ts";
import { PredikatCountRef } from "./kurva.ts";
import { OrgUnitRef } from "./organization.ts";
import { IndicatorAspectEnum, IndicatorDirectionEnum } from "./skp.ts";
import { SurveyResultRef } from "./survey.ts";

// Public scorecards (rules in publication/scorecard.ts): only unit-level
// figures, above the anonymity floor, once the admin publishes them.

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

const SurveyFigureRef = builder.objectRef<SurveyFigure>("ScorecardSurvey").implement({
  fields: (t) => ({
    slug: t.exposeString("slug"),
    serviceName: t.exposeString("serviceName"),
    status: t.exposeString("status"),
    periods: t.field({ type: [PeriodFigureRef], resolve: (s) => s.periods }),
    result: t.field({ type: SurveyResultRef, nullable: true, description: "All periods together; null below 5 responses.", resolve: (s) => s.overall }),
  }),
});

const IndicatorFigureRef = builder.objectRef<IndicatorFigure>("ScorecardIndicator").implement({
  description: "One of the unit's own indicators (its head's main results).",
  fields: (t) => ({
    description: t.exposeString("description"),
    aspect: t.field({ type: IndicatorAspectEnum, resolve: (i) => i.aspect }),
    target: t.exposeFloat("target"),
    targetUnit: t.exposeString("targetUnit"),
    direction: t.field({ type: IndicatorDirectionEnum, resolve: (i) => i.direction }),
    realised: t.exposeFloat("realised", {
      nullable: true,
      description: "What it achieved so far: the latest approved realisation, or the citizens' result (from 5 responses) for a survey-measured indicator.",
    }),
    realisedIn: t.exposeString("periodLabel", { nullable: true }),
    achievedPercent: t.float({
      nullable: true,
      resolve: (i) => (i.realised === null ? null : achievementPercent(i.target, i.realised, i.direction)),
    }),
  }),
});

const ScorecardRef = builder.objectRef<PublicUnit>("Scorecard").implement({
  description: "A unit's published results. Only unit-level figures, never a person's.",
  fields: (t) => ({
    instansiName: t.exposeString("instansiName"),
    unitName: t.exposeString("unitName"),
    year: t.exposeInt("year", { nullable: true, description: "The performance year the indicators are from." }),
    predikatYear: t.exposeInt("predikatYear", { nullable: true, description: "The year of the predikat distribution: the latest with final annual evaluations." }),
    surveys: t.field({ type: [SurveyFigureRef], resolve: (unit, _args, ctx) => (unit.showSurveys ? surveyFigures(ctx.prisma, unit.unitId) : []) }),
    indicators: t.field({
      type: [IndicatorFigureRef],
      resolve: (unit, _args, ctx) => (unit.showIndicators && unit.year ? indicatorFigures(ctx.prisma, unit.unitId, unit.year) : []),
    }),
    predikatDistribution: t.field({
      type: [PredikatCountRef],
      nullable: true,
      description: "How many employees of the unit got each annual predikat; null when hidden or fewer than 5 were rated.",
      resolve: (unit, _args, ctx) => (unit.showPredikat && unit.predikatYear ? predikatFigures(ctx.prisma, unit, unit.predikatYear) : null),
    }),
  }),
});

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
    resolve: (_root, args, ctx) => loadScorecard(ctx.prisma, args.instansi, args.unit, args.year),
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
    resolve: (_change, args, ctx) => loadScorecard(ctx.prisma, args.instansi, args.unit, args.year),
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
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => publishScorecard(scope, { ...input, unitId: input.unitId.id })),
  },
  { outputFields: (t) => ({ unit: t.field({ type: OrgUnitRef, resolve: (unit) => unit }) }) },
);
