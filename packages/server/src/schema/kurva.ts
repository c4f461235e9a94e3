import type { KurvaViolation } from "../domain/kurva.ts";
import { predikatLabel } from "../domain/predikat.ts";
import { checkDistribution, countPredikats, setUnitPredikat, type Distribution, type PredikatCount } from "../performance/distribution.ts";
import { builder } from "./builder.ts";
import { EmployeeRef } from "./employee.ts";
import { PredikatEnum } from "./evaluation.ts";
import { yearSchema } from "./inputs.ts";
import { OrgUnitRef, UnitPredikatEnum } from "./organization.ts";

// The distribution curve (kurva): a unit's own predikat bounds how its
// employees' predikat may be spread (PermenPANRB 6/2022).

builder.relayMutationField(
  "setUnitPredikat",
  {
    description: "Records the unit's own predikat for a year, from its performance agreement.",
    inputFields: (t) => ({
      unitId: t.globalID({ required: true, for: [OrgUnitRef] }),
      year: t.int({ required: true, validate: yearSchema }),
      predikat: t.field({ type: UnitPredikatEnum, required: true }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => setUnitPredikat(scope, { ...input, unitId: input.unitId.id })),
  },
  { outputFields: (t) => ({ unit: t.field({ type: OrgUnitRef, resolve: (unit) => unit }) }) },
);

/** How many people got one predikat: the kurva check and the public scorecard both count with it. */
export const PredikatCountRef = builder.objectRef<PredikatCount>("PredikatCount").implement({
  fields: (t) => ({
    predikat: t.expose("predikat", { type: PredikatEnum }),
    label: t.string({ resolve: (row) => predikatLabel[row.predikat] }),
    count: t.exposeInt("count"),
  }),
});

const KurvaViolationRef = builder.objectRef<KurvaViolation>("KurvaViolation").implement({
  description: "One bound of the curve the distribution breaks.",
  fields: (t) => ({
    predikats: t.field({ type: [PredikatEnum], resolve: (v) => [...v.rule.predikats] }),
    bound: t.string({ description: "AT_MOST or AT_LEAST.", resolve: (v) => v.rule.bound }),
    percent: t.int({ nullable: true, resolve: (v) => v.rule.percent ?? null }),
    minimumCount: t.int({ nullable: true, resolve: (v) => v.rule.minimumCount ?? null }),
    count: t.exposeInt("count", { description: "Employees with one of these predikat." }),
    total: t.exposeInt("total", { description: "Rated employees in the unit." }),
    message: t.string({ resolve: describeViolation }),
  }),
});

function describeViolation(v: KurvaViolation): string {
  const names = v.rule.predikats.map((p) => predikatLabel[p]).join(" or ");
  const limit =
    v.rule.minimumCount !== undefined
      ? `at least ${v.rule.minimumCount}`
      : `${v.rule.bound === "AT_MOST" ? "at most" : "at least"} ${v.rule.percent}%`;
  return `${names}: ${limit} allowed, ${v.count} of ${v.total} given.`;
}

const DistributionRef = builder.objectRef<Distribution>("PredikatDistribution").implement({
  fields: (t) => ({
    unitPredikat: t.expose("unitPredikat", { type: UnitPredikatEnum }),
    total: t.int({ resolve: (d) => d.predikats.length }),
    counts: t.field({
      type: [PredikatCountRef],
      resolve: (d) => countPredikats(d.predikats),
    }),
    violations: t.field({ type: [KurvaViolationRef], resolve: (d) => d.violations }),
    fits: t.boolean({ description: "True when no bound is broken.", resolve: (d) => d.violations.length === 0 }),
  }),
});

const WhatIfInput = builder.inputType("PredikatWhatIf", {
  description: "Assume this predikat for one employee of the unit.",
  fields: (t) => ({
    employeeId: t.globalID({ required: true, for: [EmployeeRef] }),
    predikat: t.field({ type: PredikatEnum, required: true }),
  }),
});

builder.queryField("predikatDistribution", (t) =>
  t.field({
    type: DistributionRef,
    description:
      "Checks the unit's annual employee predikat against the curve its own predikat allows. " +
      "`whatIf` assumes predikat for some employees (or the unit) without saving anything.",
    authScopes: { admin: true, supervisor: true },
    errors: {},
    args: {
      unitId: t.arg.globalID({ required: true, for: [OrgUnitRef] }),
      year: t.arg.int({ required: true, validate: yearSchema }),
      whatIf: t.arg({ type: [WhatIfInput], required: false }),
      whatIfUnitPredikat: t.arg({ type: UnitPredikatEnum, required: false }),
    },
    resolve: (_root, args, ctx) =>
      ctx.read((scope) =>
        checkDistribution(scope, { ...args, unitId: args.unitId.id, whatIf: args.whatIf?.map((w) => ({ ...w, employeeId: w.employeeId.id })) }),
      ),
  }),
);
