import { z } from "zod";
import { visibleSkps } from "../access/visibility.ts";
import { RealisationStatus } from "../generated/prisma/enums.ts";
import { reviewRealisation, submitRealisation } from "../performance/realisations.ts";
import { builder } from "./builder.ts";
import { measureSchema } from "./inputs.ts";
import { PeriodRef } from "./period.ts";
import { IndicatorRef } from "./skp.ts";

export const RealisationStatusEnum = builder.enumType(RealisationStatus, {
  name: "RealisationStatus",
  description: "DRAFT → SUBMITTED → APPROVED, or RETURNED to the employee for correction.",
});

export const ReviewDecisionEnum = builder.enumType("ReviewDecision", { values: ["APPROVE", "RETURN"] as const });

export const RealisationRef = builder.prismaNode("Realisation", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, indicator: { rhk: { skp: { AND: [visibleSkps(ctx.viewer)] } } } }),
  description: "What an indicator achieved by the end of a period, with evidence and the supervisor's review.",
  // Only the columns a query asks for: lists of realisations are the longest in a staff read.
  // What every row of a staff list shows is always loaded and resolves as a plain field: a field
  // Pothos selects on demand pays a selection lookup per row (as on Employee, Skp, Rhk, Indicator).
  select: { id: true, value: true, status: true },
  fields: (t) => ({
    value: t.float({ resolve: (realisation) => realisation.value.toNumber() }),
    evidenceUrl: t.exposeString("evidenceUrl", { nullable: true }),
    note: t.exposeString("note", { nullable: true }),
    status: t.field({ type: RealisationStatusEnum, resolve: (realisation) => realisation.status }),
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
    errors: {},
    resolve: (_root, { input }, ctx) =>
      ctx.perform((scope) => submitRealisation(scope, { ...input, indicatorId: input.indicatorId.id, periodId: input.periodId.id })),
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
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => reviewRealisation(scope, { ...input, realisationId: input.realisationId.id })),
  },
  { outputFields: (t) => ({ realisation: t.field({ type: RealisationRef, resolve: (realisation) => realisation }) }) },
);
