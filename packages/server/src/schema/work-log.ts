import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { assessedBy, visibleWorkLog } from "../access/visibility.ts";
import { dailyMinutes } from "../domain/work-calendar.ts";
import { WorkLogStatus } from "../generated/prisma/enums.ts";
import { addHoliday, holidaysOf, removeHoliday, setWorkCalendar } from "../organisation/work-calendar.ts";
import {
  deleteWorkLogEntry,
  inMonth,
  logWork,
  reviewBatchLimit,
  reviewWorkLog,
  updateWorkLogEntry,
  workLogEvidence,
  workLogMonth,
  type WorkLogMonth,
} from "../performance/work-log.ts";
import { builder } from "./builder.ts";
import { EmployeeRef } from "./employee.ts";
import { monthSchema, nameSchema, yearSchema } from "./inputs.ts";
import { InstansiRef } from "./organization.ts";
import { RealisationRef, ReviewDecisionEnum } from "./realisation.ts";
import { IndicatorRef, RhkRef } from "./skp.ts";

// The daily work log (performance/work-log.ts) and the working calendar it
// is measured against (organisation/work-calendar.ts).

export const WorkLogStatusEnum = builder.enumType(WorkLogStatus, {
  name: "WorkLogStatus",
  description: "DRAFT → SUBMITTED → APPROVED (locked), or RETURNED to the employee with a note.",
});

const activitySchema = z.string().trim().min(3).max(2000);
const outputSchema = z.string().trim().min(1).max(200);
const minutesSchema = z.number().int().min(1).max(1440);
const urlSchema = z.url({ protocol: /^https?$/ }).max(2000);

export const WorkLogEntryRef = builder.prismaNode("WorkLogEntry", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [visibleWorkLog(ctx.viewer)] }),
  description: "A piece of a day's work (laporan kinerja harian) against an RHK, reviewed by the assessor.",
  fields: (t) => ({
    date: t.expose("date", { type: "Date" }),
    activity: t.exposeString("activity", { description: "What was done (uraian kegiatan)." }),
    output: t.exposeString("output", { nullable: true, description: "What it produced, e.g. \"3 laporan PWS\"." }),
    minutes: t.exposeInt("minutes"),
    evidenceUrl: t.exposeString("evidenceUrl", { nullable: true }),
    status: t.expose("status", { type: WorkLogStatusEnum }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    late: t.exposeBoolean("late", { description: "Submitted after the day's deadline (the instansi's grace days, in working days)." }),
    reviewedAt: t.expose("reviewedAt", { type: "DateTime", nullable: true }),
    reviewComment: t.exposeString("reviewComment", { nullable: true }),
    employee: t.relation("employee", { description: "The author: the SKP's owner, seen with the SKP." }),
    rhk: t.relation("rhk"),
    indicator: t.relation("indicator", { nullable: true }),
  }),
});

const WorkLogMonthRef = builder.objectRef<WorkLogMonth>("WorkLogMonth").implement({
  description: "An employee's work log for a month, against the month's effective working minutes (37.5 hours a week).",
  fields: (t) => ({
    month: t.exposeString("month", { description: "YYYY-MM." }),
    workingDays: t.exposeInt("workingDays", { description: "Working days of the month: the week the instansi works, less its days off." }),
    effectiveMinutes: t.exposeInt("effectiveMinutes", { description: "Working days × the daily effective minutes (450 in a five-day office, 375 in a six-day one)." }),
    entries: t.exposeInt("entries", { description: "Entries submitted, approved or returned (drafts are not reported yet)." }),
    approvedMinutes: t.exposeInt("approvedMinutes"),
    pendingMinutes: t.exposeInt("pendingMinutes", { description: "Submitted and awaiting review." }),
    returnedEntries: t.exposeInt("returnedEntries"),
    daysLogged: t.exposeInt("daysLogged", { description: "Days with submitted or approved work." }),
    lateDays: t.exposeInt("lateDays", { description: "Days with an entry submitted after its deadline." }),
    missingDays: t.exposeInt("missingDays", { description: "Working days before today with nothing submitted or approved." }),
    achievementPercent: t.exposeFloat("achievementPercent", { description: "Approved minutes against effective minutes, in percent." }),
  }),
});

const WorkLogEvidenceRef = builder.objectRef<{ entries: number; minutes: number; daysLogged: number }>("WorkLogEvidence").implement({
  description: "The approved work log behind a realisation: entries of the indicator's RHK in the period.",
  fields: (t) => ({
    entries: t.exposeInt("entries"),
    minutes: t.exposeInt("minutes"),
    daysLogged: t.exposeInt("daysLogged"),
  }),
});

