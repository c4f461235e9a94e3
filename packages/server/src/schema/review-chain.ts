import { z } from "zod";
import { visibleSkps } from "../access/visibility.ts";
import { ObjectionStatus } from "../generated/prisma/enums.ts";
import { decideObjection, fileObjection, objectionsCloseOn, reviewEvaluation, setObjectionWindow } from "../performance/review-chain.ts";
import { builder } from "./builder.ts";
import { EvaluationRef, PredikatEnum, RatingLevelEnum } from "./evaluation.ts";
import { InstansiRef } from "./organization.ts";

// The review chain (performance/review-chain.ts): the Atasan Pejabat
// Penilai's review of annual evaluations, and objections (keberatan).

const noteSchema = z.string().trim().min(3).max(4000);

export const ObjectionStatusEnum = builder.enumType(ObjectionStatus, { name: "ObjectionStatus" });

export const ObjectionRef = builder.prismaNode("Objection", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, evaluation: { skp: visibleSkps(ctx.viewer) } }),
  description: "Keberatan: the evaluated employee's objection to a final evaluation, decided by the assessor's superior (or the admin when there is none).",
  fields: (t) => ({
    evaluation: t.relation("evaluation"),
    status: t.expose("status", { type: ObjectionStatusEnum }),
    reason: t.exposeString("reason"),
    filedAt: t.expose("filedAt", { type: "DateTime" }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    decisionNote: t.exposeString("decisionNote", { nullable: true }),
    predikatBefore: t.expose("predikatBefore", { type: PredikatEnum }),
    predikatAfter: t.expose("predikatAfter", { type: PredikatEnum, nullable: true, description: "The predikat the decision set (unchanged when rejected)." }),
  }),
});

builder.prismaObjectFields(EvaluationRef, (t) => ({
  reviewNote: t.exposeString("reviewNote", { nullable: true, description: "The reviewer's note when they last sent it back (or agreed with a remark)." }),
  reviewedAt: t.expose("reviewedAt", { type: "DateTime", nullable: true }),
  objection: t.relation("objection", { nullable: true }),
  objectionsCloseOn: t.field({
    type: "Date",
    nullable: true,
    description: "The last day the employee may object to this final evaluation.",
    select: { instansiId: true, status: true, finalisedAt: true },
    resolve: async (evaluation, _args, ctx) => {
      const day = await objectionsCloseOn(ctx.prisma, evaluation);
      return day ? new Date(`${day}T00:00:00Z`) : null;
    },
  }),
}));

builder.queryField("evaluationsToReview", (t) =>
  t.prismaField({
    type: ["Evaluation"],
    description: "Annual evaluations your assessors submitted, waiting for your review (you are their Atasan Pejabat Penilai).",
    authScopes: { viewer: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.evaluation.findMany({
        ...query,
        // Someone with no employee record (an admin) reviews nothing.
        where: { instansiId: ctx.viewer!.instansiId, status: "IN_REVIEW", reviewerId: ctx.viewer!.employeeId ?? { in: [] } },
        orderBy: { id: "asc" },
      }),
  }),
);

builder.queryField("objectionsToDecide", (t) =>
  t.prismaField({
    type: ["Objection"],
    description: "Pending objections you decide: as the assessor's superior, or as the admin where the assessor has none.",
    authScopes: { viewer: true },
    resolve: (query, _root, _args, ctx) => {
      const viewer = ctx.viewer!;
      const mine = [
        ...(viewer.employeeId ? [{ deciderId: viewer.employeeId }] : []),
        ...(viewer.role === "ADMIN" ? [{ deciderId: null }] : []),
      ];
      return ctx.prisma.objection.findMany({ ...query, where: { instansiId: viewer.instansiId, status: "PENDING", OR: mine }, orderBy: { filedAt: "asc" } });
    },
  }),
);

builder.relayMutationField(
  "reviewEvaluation",
  {
    description: "The assessor's superior agrees with an annual evaluation (it becomes final) or sends it back to the assessor with a note.",
    inputFields: (t) => ({
      evaluationId: t.globalID({ required: true, for: [EvaluationRef] }),
      agree: t.boolean({ required: true }),
      note: t.string({ required: false, validate: noteSchema, description: "Required when sending it back." }),
    }),
  },
  {
    authScopes: { employee: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => reviewEvaluation(scope, { ...input, evaluationId: input.evaluationId.id })),
  },
  { outputFields: (t) => ({ evaluation: t.field({ type: EvaluationRef, resolve: (evaluation) => evaluation }) }) },
);

builder.relayMutationField(
  "fileObjection",
  {
    description: "The evaluated employee objects (keberatan) to a final evaluation, within the instansi's window after it became final.",
    inputFields: (t) => ({
      evaluationId: t.globalID({ required: true, for: [EvaluationRef] }),
      reason: t.string({ required: true, validate: z.string().trim().min(10).max(4000) }),
    }),
  },
  {
    authScopes: { employee: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => fileObjection(scope, { ...input, evaluationId: input.evaluationId.id })),
  },
  { outputFields: (t) => ({ objection: t.field({ type: ObjectionRef, resolve: (objection) => objection }) }) },
);

builder.relayMutationField(
  "decideObjection",
  {
    description:
      "Decides an objection: uphold it with the ratings it changes (the predikat follows from them) or reject it. The decision is final and audited.",
    inputFields: (t) => ({
      objectionId: t.globalID({ required: true, for: [ObjectionRef] }),
      uphold: t.boolean({ required: true }),
      hasilKerja: t.field({ type: RatingLevelEnum, required: false }),
      perilakuKerja: t.field({ type: RatingLevelEnum, required: false }),
      note: t.string({ required: true, validate: noteSchema }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => decideObjection(scope, { ...input, objectionId: input.objectionId.id })),
  },
  { outputFields: (t) => ({ objection: t.field({ type: ObjectionRef, resolve: (objection) => objection }) }) },
);

builder.prismaObjectFields(InstansiRef, (t) => ({
  objectionWindowDays: t.exposeInt("objectionWindowDays", { description: "Calendar days after an evaluation is final within which the employee may object." }),
}));

builder.relayMutationField(
  "setObjectionWindow",
  {
    description: "The admin sets how many calendar days after an evaluation is final the employee may object (default 14).",
    inputFields: (t) => ({ objectionWindowDays: t.int({ required: true, validate: z.number().int().min(1).max(90) }) }),
  },
  { authScopes: { admin: true }, errors: {}, resolve: (_root, { input }, ctx) => ctx.perform((scope) => setObjectionWindow(scope, input)) },
  { outputFields: (t) => ({ instansi: t.field({ type: InstansiRef, resolve: (instansi) => instansi }) }) },
);
