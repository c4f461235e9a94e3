import { checkKurva, type KurvaViolation } from "../domain/kurva.ts";
import { predikatLabel, predikats, type Predikat } from "../domain/predikat.ts";
import type { UnitPredikat } from "../generated/prisma/enums.ts";
import { writeAudit } from "./audit.ts";
import { builder } from "./builder.ts";
import { EmployeeRef } from "./employee.ts";
import { ForbiddenError, invalidInput, mutationErrors } from "./errors.ts";
import { loadInInstansi } from "./lookup.ts";
import { OrgUnitRef, UnitPredikatEnum } from "./organization.ts";
import { PredikatEnum } from "./evaluation.ts";
import { yearSchema } from "./inputs.ts";
import { loadPerformanceYear } from "./period.ts";

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
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const unit = await loadInInstansi(ctx, "OrgUnit", input.unitId.id, (where) => ctx.prisma.orgUnit.findFirst({ where }));
      const year = await loadPerformanceYear(ctx, input.year);
      await ctx.prisma.$transaction(async (tx) => {
        const key = { unitId: unit.id, yearId: year.id };
        const before = await tx.unitPerformance.findUnique({ where: { unitId_yearId: key } });
        const after = await tx.unitPerformance.upsert({
          where: { unitId_yearId: key },
          create: { instansiId: viewer.instansiId, ...key, predikat: input.predikat },
          update: { predikat: input.predikat },
        });
        await writeAudit(tx, viewer, { entity: "UnitPerformance", entityId: after.id, action: "set", before, after });
      });
      return unit;
    },
  },
  { outputFields: (t) => ({ unit: t.field({ type: OrgUnitRef, resolve: (unit) => unit }) }) },
);

interface Distribution {
  unitPredikat: UnitPredikat;
  predikats: Predikat[];
  violations: KurvaViolation[];
}

const PredikatCount = builder.objectRef<{ predikat: Predikat; count: number }>("PredikatCount").implement({
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
      type: [PredikatCount],
      resolve: (d) => predikats.map((predikat) => ({ predikat, count: d.predikats.filter((p) => p === predikat).length })),
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
    errors: { types: mutationErrors },
    args: {
      unitId: t.arg.globalID({ required: true, for: [OrgUnitRef] }),
      year: t.arg.int({ required: true, validate: yearSchema }),
      whatIf: t.arg({ type: [WhatIfInput], required: false }),
      whatIfUnitPredikat: t.arg({ type: UnitPredikatEnum, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const unit = await loadInInstansi(ctx, "OrgUnit", args.unitId.id, (where) => ctx.prisma.orgUnit.findFirst({ where }));
      if (viewer.role !== "ADMIN" && unit.headId !== viewer.employeeId) {
        throw new ForbiddenError("Only the head of the unit and the admin check its distribution.");
      }
      const year = await loadPerformanceYear(ctx, args.year);
      const stored = await ctx.prisma.unitPerformance.findUnique({ where: { unitId_yearId: { unitId: unit.id, yearId: year.id } } });
      const unitPredikat = args.whatIfUnitPredikat ?? stored?.predikat;
      if (!unitPredikat) throw invalidInput(["whatIfUnitPredikat"], "The unit has no predikat for this year yet: set it or assume one.");
      const members = await ctx.prisma.employee.findMany({
        where: { unitId: unit.id, active: true },
        select: {
          id: true,
          skps: {
            where: { yearId: year.id },
            select: { evaluations: { where: { status: "FINAL", period: { kind: "YEAR" } }, select: { predikat: true } } },
          },
        },
      });
      const assumed = new Map((args.whatIf ?? []).map((w) => [w.employeeId.id, w.predikat]));
      const memberIds = new Set(members.map((m) => m.id));
      const strangerIndex = (args.whatIf ?? []).findIndex((w) => !memberIds.has(w.employeeId.id));
      if (strangerIndex >= 0) throw invalidInput(["whatIf", String(strangerIndex), "employeeId"], "Not an employee of this unit.");
      const given = members.flatMap((member) => {
        const predikat = assumed.get(member.id) ?? member.skps[0]?.evaluations[0]?.predikat;
        return predikat ? [predikat] : [];
      });
      return { unitPredikat, predikats: given, violations: checkKurva(unitPredikat, given) };
    },
  }),
);
