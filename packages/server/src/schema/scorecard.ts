import { createGraphQLError, Repeater, SlidingBuffer } from "graphql-yoga";
import { z } from "zod";
import type { Context } from "../context.ts";
import { achievementPercent } from "../domain/achievement.ts";
import { publishScorecard } from "../publication/settings.ts";
import type { Snapshot } from "../publication/snapshot-store.ts";
import type { PublicFollowUp, PublicIndicator, PublicPeriod, PublicScorecard, PublicSurveyFigures, PublicUnitResult } from "../publication/snapshot.ts";
import { builder } from "./builder.ts";
import { PredikatCountRef } from "./kurva.ts";
import { OrgUnitRef } from "./organization.ts";
import { IndicatorAspectEnum, IndicatorDirectionEnum } from "./skp.ts";
import { FollowUpStatusEnum } from "./follow-up.ts";
import { SurveyElementEnum, SurveyResultRef } from "./survey.ts";

// Public scorecards: a unit's published snapshot (publication/snapshot.ts),
// read from memory. Only unit-level figures, moved only when the move cannot
// single anyone out, once the admin publishes them.

const FollowUpFigureRef = builder.objectRef<PublicFollowUp>("ScorecardFollowUp").implement({
  description: "An action of the unit's follow-up plan for a weak element, with its status.",
  fields: (t) => ({
    element: t.field({ type: SurveyElementEnum, resolve: (f) => f.element }),
    action: t.exposeString("action"),
    responsible: t.exposeString("responsible"),
    dueOn: t.field({ type: "Date", resolve: (f) => new Date(f.dueOn) }),
    status: t.field({ type: FollowUpStatusEnum, resolve: (f) => f.status }),
  }),
});

const PeriodFigureRef = builder.objectRef<PublicPeriod>("ScorecardSurveyPeriod").implement({
  fields: (t) => ({
    followUp: t.field({ type: [FollowUpFigureRef], description: "The unit's follow-up plan for this period (rencana tindak lanjut).", resolve: (p) => p.followUp }),
    label: t.exposeString("label"),
    startsOn: t.field({ type: "Date", resolve: (p) => new Date(p.startsOn) }),
    endsOn: t.field({ type: "Date", resolve: (p) => new Date(p.endsOn) }),
    result: t.field({ type: SurveyResultRef, nullable: true, description: "Null until the period has 5 responses.", resolve: (p) => p.result }),
    ikmChange: t.exposeFloat("ikmChange", { nullable: true, description: "IKM change from the previous shown period (the trend)." }),
  }),
});

const SurveyFigureRef = builder.objectRef<PublicSurveyFigures>("ScorecardSurvey").implement({
  fields: (t) => ({
    slug: t.exposeString("slug"),
    serviceName: t.exposeString("serviceName"),
    status: t.exposeString("status"),
    periods: t.field({ type: [PeriodFigureRef], resolve: (s) => s.periods }),
    result: t.field({ type: SurveyResultRef, nullable: true, description: "The shown periods together; null until one is shown.", resolve: (s) => s.result }),
  }),
});

const IndicatorFigureRef = builder.objectRef<PublicIndicator>("ScorecardIndicator").implement({
  description: "One of the unit's own indicators (its head's main results).",
  fields: (t) => ({
    description: t.exposeString("description"),
    aspect: t.field({ type: IndicatorAspectEnum, resolve: (i) => i.aspect }),
    target: t.exposeFloat("target"),
    targetUnit: t.exposeString("targetUnit"),
    direction: t.field({ type: IndicatorDirectionEnum, resolve: (i) => i.direction }),
    realised: t.exposeFloat("realised", {
      nullable: true,
      description: "What it achieved so far: the latest approved realisation, or the citizens' published result for a survey-measured indicator.",
    }),
    realisedIn: t.exposeString("periodLabel", { nullable: true }),
    achievedPercent: t.float({
      nullable: true,
      resolve: (i) => (i.realised === null ? null : achievementPercent(i.target, i.realised, i.direction)),
    }),
  }),
});

/** A published scorecard seen for one performance year. */
interface ScorecardView {
  card: PublicScorecard;
  year: number | null;
}