builder.prismaObjectFields(EmployeeRef, (t) => ({
  workLog: t.relatedConnection("workLog", {
    cursor: "id",
    description: "Work log entries of a month you may see (the employee's, their supervisor's or assessor's, the admin's), by day.",
    args: { month: t.arg.string({ required: true, validate: monthSchema }) },
    query: (args, ctx) => ({
      where: { AND: [visibleWorkLog(ctx.viewer), { date: inMonth(args.month) }] },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
  }),
  workLogMonth: t.field({
    type: WorkLogMonthRef,
    nullable: true,
    description: "The month's work log summary; null unless you may read this employee's log.",
    args: { month: t.arg.string({ required: true, validate: monthSchema }) },
    resolve: (employee, args, ctx) => ctx.read((scope) => workLogMonth(scope, employee.id, args.month)),
  }),
}));

builder.prismaObjectFields(RealisationRef, (t) => ({
  workLog: t.field({
    type: WorkLogEvidenceRef,
    description: "The approved daily work behind this realisation.",
    select: { indicator: { select: { id: true, rhkId: true } }, period: { select: { startsOn: true, endsOn: true } } },
    resolve: (realisation, _args, ctx) => ctx.read((scope) => workLogEvidence(scope, realisation.indicator, realisation.period)),
  }),
}));

builder.queryField("workLogQueue", (t) =>
  t.prismaConnection({
    type: "WorkLogEntry",
    cursor: "id",
    description: "Submitted work log entries awaiting your review (you assess their SKP), oldest day first; empty for whoever assesses no one.",
    authScopes: { viewer: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.workLogEntry.findMany({
        ...query,
        where: { status: "SUBMITTED", rhk: { skp: assessedBy(ctx.viewer) } },
        orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      }),
  }),
);

const HolidayRef = builder.prismaObject("Holiday", {
  description: "A day off in the instansi's calendar.",
  fields: (t) => ({ date: t.expose("date", { type: "Date" }), name: t.exposeString("name") }),
});

builder.prismaObjectFields(InstansiRef, (t) => ({
  workDaysPerWeek: t.exposeInt("workDaysPerWeek", { description: "5 (Monday–Friday) or 6 (Monday–Saturday)." }),
  workLogGraceDays: t.exposeInt("workLogGraceDays", { description: "Working days after a day by which its work log is due." }),
  dailyEffectiveMinutes: t.float({ resolve: (instansi) => dailyMinutes({ workDaysPerWeek: instansi.workDaysPerWeek === 6 ? 6 : 5 }) }),
  holidays: t.field({
    type: [HolidayRef],
    description: "Days off of a year, in date order.",
    args: { year: t.arg.int({ required: true, validate: yearSchema }) },
    resolve: (_instansi, args, ctx) => ctx.read((scope) => holidaysOf(scope, args.year)),
  }),
}));

const entryFields = {
  activity: activitySchema,
  output: outputSchema,
  minutes: minutesSchema,
  evidenceUrl: urlSchema,
};

builder.relayMutationField(
  "logWork",
  {
    description: "The employee records a day's work against an RHK of their SKP, as a draft or for review.",
    inputFields: (t) => ({
      rhkId: t.globalID({ required: true, for: [RhkRef] }),
      indicatorId: t.globalID({ required: false, for: [IndicatorRef], description: "The RHK's indicator it serves, if one." }),
      date: t.field({ type: "Date", required: true }),
      activity: t.string({ required: true, validate: entryFields.activity }),
      output: t.string({ required: false, validate: entryFields.output }),
      minutes: t.int({ required: true, validate: entryFields.minutes }),
      evidenceUrl: t.string({ required: false, validate: entryFields.evidenceUrl }),
      draft: t.boolean({ required: false, defaultValue: false, description: "Keep it as a draft instead of submitting it." }),
    }),
  },
  {
    authScopes: { employee: true },
    errors: {},
    resolve: (_root, { input }, ctx) =>
      ctx.perform((scope) => logWork(scope, { ...input, rhkId: input.rhkId.id, indicatorId: input.indicatorId?.id ?? null })),
  },
  { outputFields: (t) => ({ entry: t.field({ type: WorkLogEntryRef, resolve: (entry) => entry }) }) },
);

builder.relayMutationField(
  "updateWorkLogEntry",
  {
    description: "The employee corrects a draft or returned entry; it is submitted again unless kept as a draft.",
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: [WorkLogEntryRef] }),
      rhkId: t.globalID({ required: false, for: [RhkRef] }),
      indicatorId: t.globalID({ required: false, for: [IndicatorRef] }),
      date: t.field({ type: "Date", required: false }),
      activity: t.string({ required: false, validate: entryFields.activity }),
      output: t.string({ required: false, validate: entryFields.output }),
      minutes: t.int({ required: false, validate: entryFields.minutes }),
      evidenceUrl: t.string({ required: false, validate: entryFields.evidenceUrl }),
      draft: t.boolean({ required: false, defaultValue: false }),
    }),
  },
  {
    authScopes: { employee: true },
    errors: {},
    resolve: (_root, { input }, ctx) =>
      ctx.perform((scope) =>
        updateWorkLogEntry(scope, {
          id: input.id.id,
          rhkId: input.rhkId?.id,
          indicatorId: input.indicatorId === undefined ? undefined : (input.indicatorId?.id ?? null),
          date: input.date ?? undefined,
          activity: input.activity ?? undefined,
          output: input.output,
          minutes: input.minutes ?? undefined,
          evidenceUrl: input.evidenceUrl,
          draft: input.draft,
        }),
      ),
  },
  { outputFields: (t) => ({ entry: t.field({ type: WorkLogEntryRef, resolve: (entry) => entry }) }) },
);

