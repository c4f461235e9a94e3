import { z } from "zod";
import { adminsInstansi } from "../access/visibility.ts";
import { FollowUpStatus } from "../generated/prisma/enums.ts";
import { planFollowUp, updateFollowUp } from "../surveys/follow-up.ts";
import { builder } from "./builder.ts";
import { IndicatorRef } from "./skp.ts";
import { SurveyElementEnum, SurveyPeriodRef } from "./survey.ts";

// Follow-up plans for survey results (surveys/follow-up.ts). The public
// scorecard shows them (schema/scorecard.ts); the admin reads them here.

export const FollowUpStatusEnum = builder.enumType(FollowUpStatus, { name: "FollowUpStatus" });

const actionText = z.string().trim().min(5).max(1000);
const responsibleText = z.string().trim().min(2).max(200);

export const FollowUpActionRef = builder.prismaNode("FollowUpAction", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...adminsInstansi(ctx.viewer) }),
  description: "One action of a unit's follow-up plan (rencana tindak lanjut) for a weak element of a survey period.",
  fields: (t) => ({
    element: t.expose("element", { type: SurveyElementEnum }),
    action: t.exposeString("action"),
    responsible: t.exposeString("responsible", { description: "The position that carries it out; published with the plan." }),
    dueOn: t.expose("dueOn", { type: "Date" }),
    status: t.expose("status", { type: FollowUpStatusEnum }),
    evidence: t.exposeString("evidence", { nullable: true, description: "What shows it was done; published in the SKM report of the next period (its follow-up report)." }),
    trackedBy: t.globalID({
      nullable: true,
      description: "The ID of the head's SKP indicator that tracks it (measured by the same survey element).",
      resolve: (action) => (action.indicatorId ? { type: "Indicator", id: action.indicatorId } : null),
    }),
  }),
});

builder.prismaObjectFields(SurveyPeriodRef, (t) => ({
  followUp: t.relation("followUps", { description: "The unit's follow-up plan for this period.", query: { orderBy: [{ element: "asc" }, { createdAt: "asc" }] } }),
}));

builder.relayMutationField(
  "planFollowUp",
  {
    description: "The unit's head or the admin plans an action for a weak element of a survey period; the public scorecard shows it.",
    inputFields: (t) => ({
      surveyPeriodId: t.globalID({ required: true, for: [SurveyPeriodRef] }),
      element: t.field({ type: SurveyElementEnum, required: true }),
      action: t.string({ required: true, validate: actionText }),
      responsible: t.string({ required: true, validate: responsibleText }),
      dueOn: t.field({ type: "Date", required: true }),
      indicatorId: t.globalID({ required: false, for: [IndicatorRef], description: "An indicator of the head's SKP measured by this survey element, which tracks the action." }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: {},
    resolve: (_root, { input }, ctx) =>
      ctx.perform((scope) => planFollowUp(scope, { ...input, surveyPeriodId: input.surveyPeriodId.id, indicatorId: input.indicatorId?.id ?? null })),
  },
  { outputFields: (t) => ({ followUp: t.field({ type: FollowUpActionRef, resolve: (action) => action }) }) },
);

builder.relayMutationField(
  "updateFollowUp",
  {
    description: "Reports an action's progress (status, evidence; DONE needs evidence) or revises it.",
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: [FollowUpActionRef] }),
      status: t.field({ type: FollowUpStatusEnum, required: false }),
      evidence: t.string({ required: false, validate: z.string().trim().min(3).max(2000), description: "What shows it was done (a link or a short account); published in the next period's SKM report." }),
      action: t.string({ required: false, validate: actionText }),
      responsible: t.string({ required: false, validate: responsibleText }),
      dueOn: t.field({ type: "Date", required: false }),
      indicatorId: t.globalID({ required: false, for: [IndicatorRef] }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => updateFollowUp(scope, { ...input, id: input.id.id, indicatorId: input.indicatorId?.id ?? null })),
  },
  { outputFields: (t) => ({ followUp: t.field({ type: FollowUpActionRef, resolve: (action) => action }) }) },
);
