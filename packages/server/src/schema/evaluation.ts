import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { visibleSkps } from "../access/visibility.ts";
import { predikatLabel } from "../domain/predikat.ts";
import { BerakhlakValue, EvaluationStatus, InputSource, Predikat, RatingLevel } from "../generated/prisma/enums.ts";
import type { BehaviourRating, EvaluationInput } from "../generated/prisma/client.ts";
import { finaliseEvaluation, rateBehaviour, setEvaluationWindow, submitEvaluationInput } from "../performance/evaluations.ts";
import { recommendDevelopment } from "../performance/development.ts";
import { peerInputReleased, peersAnonymised } from "../performance/peer-input.ts";
import { builder } from "./builder.ts";
import { DevelopmentRecommendationRef } from "./employee.ts";
import { InstansiRef } from "./organization.ts";
import { PeriodRef } from "./period.ts";
import { SkpRef } from "./skp.ts";

export const RatingLevelEnum = builder.enumType(RatingLevel, {
  name: "RatingLevel",
  description: "Di atas / sesuai / di bawah ekspektasi.",
});
export const PredikatEnum = builder.enumType(Predikat, { name: "Predikat" });
export const BerakhlakValueEnum = builder.enumType(BerakhlakValue, { name: "BerakhlakValue", description: "The seven ASN core values." });
export const InputSourceEnum = builder.enumType(InputSource, { name: "InputSource" });
export const EvaluationStatusEnum = builder.enumType(EvaluationStatus, { name: "EvaluationStatus" });

/** The SKP's parties, to tell whether the viewer is the assessor (see peer-input.ts). */
const peerRelease = { employeeId: true, assessorId: true, employee: { select: { supervisorId: true, unitId: true } } } as const;

export const EvaluationRef = builder.prismaNode("Evaluation", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, skp: { AND: [visibleSkps(ctx.viewer)] } }),
  description: "A periodic or annual evaluation of an SKP (the period's kind tells which).",
  fields: (t) => ({
    status: t.expose("status", { type: EvaluationStatusEnum }),
    skp: t.relation("skp"),
    period: t.relation("period"),
    hasilKerja: t.expose("hasilKerja", { type: RatingLevelEnum, nullable: true }),
    perilakuKerja: t.expose("perilakuKerja", { type: RatingLevelEnum, nullable: true }),
    predikat: t.expose("predikat", { type: PredikatEnum, nullable: true, description: "Set by the server when finalised." }),
    predikatLabel: t.string({
      nullable: true,
      description: "The predikat as written on the evaluation form, e.g. \"Sangat Baik\".",
      resolve: (evaluation) => (evaluation.predikat ? predikatLabel[evaluation.predikat] : null),
    }),
    finalisedAt: t.expose("finalisedAt", { type: "DateTime", nullable: true }),
    documentPath: t.string({
      description: "Where the evaluation document (PDF) is downloaded, with the same bearer token.",
      resolve: (evaluation) => `/documents/evaluation/${encodeURIComponent(encodeGlobalID("Evaluation", evaluation.id))}.pdf`,
    }),
    inputs: t.field({
      type: [EvaluationInputRef],
      description:
        "Self and supervisor input, and peer input once at least three peers gave it (anonymous: untimed, in text order): to the assessor while the evaluation is open, to everyone who reads it once it is final.",
      select: { status: true, reviewerId: true, skp: { select: peerRelease }, inputs: { orderBy: { createdAt: "asc" } } },
      resolve: (evaluation, _args, ctx) =>
        peersAnonymised(evaluation.inputs, peerInputReleased(ctx.viewer, evaluation), (input) => input.authorId, (a, b) => a.comment.localeCompare(b.comment)),
    }),
    behaviourRatings: t.field({
      type: [BehaviourRatingRef],
      description: "BerAKHLAK ratings by the employee and the assessor, and peers' once at least three peers rated, released as peer input is (anonymous, in value and level order).",
      select: { status: true, reviewerId: true, skp: { select: peerRelease }, behaviourRatings: { orderBy: [{ source: "asc" }, { value: "asc" }] } },
      resolve: (evaluation, _args, ctx) =>
        peersAnonymised(
          evaluation.behaviourRatings,
          peerInputReleased(ctx.viewer, evaluation),
          (rating) => rating.raterId,
          (a, b) => a.value.localeCompare(b.value) || a.level.localeCompare(b.level),
        ),
    }),
  }),
});

const EvaluationInputRef = builder.objectRef<Omit<EvaluationInput, "updatedAt"> & { updatedAt: Date | null }>("EvaluationInput").implement({
  description: "Self, supervisor or peer (360) input. Peer input is anonymous.",
  fields: (t) => ({
    source: t.expose("source", { type: InputSourceEnum }),
    hasilKerja: t.expose("hasilKerja", { type: RatingLevelEnum, nullable: true }),
    comment: t.exposeString("comment"),
    updatedAt: t.expose("updatedAt", { type: "DateTime", nullable: true, description: "Null for peer input." }),
  }),
});

const BehaviourRatingRef = builder.objectRef<Omit<BehaviourRating, "updatedAt">>("BehaviourRating").implement({
  description: "One rater's rating of one BerAKHLAK value. Peer ratings are anonymous.",
  fields: (t) => ({
    source: t.expose("source", { type: InputSourceEnum }),
    value: t.expose("value", { type: BerakhlakValueEnum }),
    level: t.expose("level", { type: RatingLevelEnum }),
    note: t.exposeString("note", { nullable: true }),
  }),
});

