import { z } from "zod";
import { inputSourceFor, isAssessorOf } from "../auth/permissions.ts";
import { visibleSkps } from "../auth/visibility.ts";
import type { Context } from "../context.ts";
import { finalRating, type IndicatorResult } from "../domain/evaluation.ts";
import { predikatLabel } from "../domain/predikat.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { BerakhlakValue, EvaluationStatus, InputSource, Predikat, RatingLevel } from "../generated/prisma/enums.ts";
import { writeAudit } from "./audit.ts";
import { builder } from "./builder.ts";
import { ConflictError, ForbiddenError, invalidInput, mutationErrors } from "./errors.ts";
import { loadInInstansi } from "./lookup.ts";
import { PeriodRef } from "./period.ts";
import { loadSkp, SkpRef } from "./skp.ts";
import { surveyRealisation } from "../surveys/indicator-source.ts";

export const RatingLevelEnum = builder.enumType(RatingLevel, {
  name: "RatingLevel",
  description: "Di atas / sesuai / di bawah ekspektasi.",
});
export const PredikatEnum = builder.enumType(Predikat, { name: "Predikat" });
export const BerakhlakValueEnum = builder.enumType(BerakhlakValue, { name: "BerakhlakValue", description: "The seven ASN core values." });
export const InputSourceEnum = builder.enumType(InputSource, { name: "InputSource" });
export const EvaluationStatusEnum = builder.enumType(EvaluationStatus, { name: "EvaluationStatus" });

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
    inputs: t.relation("inputs", { query: { orderBy: { createdAt: "asc" } } }),
    behaviourRatings: t.relation("behaviourRatings", { query: { orderBy: [{ source: "asc" }, { value: "asc" }] } }),
  }),
});

