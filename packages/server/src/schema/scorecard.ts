import { createGraphQLError, Repeater, SlidingBuffer } from "graphql-yoga";
import { z } from "zod";
import type { Context } from "../context.ts";
import { achievementPercent } from "../domain/achievement.ts";
import { publishScorecard } from "../publication/settings.ts";
import type { Snapshot } from "../publication/snapshot-store.ts";
import type { PublicCommitment, PublicFollowUp, PublicIndicator, PublicPeriod, PublicScorecard, PublicSurveyFigures, PublicUnitResult } from "../publication/snapshot.ts";
import { builder } from "./builder.ts";
import { PredikatCountRef } from "./kurva.ts";
import { OrgUnitRef } from "./organization.ts";
import { IndicatorAspectEnum, IndicatorDirectionEnum } from "./skp.ts";
import { FollowUpStatusEnum } from "./follow-up.ts";
import { CommitmentStatusEnum, ForumKindEnum } from "./forum.ts";
import { SurveyElementEnum, SurveyResultRef } from "./survey.ts";
import { profileDimensions, respondentProfile, type ProfileGroup, type RespondentProfile } from "../surveys/respondent-profile.ts";

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

const RespondentGroupRef = builder.objectRef<ProfileGroup>("RespondentGroup").implement({
  fields: (t) => ({
    group: t.exposeString("group", { description: "An enum value or age band (UNDER_25, 25_34, 35_44, 45_54, 55_PLUS); NOT_STATED; OTHER for groups under the floor merged." }),
    count: t.exposeInt("count"),
  }),
});

const RespondentProfileRef = builder.objectRef<RespondentProfile>("RespondentProfile").implement({
  description:
    "The respondents behind a period's published result, in aggregate. A dimension is null unless every group it shows has at least " +
    "the anonymity floor k of respondents (smaller groups merge into OTHER first).",
  fields: (t) => ({
    responseCount: t.exposeInt("responseCount"),
    ...Object.fromEntries(
      profileDimensions.map((dimension) => [dimension, t.field({ type: [RespondentGroupRef], nullable: true, resolve: (p) => p[dimension] })]),
    ),
  }),
});

/** Figures as the schema passes them down: with the instansi's floor, for the respondent profile. */
type WithFloor<T> = T & { floor: number };

const PeriodFigureRef = builder.objectRef<WithFloor<PublicPeriod>>("ScorecardSurveyPeriod").implement({
  fields: (t) => ({
    respondents: t.field({
      type: RespondentProfileRef,
      nullable: true,
      description: "Who answered (channel, sex, age band, education, occupation), in aggregate; null until the period's result is shown.",
      resolve: (p, _args, ctx) => (p.periodId && p.result ? respondentProfile(ctx.prisma, p.periodId, p.result.responseCount, p.floor) : null),
    }),
    followUp: t.field({ type: [FollowUpFigureRef], description: "The unit's follow-up plan for this period (rencana tindak lanjut).", resolve: (p) => p.followUp }),
    label: t.exposeString("label"),
    startsOn: t.field({ type: "Date", resolve: (p) => new Date(p.startsOn) }),
    endsOn: t.field({ type: "Date", resolve: (p) => new Date(p.endsOn) }),
    result: t.field({ type: SurveyResultRef, nullable: true, description: "Null until the period has 5 responses.", resolve: (p) => p.result }),
    ikmChange: t.exposeFloat("ikmChange", { nullable: true, description: "IKM change from the previous shown period (the trend)." }),
  }),
});