builder.queryField("evaluations", (t) =>
  t.prismaConnection({
    type: EvaluationRef,
    cursor: "id",
    description: "Evaluations of the SKPs you may see.",
    authScopes: { viewer: true },
    args: {
      year: t.arg.int({ required: false }),
      status: t.arg({ type: EvaluationStatusEnum, required: false }),
      employeeId: t.arg.globalID({ required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.evaluation.findMany({
        ...query,
        where: {
          skp: {
            AND: [
              visibleSkps(ctx.viewer),
              args.year ? { year: { year: args.year } } : {},
              args.employeeId ? { employeeId: args.employeeId.id } : {},
            ],
          },
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: [{ period: { startsOn: "asc" } }, { id: "asc" }],
      }),
  }),
);

const BehaviourRatingInput = builder.inputType("BehaviourRatingInput", {
  fields: (t) => ({
    value: t.field({ type: BerakhlakValueEnum, required: true }),
    level: t.field({ type: RatingLevelEnum, required: true }),
    note: t.string({ required: false, validate: z.string().trim().max(2000) }),
  }),
});

builder.relayMutationField(
  "rateBehaviour",
  {
    description: "Rates BerAKHLAK values in an evaluation: self, assessor or peer, decided by who you are.",
    inputFields: (t) => ({
      skpId: t.globalID({ required: true, for: [SkpRef] }),
      periodId: t.globalID({ required: true, for: [PeriodRef] }),
      ratings: t.field({
        type: [BehaviourRatingInput],
        required: true,
        validate: z
          .array(z.looseObject({ value: z.string() }))
          .min(1)
          .max(7)
          .refine((ratings) => new Set(ratings.map((r) => r.value)).size === ratings.length, "Rate each value at most once"),
      }),
    }),
  },
  {
    authScopes: { employee: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => rateBehaviour(scope, { ...input, skpId: input.skpId.id, periodId: input.periodId.id })),
  },
  { outputFields: (t) => ({ evaluation: t.field({ type: EvaluationRef, resolve: (evaluation) => evaluation }) }) },
);

builder.relayMutationField(
  "submitEvaluationInput",
  {
    description: "Self-assessment, supervisor assessment or peer input on an evaluation.",
    inputFields: (t) => ({
      skpId: t.globalID({ required: true, for: [SkpRef] }),
      periodId: t.globalID({ required: true, for: [PeriodRef] }),
      hasilKerja: t.field({ type: RatingLevelEnum, required: false }),
      comment: t.string({ required: true, validate: z.string().trim().min(1).max(4000) }),
    }),
  },
  {
    authScopes: { employee: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => submitEvaluationInput(scope, { ...input, skpId: input.skpId.id, periodId: input.periodId.id })),
  },
  { outputFields: (t) => ({ evaluation: t.field({ type: EvaluationRef, resolve: (evaluation) => evaluation }) }) },
);

builder.relayMutationField(
  "finaliseEvaluation",
  {
    description:
      "The assessor closes an evaluation. Ratings not given are derived (hasil kerja from approved realisations, " +
      "perilaku kerja from the assessor's BerAKHLAK ratings); a head of unit's hasil kerja follows the unit's predikat. " +
      "The server computes the predikat.",
    inputFields: (t) => ({
      skpId: t.globalID({ required: true, for: [SkpRef] }),
      periodId: t.globalID({ required: true, for: [PeriodRef] }),
      hasilKerja: t.field({ type: RatingLevelEnum, required: false }),
      perilakuKerja: t.field({ type: RatingLevelEnum, required: false }),
    }),
  },
  {
    authScopes: { supervisor: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => finaliseEvaluation(scope, { ...input, skpId: input.skpId.id, periodId: input.periodId.id })),
  },
  { outputFields: (t) => ({ evaluation: t.field({ type: EvaluationRef, resolve: (evaluation) => evaluation }) }) },
);

builder.prismaObjectFields(InstansiRef, (t) => ({
  evaluationOpensDays: t.exposeInt("evaluationOpensDays", {
    description: "Days before a month's or quarter's end from which it can be evaluated; the annual evaluation opens with the year's last period.",
  }),
}));

builder.relayMutationField(
  "setEvaluationWindow",
  {
    description: "The admin sets from how many days before a month's or quarter's end it can be evaluated (default 14).",
    inputFields: (t) => ({ evaluationOpensDays: t.int({ required: true, validate: z.number().int().min(0).max(92) }) }),
  },
  { authScopes: { admin: true }, errors: {}, resolve: (_root, { input }, ctx) => ctx.perform((scope) => setEvaluationWindow(scope, input)) },
  { outputFields: (t) => ({ instansi: t.field({ type: InstansiRef, resolve: (instansi) => instansi }) }) },
);

builder.relayMutationField(
  "recommendDevelopment",
  {
    description: "From an evaluation, its assessor recommends development (a training) with a target date.",
    inputFields: (t) => ({
      evaluationId: t.globalID({ required: true, for: [EvaluationRef] }),
      title: t.string({ required: true, validate: z.string().trim().min(2).max(200) }),
      targetDate: t.field({ type: "Date", required: true }),
    }),
  },
  {
    authScopes: { supervisor: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => recommendDevelopment(scope, { ...input, evaluationId: input.evaluationId.id })),
  },
  { outputFields: (t) => ({ recommendation: t.field({ type: DevelopmentRecommendationRef, resolve: (r) => r }) }) },
);