function viewOf(snapshot: Snapshot | null, year?: number | null): ScorecardView | null {
  const card = snapshot?.body.scorecard;
  return card ? { card, year: year ?? card.defaultYear } : null;
}

/** The latest closed year up to the one shown: its predikat counts are final. */
const predikatYearOf = ({ card, year }: ScorecardView) => card.years.filter((y) => y.closed && (year === null || y.year <= year)).at(-1) ?? null;

const UnitPeriodRef = builder.objectRef<PublicUnitResult["periods"][number]>("ScorecardUnitPeriod").implement({
  fields: (t) => ({ label: t.exposeString("label"), result: t.field({ type: SurveyResultRef, nullable: true, resolve: (p) => p.result }) }),
});

const UnitResultRef = builder.objectRef<PublicUnitResult>("ScorecardUnitResult").implement({
  description:
    "The unit's IKM across its services: every respondent of every service counts once, with the standard weights, " +
    "from the services' published figures only (so it moves only when they do).",
  fields: (t) => ({
    result: t.field({ type: SurveyResultRef, nullable: true, resolve: (u) => u.result }),
    periods: t.field({ type: [UnitPeriodRef], description: "Per period span the services share.", resolve: (u) => u.periods }),
  }),
});

const ScorecardRef = builder.objectRef<ScorecardView>("Scorecard").implement({
  description: "A unit's published results. Only unit-level figures, never a person's.",
  fields: (t) => ({
    instansiName: t.string({ resolve: (v) => v.card.instansiName }),
    unitName: t.string({ resolve: (v) => v.card.unitName }),
    year: t.int({ nullable: true, description: "The performance year the indicators are from.", resolve: (v) => v.year }),
    predikatYear: t.int({
      nullable: true,
      description: "The year of the predikat distribution: the latest the admin closed.",
      resolve: (v) => predikatYearOf(v)?.year ?? null,
    }),
    unitResult: t.field({ type: UnitResultRef, nullable: true, description: "Null unless the unit surveys two or more services.", resolve: (v) => v.card.unitResult }),
    surveys: t.field({ type: [SurveyFigureRef], resolve: (v) => v.card.surveys }),
    indicators: t.field({ type: [IndicatorFigureRef], resolve: (v) => v.card.years.find((y) => y.year === v.year)?.indicators ?? [] }),
    predikatDistribution: t.field({
      type: [PredikatCountRef],
      nullable: true,
      description:
        "How many of the unit's people got each annual predikat in a closed year; null when hidden, or when the counts " +
        "(alone or against another unit's) could single someone out.",
      resolve: (v) => predikatYearOf(v)?.predikat ?? null,
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
    resolve: async (_root, args, ctx) => viewOf(await ctx.publication.byKey(args.instansi, args.unit), args.year),
  }),
);

/** Live snapshots of one unit, the latest only (a slow client skips versions), for as long as the client listens. */
function snapshotsOf(ctx: Context, unitId: string): Repeater<Snapshot> {
  return new Repeater<Snapshot>(async (push, stop) => {
    const release = ctx.viewer ? () => {} : ctx.liveSubscriptions.acquire(ctx.clientAddress);
    if (!release) {
      stop(createGraphQLError("Too many live subscriptions from this address; close some and try again.", { extensions: { code: "RATE_LIMITED" } }));
      return;
    }
    const unwatch = ctx.publication.watch(unitId, (snapshot) => void push(snapshot));
    await stop;
    unwatch();
    release();
  }, new SlidingBuffer(1));
}

builder.subscriptionField("scorecardUpdated", (t) =>
  t.field({
    type: ScorecardRef,
    nullable: true,
    description: "The scorecard again each time its published figures move (over SSE).",
    args: {
      instansi: t.arg.string({ required: true, validate: z.string().max(64) }),
      unit: t.arg.string({ required: true, validate: z.string().max(64) }),
      year: t.arg.int({ required: false }),
    },
    subscribe: async (_root, args, ctx) => {
      const snapshot = await ctx.publication.byKey(args.instansi, args.unit);
      return snapshot ? snapshotsOf(ctx, snapshot.unitId) : new Repeater<Snapshot>((_push, stop) => stop());
    },
    resolve: (snapshot, args) => viewOf(snapshot, args.year),
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
