import { z } from "zod";
import { isAssessorOf } from "../auth/permissions.ts";
import { visibleSkps } from "../auth/visibility.ts";
import { RealisationStatus } from "../generated/prisma/enums.ts";
import { writeAudit } from "./audit.ts";
import { builder } from "./builder.ts";
import { ConflictError, ForbiddenError, invalidInput, mutationErrors } from "./errors.ts";
import { loadInInstansi } from "./lookup.ts";
import { PeriodRef } from "./period.ts";
import { measureSchema } from "./inputs.ts";
import { IndicatorRef, loadSkp } from "./skp.ts";

export const RealisationStatusEnum = builder.enumType(RealisationStatus, {
  name: "RealisationStatus",
  description: "DRAFT → SUBMITTED → APPROVED, or RETURNED to the employee for correction.",
});

const ReviewDecisionEnum = builder.enumType("ReviewDecision", { values: ["APPROVE", "RETURN"] as const });

export const RealisationRef = builder.prismaNode("Realisation", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, indicator: { rhk: { skp: { AND: [visibleSkps(ctx.viewer)] } } } }),
  description: "What an indicator achieved by the end of a period, with evidence and the supervisor's review.",
  fields: (t) => ({
    value: t.float({ resolve: (realisation) => realisation.value.toNumber() }),
    evidenceUrl: t.exposeString("evidenceUrl", { nullable: true }),
    note: t.exposeString("note", { nullable: true }),
    status: t.expose("status", { type: RealisationStatusEnum }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    reviewedAt: t.expose("reviewedAt", { type: "DateTime", nullable: true }),
    reviewComment: t.exposeString("reviewComment", { nullable: true }),
    period: t.relation("period"),
    indicator: t.relation("indicator"),
  }),
});

builder.relayMutationField(
  "submitRealisation",
  {
    description: "The employee reports an indicator's realisation for a period, as a draft or for review.",
    inputFields: (t) => ({
      indicatorId: t.globalID({ required: true, for: [IndicatorRef] }),
      periodId: t.globalID({ required: true, for: [PeriodRef] }),
      value: t.float({ required: true, validate: measureSchema }),
      evidenceUrl: t.string({ required: false, validate: z.url({ protocol: /^https?$/ }).max(2000) }),
      note: t.string({ required: false, validate: z.string().trim().max(4000) }),
      draft: t.boolean({ required: false, defaultValue: false, description: "Keep it as a draft instead of submitting it." }),
    }),
  },
  {
    authScopes: { employee: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const indicator = await loadInInstansi(ctx, "Indicator", input.indicatorId.id, (where) =>
        ctx.prisma.indicator.findFirst({ where, include: { rhk: { select: { skpId: true } } } }),
      );
      const skp = await loadSkp(ctx, indicator.rhk.skpId);
      if (skp.employeeId !== viewer.employeeId) throw new ForbiddenError("Only the SKP's owner reports its realisations.");
      if (skp.status !== "AGREED") throw new ConflictError("Realisations are reported once the assessor has agreed the SKP.");
      if (indicator.sourceSurveyId) throw new ConflictError("This indicator is measured by a citizen survey; its realisation is computed.");
      const period = await loadInInstansi(ctx, "Period", input.periodId.id, (where) => ctx.prisma.period.findFirst({ where }));
      if (period.yearId !== skp.yearId || period.kind === "YEAR") {
        throw invalidInput(["input", "periodId"], "Choose a month or quarter of the SKP's year.");
      }
      const status = input.draft ? "DRAFT" : "SUBMITTED";
      const fields = {
        value: input.value,
        evidenceUrl: input.evidenceUrl ?? null,
        note: input.note ?? null,
        status,
        submittedAt: input.draft ? null : new Date(),
      } as const;
      return ctx.prisma.$transaction(async (tx) => {
        const before = await tx.realisation.findUnique({ where: { indicatorId_periodId: { indicatorId: indicator.id, periodId: period.id } } });
        if (before?.status === "SUBMITTED") throw new ConflictError("This realisation is awaiting review.");
        if (before?.status === "APPROVED") throw new ConflictError("This realisation is approved and can no longer change.");
        const after = before
          ? await tx.realisation.update({ where: { id: before.id }, data: fields })
          : await tx.realisation.create({ data: { instansiId: viewer.instansiId, indicatorId: indicator.id, periodId: period.id, ...fields } });
        await writeAudit(tx, viewer, { entity: "Realisation", entityId: after.id, action: input.draft ? "save" : "submit", before, after });
        return after;
      });
    },
  },
  { outputFields: (t) => ({ realisation: t.field({ type: RealisationRef, resolve: (realisation) => realisation }) }) },
);

builder.relayMutationField(
  "reviewRealisation",
  {
    description: "The assessor approves a submitted realisation or returns it with a comment.",
    inputFields: (t) => ({
      realisationId: t.globalID({ required: true, for: [RealisationRef] }),
      decision: t.field({ type: ReviewDecisionEnum, required: true }),
      comment: t.string({ required: false, validate: z.string().trim().min(1).max(4000) }),
    }),
  },
  {
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const realisation = await loadInInstansi(ctx, "Realisation", input.realisationId.id, (where) =>
        ctx.prisma.realisation.findFirst({ where, include: { indicator: { select: { rhk: { select: { skpId: true } } } } } }),
      );
      const skp = await loadSkp(ctx, realisation.indicator.rhk.skpId);
      if (!isAssessorOf(viewer, skp)) throw new ForbiddenError("Only the SKP's assessor reviews its realisations.");
      if (input.decision === "RETURN" && !input.comment) {
        throw invalidInput(["input", "comment"], "Say why the realisation is returned.");
      }
      const status = input.decision === "APPROVE" ? "APPROVED" : "RETURNED";
      return ctx.prisma.$transaction(async (tx) => {
        // Conditional on SUBMITTED, so two concurrent reviews cannot both succeed.
        const { count } = await tx.realisation.updateMany({
          where: { id: realisation.id, status: "SUBMITTED" },
          data: { status, reviewerId: viewer.employeeId, reviewedAt: new Date(), reviewComment: input.comment ?? null },
        });
        if (count === 0) throw new ConflictError(`Only a submitted realisation can be reviewed; this one is ${realisation.status.toLowerCase()}.`);
        const after = await tx.realisation.findUniqueOrThrow({ where: { id: realisation.id } });
        const { indicator: _indicator, ...before } = realisation;
        await writeAudit(tx, viewer, { entity: "Realisation", entityId: after.id, action: input.decision.toLowerCase(), before, after });
        return after;
      }).then(async (after) => {
        // A head of unit's approved results are the unit's published indicators.
        const headed = await ctx.prisma.orgUnit.findUnique({ where: { headId: skp.employeeId }, select: { id: true } });
        if (headed && after.status === "APPROVED") ctx.pubsub.publish("scorecardUpdated", headed.id, { unitId: headed.id });
        return after;
      });
    },
  },
  { outputFields: (t) => ({ realisation: t.field({ type: RealisationRef, resolve: (realisation) => realisation }) }) },
);