const SurveyFigureRef = builder.objectRef<WithFloor<PublicSurveyFigures>>("ScorecardSurvey").implement({
  fields: (t) => ({
    slug: t.exposeString("slug"),
    serviceName: t.exposeString("serviceName"),
    status: t.exposeString("status"),
    periods: t.field({ type: [PeriodFigureRef], resolve: (s) => s.periods.map((p) => ({ ...p, floor: s.floor })) }),
    result: t.field({ type: SurveyResultRef, nullable: true, description: "The shown periods together; null until one is shown.", resolve: (s) => s.result }),
    resultIn: t.field({
      type: SurveyResultRef,
      nullable: true,
      description: "The shown periods of one year together (a period counts in every year it overlaps).",
      args: { year: t.arg.int({ required: true }) },
      resolve: (s, { year }) => s.years?.find((y) => y.year === year)?.result ?? null,
    }),
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
  unitSlug: string;
  floor: number;
}

function viewOf(snapshot: Snapshot | null, year?: number | null): ScorecardView | null {
  const card = snapshot?.body.scorecard;
  return card ? { card, year: year ?? card.defaultYear, unitSlug: snapshot.key.slice(snapshot.key.indexOf("/") + 1), floor: snapshot.body.floor } : null;
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

const ForumFigureRef = builder.objectRef<PublicCommitment["forum"]>("ScorecardForum").implement({
  fields: (t) => ({
    title: t.exposeString("title"),
    kind: t.field({ type: ForumKindEnum, resolve: (f) => f.kind as "LAINNYA" }),
    heldOn: t.field({ type: "Date", resolve: (f) => new Date(f.heldOn) }),
    place: t.exposeString("place"),
    participants: t.exposeInt("participants"),
  }),
});

const CommitmentFigureRef = builder.objectRef<PublicCommitment>("ScorecardCommitment").implement({
  description: "What the unit promised at a community forum, with its status.",
  fields: (t) => ({
    commitment: t.exposeString("commitment"),
    status: t.field({ type: CommitmentStatusEnum, resolve: (c) => c.status }),
    dueOn: t.field({ type: "Date", nullable: true, resolve: (c) => (c.dueOn ? new Date(c.dueOn) : null) }),
    note: t.exposeString("note", { nullable: true, description: "What shows it was kept, or why it was dropped." }),
    aspiration: t.exposeString("aspiration", { nullable: true, description: "What citizens asked for, that it answers." }),
    forum: t.field({ type: ForumFigureRef, resolve: (c) => c.forum }),
  }),
});

const ScorecardRef = builder.objectRef<ScorecardView>("Scorecard").implement({
  description: "A unit's published results. Only unit-level figures, never a person's.",
  fields: (t) => ({
    instansiName: t.string({ resolve: (v) => v.card.instansiName }),
    unitName: t.string({ resolve: (v) => v.card.unitName }),
    unitSlug: t.string({ resolve: (v) => v.unitSlug }),
    year: t.int({ nullable: true, description: "The performance year the indicators are from.", resolve: (v) => v.year }),
    predikatYear: t.int({
      nullable: true,
      description: "The year of the predikat distribution: the latest the admin closed.",
      resolve: (v) => predikatYearOf(v)?.year ?? null,
    }),
    unitResult: t.field({ type: UnitResultRef, nullable: true, description: "Null unless the unit surveys two or more services.", resolve: (v) => v.card.unitResult }),
    surveys: t.field({ type: [SurveyFigureRef], resolve: (v) => v.card.surveys.map((survey) => ({ ...survey, floor: v.floor })) }),
    commitments: t.field({
      type: [CommitmentFigureRef],
      description: "What the unit promised at community forums, latest forum first, with each status.",
      // Snapshots stored before forums existed have none.
      resolve: (v) => v.card.commitments ?? [],
    }),
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

const ReportRef = builder.objectRef<{ instansiName: string; year: number; units: ScorecardView[] }>("PublicReport").implement({
  description: "An instansi's (or one unit's) public report for a year: every published unit's scorecard, seen for that year.",
  fields: (t) => ({
    instansiName: t.exposeString("instansiName"),
    year: t.exposeInt("year"),
    units: t.field({ type: [ScorecardRef], resolve: (r) => r.units }),
  }),
});

builder.queryField("report", (t) =>
  t.field({
    type: ReportRef,
    nullable: true,
    description: "The public report of an instansi's published units (or of one), for a year; null when none is published.",
    args: {
      instansi: t.arg.string({ required: true, validate: z.string().max(64) }),
      unit: t.arg.string({ required: false, validate: z.string().max(64) }),
      year: t.arg.int({ required: true, validate: z.number().int().min(2000).max(2100) }),
    },
    resolve: async (_root, args, ctx) => {
      const units = await ctx.prisma.orgUnit.findMany({
        where: { instansi: { slug: args.instansi }, ...(args.unit ? { slug: args.unit } : {}), scorecard: { published: true } },
        orderBy: { name: "asc" },
        select: { id: true },
      });
      const views = (await Promise.all(units.map((unit) => ctx.publication.byUnit(unit.id)))).flatMap((snapshot) => viewOf(snapshot, args.year) ?? []);
      return views.length ? { instansiName: views[0]!.card.instansiName, year: args.year, units: views } : null;
    },
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
