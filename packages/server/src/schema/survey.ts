import { z } from "zod";
import { adminsInstansi } from "../access/visibility.ts";
import { elements } from "../domain/ikm.ts";
import { skmTemplate } from "../domain/skm-template.ts";
import { SurveyElement, SurveyQuestionKind, SurveyStatus } from "../generated/prisma/enums.ts";
import { surveyResult, type SurveyResult } from "../surveys/results.ts";
import { addSurveyPeriod, createSurvey, setSurveyServiceUsers, setSurveyStatus } from "../surveys/surveys.ts";
import { builder } from "./builder.ts";
import { slugSchema } from "./inputs.ts";
import { OrgUnitRef } from "./organization.ts";

export const SurveyStatusEnum = builder.enumType(SurveyStatus, { name: "SurveyStatus", description: "DRAFT → OPEN → CLOSED." });
export const SurveyElementEnum = builder.enumType(SurveyElement, { name: "SurveyElement", description: "The nine SKM elements (unsur) U1–U9." });
export const SurveyQuestionKindEnum = builder.enumType(SurveyQuestionKind, { name: "SurveyQuestionKind" });
export const LanguageEnum = builder.enumType("Language", { values: ["ID", "EN"] as const, description: "Bahasa Indonesia or English." });

export const SurveyResultRef = builder.objectRef<SurveyResult>("SurveyResult").implement({
  description: "The SKM result (PermenPANRB 14/2017), computed from running totals.",
  fields: (t) => ({
    responseCount: t.exposeInt("responseCount"),
    elements: t.field({
      type: [
        builder.objectRef<SurveyResult["elements"][number]>("SurveyElementResult").implement({
          fields: (e) => ({
            element: e.field({ type: SurveyElementEnum, resolve: (row) => row.element }),
            nrr: e.exposeFloat("nrr", { description: "Nilai rata-rata: sum of scores ÷ responses." }),
            weight: e.exposeFloat("weight"),
            weightedNrr: e.exposeFloat("weightedNrr", { description: "NRR × weight." }),
          }),
        }),
      ],
      resolve: (result) => result.elements,
    }),
    skmValue: t.exposeFloat("skmValue", { description: "Σ weighted NRR, 1–4." }),
    ikm: t.exposeFloat("ikm", { description: "SKM value × 25, rounded to two decimals (25–100)." }),
    grade: t.exposeString("grade", { description: "Mutu pelayanan A–D, from the IKM on two decimals." }),
    label: t.exposeString("label", { description: "Kinerja unit: Sangat Baik, Baik, Kurang Baik or Tidak Baik." }),
    serviceUsers: t.exposeInt("serviceUsers", { description: "N: service users in the period(s)." }),
    sampleTarget: t.exposeInt("sampleTarget", { description: "Krejcie–Morgan sample size for N." }),
    representative: t.exposeBoolean("representative", { description: "True once responseCount reaches sampleTarget." }),
  }),
});

interface ElementQuestion {
  element: (typeof elements)[number];
  name: string;
  question: string;
  answers: string[];
}

export const ElementQuestionRef = builder.objectRef<ElementQuestion>("SurveyElementQuestion").implement({
  description: "One of the nine questions with its four answer labels (value 1 to 4).",
  fields: (t) => ({
    element: t.field({ type: SurveyElementEnum, resolve: (q) => q.element }),
    name: t.exposeString("name"),
    question: t.exposeString("question"),
    answers: t.exposeStringList("answers", { description: "Labels for the values 1 (worst) to 4 (best)." }),
  }),
});

/** The template's questions in one language. */
export function templateQuestions(language: "ID" | "EN"): ElementQuestion[] {
  return skmTemplate.map((item) => {
    const text = language === "EN" ? item.en : item.id;
    return { element: item.element, name: language === "EN" ? item.name.en : item.name.id, question: text.question, answers: [...text.answers] };
  });
}

export const SurveyRef = builder.prismaNode("Survey", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...adminsInstansi(ctx.viewer) }),
  description: "An SKM survey of one service of a unit (admin view).",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Public identifier, used by the survey widget." }),
    serviceName: t.exposeString("serviceName"),
    status: t.expose("status", { type: SurveyStatusEnum }),
    unit: t.relation("unit"),
    weights: t.floatList({
      description: "Weights of U1–U9 (exactly 1/9 each unless the unit set its own).",
      resolve: (survey) => (survey.weights.length ? survey.weights.map(Number) : elements.map(() => 1 / 9)),
    }),
    periods: t.relation("periods", { query: { orderBy: { startsOn: "asc" } } }),
    extraQuestions: t.relation("questions", { query: { orderBy: { position: "asc" } } }),
    questions: t.field({
      type: [ElementQuestionRef],
      args: { language: t.arg({ type: LanguageEnum, defaultValue: "ID" }) },
      resolve: (_survey, args) => templateQuestions(args.language ?? "ID"),
    }),
    result: t.field({
      type: SurveyResultRef,
      nullable: true,
      description: "The result for one period, or for all periods; null before the first response.",
      args: { periodId: t.arg.globalID({ required: false }) },
      resolve: (survey, args, ctx) => surveyResult(ctx.prisma, survey.id, args.periodId?.id),
    }),
  }),
});