builder.relayMutationField(
  "deleteWorkLogEntry",
  {
    description: "The employee removes a draft or returned entry.",
    inputFields: (t) => ({ id: t.globalID({ required: true, for: [WorkLogEntryRef] }) }),
  },
  {
    authScopes: { employee: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => deleteWorkLogEntry(scope, { id: input.id.id })),
  },
  { outputFields: (t) => ({ deletedId: t.id({ resolve: (entry) => encodeGlobalID("WorkLogEntry", entry.id) }) }) },
);

builder.relayMutationField(
  "reviewWorkLog",
  {
    description: `The assessor approves submitted entries (they are then locked) or returns them with a note: all named (at most ${reviewBatchLimit}) or none.`,
    inputFields: (t) => ({
      entryIds: t.globalIDList({ required: true, for: [WorkLogEntryRef], validate: z.array(z.unknown()).min(1).max(reviewBatchLimit) }),
      decision: t.field({ type: ReviewDecisionEnum, required: true }),
      comment: t.string({ required: false, validate: z.string().trim().min(1).max(4000) }),
    }),
  },
  {
    authScopes: { supervisor: true },
    errors: {},
    resolve: (_root, { input }, ctx) =>
      ctx.perform((scope) => reviewWorkLog(scope, { entryIds: input.entryIds.map((id) => id.id), decision: input.decision, comment: input.comment })),
  },
  { outputFields: (t) => ({ entries: t.field({ type: [WorkLogEntryRef], resolve: (entries) => entries }) }) },
);

builder.relayMutationField(
  "setWorkCalendar",
  {
    description: "The admin sets the instansi's working week and the grace days for daily work logs.",
    inputFields: (t) => ({
      workDaysPerWeek: t.int({ required: false, validate: z.union([z.literal(5), z.literal(6)]) }),
      workLogGraceDays: t.int({ required: false, validate: z.number().int().min(0).max(10) }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => setWorkCalendar(scope, input)),
  },
  { outputFields: (t) => ({ instansi: t.field({ type: InstansiRef, resolve: (instansi) => instansi }) }) },
);

builder.relayMutationField(
  "addHoliday",
  {
    description: "The admin marks a day off (national holiday, cuti bersama, a regional holiday).",
    inputFields: (t) => ({ date: t.field({ type: "Date", required: true }), name: t.string({ required: true, validate: nameSchema }) }),
  },
  { authScopes: { admin: true }, errors: {}, resolve: (_root, { input }, ctx) => ctx.perform((scope) => addHoliday(scope, input)) },
  { outputFields: (t) => ({ holiday: t.field({ type: HolidayRef, resolve: (holiday) => holiday }) }) },
);

builder.relayMutationField(
  "removeHoliday",
  {
    description: "The admin makes a day off a working day again.",
    inputFields: (t) => ({ date: t.field({ type: "Date", required: true }) }),
  },
  { authScopes: { admin: true }, errors: {}, resolve: (_root, { input }, ctx) => ctx.perform((scope) => removeHoliday(scope, input)) },
  { outputFields: (t) => ({ holiday: t.field({ type: HolidayRef, resolve: (holiday) => holiday }) }) },
);