builder.prismaObject("EvaluationInput", {
  description: "Self, supervisor or peer (360) input. Peer input is anonymous.",
  fields: (t) => ({
    source: t.expose("source", { type: InputSourceEnum }),
    hasilKerja: t.expose("hasilKerja", { type: RatingLevelEnum, nullable: true }),
    comment: t.exposeString("comment"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("BehaviourRating", {
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

type Skp = Awaited<ReturnType<typeof loadSkp>>;

/** The SKP and period an evaluation is about, checked to belong together. */
async function loadEvaluationSubject(ctx: Context, input: { skpId: { id: string }; periodId: { id: string } }) {
  const skp = await loadSkp(ctx, input.skpId.id);
  const period = await loadInInstansi(ctx, "Period", input.periodId.id, (where) => ctx.prisma.period.findFirst({ where }));
  if (period.yearId !== skp.yearId) throw invalidInput(["input", "periodId"], "The period is not in the SKP's year.");
  return { skp, period };
}

/** The evaluation to write into, created on first input; a final one is closed. */
async function openEvaluation(tx: Prisma.TransactionClient, skp: Skp, periodId: string) {
  if (skp.status !== "AGREED") throw new ConflictError("Only an agreed SKP is evaluated.");
  const evaluation = await tx.evaluation.upsert({
    where: { skpId_periodId: { skpId: skp.id, periodId } },
    create: { instansiId: skp.instansiId, skpId: skp.id, periodId },
    update: {},
  });
  if (evaluation.status === "FINAL") throw new ConflictError("The evaluation is final.");
  return evaluation;
}

/** How the viewer may give input on this SKP; anyone outside the team is refused. */
async function sourceOfInput(ctx: Context, skp: Skp) {
  const viewer = ctx.viewer!;
  const place = viewer.employeeId
    ? await ctx.prisma.employee.findUnique({ where: { id: viewer.employeeId }, select: { supervisorId: true } })
    : null;
  const source = inputSourceFor(viewer, skp, place);
  if (!source) throw new ForbiddenError("Only the employee, their assessor and their team peers give evaluation input.");
  return source;
}

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
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const { skp, period } = await loadEvaluationSubject(ctx, input);
      const source = await sourceOfInput(ctx, skp);
      return ctx.prisma.$transaction(async (tx) => {
        const evaluation = await openEvaluation(tx, skp, period.id);
        for (const rating of input.ratings) {
          const key = { evaluationId: evaluation.id, raterId: viewer.employeeId!, value: rating.value };
          const before = await tx.behaviourRating.findUnique({ where: { evaluationId_raterId_value: key } });
          const fields = { level: rating.level, note: rating.note ?? null, source };
          const after = await tx.behaviourRating.upsert({
            where: { evaluationId_raterId_value: key },
            create: { instansiId: skp.instansiId, ...key, ...fields },
            update: fields,
          });
          await writeAudit(tx, viewer, { entity: "BehaviourRating", entityId: after.id, action: "rate", before, after });
        }
        return evaluation;
      });
    },
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
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const { skp, period } = await loadEvaluationSubject(ctx, input);
      const source = await sourceOfInput(ctx, skp);
      return ctx.prisma.$transaction(async (tx) => {
        const evaluation = await openEvaluation(tx, skp, period.id);
        const key = { evaluationId: evaluation.id, authorId: viewer.employeeId! };
        const before = await tx.evaluationInput.findUnique({ where: { evaluationId_authorId: key } });
        const fields = { source, hasilKerja: input.hasilKerja ?? null, comment: input.comment };
        const after = await tx.evaluationInput.upsert({
          where: { evaluationId_authorId: key },
          create: { instansiId: skp.instansiId, ...key, ...fields },
          update: fields,
        });
        await writeAudit(tx, viewer, { entity: "EvaluationInput", entityId: after.id, action: "submit", before, after });
        return evaluation;
      });
    },
  },
  { outputFields: (t) => ({ evaluation: t.field({ type: EvaluationRef, resolve: (evaluation) => evaluation }) }) },
);

/**
 * Each indicator with its latest approved realisation up to the end of the
 * period (realisations are cumulative), or, for a survey-measured one, the
 * citizens' result from the start of the year to the end of the period.
 */
async function indicatorResults(
  tx: Prisma.TransactionClient,
  skpId: string,
  period: { endsOn: Date; yearStart: Date },
): Promise<IndicatorResult[]> {
  const indicators = await tx.indicator.findMany({
    where: { rhk: { skpId } },
    include: {
      rhk: { select: { kind: true } },
      realisations: {
        where: { status: "APPROVED", period: { endsOn: { lte: period.endsOn } } },
        orderBy: { period: { endsOn: "desc" } },
        take: 1,
        select: { value: true },
      },
    },
  });
  return Promise.all(
    indicators.map(async (indicator) => ({
      main: indicator.rhk.kind === "UTAMA",
      target: indicator.targetValue.toNumber(),
      direction: indicator.direction,
      realised: indicator.sourceSurveyId
        ? await surveyRealisation(tx, indicator, period.yearStart, period.endsOn)
        : (indicator.realisations[0]?.value.toNumber() ?? null),
    })),
  );
}

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
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const { skp, period } = await loadEvaluationSubject(ctx, input);
      if (!isAssessorOf(viewer, skp)) throw new ForbiddenError("Only the SKP's assessor finalises its evaluation.");
      return ctx.prisma.$transaction(async (tx) => {
        const evaluation = await openEvaluation(tx, skp, period.id);
        const assessorRatings = await tx.behaviourRating.findMany({
          where: { evaluationId: evaluation.id, source: "SUPERVISOR" },
          select: { level: true },
        });
        const headedUnit = await tx.orgUnit.findUnique({
          where: { headId: skp.employeeId },
          select: { performances: { where: { yearId: skp.yearId }, select: { predikat: true } } },
        });
        const rating = finalRating({
          hasilKerja: input.hasilKerja,
          perilakuKerja: input.perilakuKerja,
          indicators: await indicatorResults(tx, skp.id, { endsOn: period.endsOn, yearStart: new Date(Date.UTC(skp.year.year, 0, 1)) }),
          assessorBehaviourLevels: assessorRatings.map((r) => r.level),
          headedUnitPredikat: headedUnit?.performances[0]?.predikat ?? null,
        });
        if (!rating.ok) throw new ConflictError(rating.reason);
        // Conditional on OPEN, so a concurrent finalisation cannot overwrite this one.
        const { count } = await tx.evaluation.updateMany({
          where: { id: evaluation.id, status: "OPEN" },
          data: {
            status: "FINAL",
            hasilKerja: rating.hasilKerja,
            perilakuKerja: rating.perilakuKerja,
            predikat: rating.predikat,
            finalisedById: viewer.employeeId,
            finalisedAt: new Date(),
          },
        });
        if (count === 0) throw new ConflictError("The evaluation is final.");
        const after = await tx.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
        await writeAudit(tx, viewer, { entity: "Evaluation", entityId: after.id, action: "finalise", before: evaluation, after });
        return after;
      });
    },
  },
  { outputFields: (t) => ({ evaluation: t.field({ type: EvaluationRef, resolve: (evaluation) => evaluation }) }) },
);