export const SurveyPeriodRef = builder.prismaNode("SurveyPeriod", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...adminsInstansi(ctx.viewer) }),
  fields: (t) => ({
    label: t.exposeString("label"),
    startsOn: t.expose("startsOn", { type: "Date" }),
    endsOn: t.expose("endsOn", { type: "Date" }),
    serviceUsers: t.exposeInt("serviceUsers", { description: "N for the sample size." }),
    result: t.field({
      type: SurveyResultRef,
      nullable: true,
      resolve: (period, _args, ctx) => surveyResult(ctx.prisma, period.surveyId, period.id),
    }),
  }),
});

builder.prismaObject("SurveyQuestion", {
  description: "An extra question. Its answers never enter the index.",
  fields: (t) => ({
    position: t.exposeInt("position"),
    kind: t.expose("kind", { type: SurveyQuestionKindEnum }),
    text: t.string({
      args: { language: t.arg({ type: LanguageEnum, defaultValue: "ID" }) },
      resolve: (question, args) => (args.language === "EN" && question.textEn ? question.textEn : question.textId),
    }),
  }),
});

builder.queryField("surveys", (t) =>
  t.prismaConnection({
    type: SurveyRef,
    cursor: "id",
    description: "The instansi's surveys (admins).",
    authScopes: { admin: true },
    args: { unitId: t.arg.globalID({ required: false, for: [OrgUnitRef] }), status: t.arg({ type: SurveyStatusEnum, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.survey.findMany({
        ...query,
        where: { ...adminsInstansi(ctx.viewer), ...(args.unitId ? { unitId: args.unitId.id } : {}), ...(args.status ? { status: args.status } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      }),
  }),
);

const periodFields = z
  .looseObject({ startsOn: z.date(), endsOn: z.date() })
  .refine((p) => p.endsOn >= p.startsOn, { message: "endsOn must not be before startsOn", path: ["endsOn"] });

const SurveyPeriodInput = builder.inputType("SurveyPeriodInput", {
  fields: (t) => ({
    label: t.string({ required: true, validate: z.string().trim().min(2).max(100) }),
    startsOn: t.field({ type: "Date", required: true }),
    endsOn: t.field({ type: "Date", required: true }),
    serviceUsers: t.int({ required: true, validate: z.number().int().min(0).max(100_000_000), description: "N: service users in the period (an estimate until it ends)." }),
  }),
  validate: periodFields,
});

const ExtraQuestionInput = builder.inputType("SurveyExtraQuestionInput", {
  fields: (t) => ({
    kind: t.field({ type: SurveyQuestionKindEnum, required: true }),
    textId: t.string({ required: true, validate: z.string().trim().min(3).max(500) }),
    textEn: t.string({ required: false, validate: z.string().trim().min(3).max(500) }),
  }),
});

builder.relayMutationField(
  "createSurvey",
  {
    description: "Creates an SKM survey (draft) from the nine-element template for a unit's service.",
    inputFields: (t) => ({
      unitId: t.globalID({ required: true, for: [OrgUnitRef] }),
      slug: t.string({ required: true, validate: slugSchema, description: "Public identifier, e.g. \"salatiga-dpmptsp-pbg-2026\"." }),
      serviceName: t.string({ required: true, validate: z.string().trim().min(3).max(200), description: "e.g. \"Penerbitan PBG\"." }),
      periods: t.field({ type: [SurveyPeriodInput], required: true, validate: z.array(z.unknown()).min(1).max(60) }),
      weights: t.stringList({
        required: false,
        description: "Custom weights of U1–U9 as decimals summing to exactly 1. Omit for exactly 1/9 each.",
      }),
      extraQuestions: t.field({ type: [ExtraQuestionInput], required: false, validate: z.array(z.unknown()).max(20) }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => createSurvey(scope, { ...input, unitId: input.unitId.id })),
  },
  { outputFields: (t) => ({ survey: t.field({ type: SurveyRef, resolve: (survey) => survey }) }) },
);

builder.relayMutationField(
  "addSurveyPeriod",
  {
    description: "Adds a reporting period to a survey.",
    inputFields: (t) => ({
      surveyId: t.globalID({ required: true, for: [SurveyRef] }),
      period: t.field({ type: SurveyPeriodInput, required: true }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => addSurveyPeriod(scope, { ...input, surveyId: input.surveyId.id })),
  },
  { outputFields: (t) => ({ period: t.field({ type: SurveyPeriodRef, resolve: (period) => period }) }) },
);

builder.relayMutationField(
  "setSurveyServiceUsers",
  {
    description: "Records N, the number of service users in a period, once it is known.",
    inputFields: (t) => ({
      periodId: t.globalID({ required: true, for: [SurveyPeriodRef] }),
      serviceUsers: t.int({ required: true, validate: z.number().int().min(0).max(100_000_000) }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => setSurveyServiceUsers(scope, { ...input, periodId: input.periodId.id })),
  },
  { outputFields: (t) => ({ period: t.field({ type: SurveyPeriodRef, resolve: (period) => period }) }) },
);

builder.relayMutationField(
  "setSurveyStatus",
  {
    description: "Opens a draft survey to responses, or closes an open one. A closed survey stays closed.",
    inputFields: (t) => ({
      surveyId: t.globalID({ required: true, for: [SurveyRef] }),
      status: t.field({ type: SurveyStatusEnum, required: true }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => setSurveyStatus(scope, { ...input, surveyId: input.surveyId.id })),
  },
  { outputFields: (t) => ({ survey: t.field({ type: SurveyRef, resolve: (survey) => survey }) }) },
);
