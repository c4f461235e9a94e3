import { z } from "zod";
import { latestTppRun, recordTppInputs, runTpp, setTppRules, type TppLine, type TppRunView } from "../allowance/tpp.ts";
import { tppPresets, type TppDeduction, type TppRules } from "../domain/tpp.ts";
import { builder } from "./builder.ts";
import { monthSchema } from "./inputs.ts";
import { InstansiRef } from "./organization.ts";

// The monthly regional allowance (allowance/tpp.ts, domain/tpp.ts).

const TppPresetEnum = builder.enumType("TppPreset", {
  values: Object.fromEntries(Object.keys(tppPresets).map((name) => [name, {}])) as Record<keyof typeof tppPresets, object>,
  description: "Rule sets after regional TPP rules: KEPAHIANG (60/40, proportional), BANGKA_BELITUNG (minute bands, 10% off a log not in by the 5th), KUTAI_KARTANEGARA (tiered absence cuts).",
});
const TppBasisEnum = builder.enumType("TppPerformanceBasis", {
  values: { PROPORTIONAL: { description: "Pays the achievement itself, up to 100%." }, BANDS: { description: "Pays the percentage of the first band reached." } },
});
const TppDeductionKindEnum = builder.enumType("TppDeductionKind", {
  values: {
    ABSENCE: { description: "Unexcused absent days, of the discipline part." },
    LATE_ARRIVAL: { description: "Late arrivals and early leaves, of the discipline part." },
    LATE_LOG: { description: "The month's work log not all submitted by the due day, of the whole." },
    UNVALIDATED_TEAM: { description: "The team's log left waiting for the assessor's review past the due day, of the whole." },
  },
});

const BandRef = builder.objectRef<{ minAchievement: number; pays: number }>("TppBand").implement({
  fields: (t) => ({ minAchievement: t.exposeFloat("minAchievement"), pays: t.exposeFloat("pays") }),
});
const TierRef = builder.objectRef<{ fromDay: number; cutPerDay: number }>("TppAbsenceTier").implement({
  fields: (t) => ({ fromDay: t.exposeInt("fromDay"), cutPerDay: t.exposeFloat("cutPerDay", { description: "% of the discipline part per day from fromDay on." }) }),
});
const DueCutRef = builder.objectRef<{ dueDay: number; cut: number }>("TppDueCut").implement({
  fields: (t) => ({ dueDay: t.exposeInt("dueDay", { description: "Day of the following month." }), cut: t.exposeFloat("cut", { description: "% of the whole." }) }),
});

const TppRulesRef = builder.objectRef<TppRules>("TppRules").implement({
  description: "How the instansi computes TPP: shares of the base, what performance pays, and the cuts.",
  fields: (t) => ({
    performanceShare: t.exposeFloat("performanceShare", { description: "% of the base paid for performance; the rest is the discipline part." }),
    performanceBasis: t.field({ type: TppBasisEnum, resolve: (rules) => rules.performance.basis }),
    bands: t.field({ type: [BandRef], resolve: (rules) => (rules.performance.basis === "BANDS" ? rules.performance.bands : []) }),
    absenceTiers: t.field({ type: [TierRef], resolve: (rules) => rules.absenceTiers }),
    lateArrivalCut: t.exposeFloat("lateArrivalCut", { description: "% of the discipline part per late arrival or early leave." }),
    lateLog: t.field({ type: DueCutRef, nullable: true, resolve: (rules) => rules.lateLog }),
    unvalidatedTeam: t.field({ type: DueCutRef, nullable: true, resolve: (rules) => rules.unvalidatedTeam }),
  }),
});

const DeductionRef = builder.objectRef<TppDeduction>("TppDeduction").implement({
  fields: (t) => ({
    kind: t.field({ type: TppDeductionKindEnum, resolve: (d) => d.kind }),
    count: t.exposeInt("count", { description: "Days, arrivals or entries counted." }),
    percent: t.exposeFloat("percent"),
    amount: t.exposeInt("amount", { description: "Rupiah." }),
  }),
});

const TppLineRef = builder.objectRef<TppLine>("TppLine").implement({
  description: "One employee's month: every input, the parts, each deduction and the net, in whole rupiah (each line rounded down).",
  fields: (t) => ({
    nip: t.exposeString("nip"),
    name: t.exposeString("name"),
    position: t.exposeString("position"),
    baseAmount: t.exposeInt("baseAmount"),
    absentDays: t.exposeInt("absentDays"),
    lateArrivals: t.exposeInt("lateArrivals"),
    approvedMinutes: t.exposeInt("approvedMinutes"),
    effectiveMinutes: t.exposeFloat("effectiveMinutes"),
    achievement: t.exposeFloat("achievement", { description: "Approved minutes as % of effective minutes, rounded down to two decimals." }),
    performanceBase: t.exposeInt("performanceBase"),
    performancePays: t.exposeFloat("performancePays", { description: "% of the performance part paid." }),
    performanceAmount: t.exposeInt("performanceAmount"),
    disciplineBase: t.exposeInt("disciplineBase"),
    disciplineDeductions: t.field({ type: [DeductionRef], resolve: (line) => line.disciplineDeductions }),
    disciplineAmount: t.exposeInt("disciplineAmount"),
    gross: t.exposeInt("gross"),
    deductions: t.field({ type: [DeductionRef], description: "Cuts of the whole.", resolve: (line) => line.deductions }),
    net: t.exposeInt("net"),
  }),
});

const TppRunRef = builder.objectRef<TppRunView>("TppRun").implement({
  description: "A month's TPP as computed, with the rule set it used.",
  fields: (t) => ({
    month: t.exposeString("month"),
    computedAt: t.expose("computedAt", { type: "DateTime" }),
    rules: t.field({ type: TppRulesRef, resolve: (run) => run.rules }),
    lines: t.field({ type: [TppLineRef], description: "Every employee for the admin; your own line for anyone else.", resolve: (run) => run.lines }),
    totalNet: t.int({ description: "Sum of the lines shown.", resolve: (run) => run.lines.reduce((total, line) => total + line.net, 0) }),
  }),
});

builder.prismaObjectFields(InstansiRef, (t) => ({
  tppRules: t.field({ type: TppRulesRef, nullable: true, select: { tppRules: true }, resolve: (instansi) => instansi.tppRules as TppRules | null }),
}));

builder.queryField("tppRun", (t) =>
  t.field({
    type: TppRunRef,
    nullable: true,
    description: "The latest TPP run of a month: every line for the admin, your own for anyone else; null before the month is run.",
    authScopes: { viewer: true },
    args: { month: t.arg.string({ required: true, validate: monthSchema }) },
    resolve: (_root, args, ctx) => ctx.read((scope) => latestTppRun(scope, args.month)),
  }),
);

const percentInput = z.number().min(0).max(100);
const BandInput = builder.inputType("TppBandInput", {
  fields: (t) => ({ minAchievement: t.float({ required: true, validate: percentInput }), pays: t.float({ required: true, validate: percentInput }) }),
});
const TierInput = builder.inputType("TppAbsenceTierInput", {
  fields: (t) => ({ fromDay: t.int({ required: true }), cutPerDay: t.float({ required: true, validate: percentInput }) }),
});
const DueCutInput = builder.inputType("TppDueCutInput", {
  fields: (t) => ({ dueDay: t.int({ required: true }), cut: t.float({ required: true, validate: percentInput }) }),
});
const RulesInput = builder.inputType("TppRulesInput", {
  description: "A rule set of the instansi's own (its Perkada).",
  fields: (t) => ({
    performanceShare: t.float({ required: true, validate: percentInput }),
    performanceBasis: t.field({ type: TppBasisEnum, required: true }),
    bands: t.field({ type: [BandInput], required: false, description: "For BANDS: from the highest minimum down." }),
    absenceTiers: t.field({ type: [TierInput], required: true }),
    lateArrivalCut: t.float({ required: true, validate: percentInput }),
    lateLog: t.field({ type: DueCutInput, required: false }),
    unvalidatedTeam: t.field({ type: DueCutInput, required: false }),
  }),
});

builder.relayMutationField(
  "setTppRules",
  {
    description: "The admin sets how TPP is computed: a preset, or rules of their own (exactly one).",
    inputFields: (t) => ({ preset: t.field({ type: TppPresetEnum, required: false }), rules: t.field({ type: RulesInput, required: false }) }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => {
      const own = input.rules;
      const rules = own && {
        performanceShare: own.performanceShare,
        performance: own.performanceBasis === "BANDS" ? { basis: "BANDS", bands: own.bands ?? [] } : { basis: own.performanceBasis },
        absenceTiers: own.absenceTiers,
        lateArrivalCut: own.lateArrivalCut,
        lateLog: own.lateLog ?? null,
        unvalidatedTeam: own.unvalidatedTeam ?? null,
      };
      return ctx.perform((scope) => setTppRules(scope, { preset: input.preset, rules }));
    },
  },
  { outputFields: (t) => ({ instansi: t.field({ type: InstansiRef, resolve: (instansi) => instansi }) }) },
);

const TppInputRow = builder.inputType("TppInputRow", {
  description: "One employee's month from the finance office (base) and the attendance system.",
  fields: (t) => ({
    nip: t.string({ required: true, validate: z.string().regex(/^\d{18}$/, "A NIP is 18 digits.") }),
    baseAmount: t.int({ required: true, validate: z.number().int().min(0).max(1_000_000_000), description: "Rupiah per month." }),
    absentDays: t.int({ required: true, validate: z.number().int().min(0).max(31) }),
    lateArrivals: t.int({ required: true, validate: z.number().int().min(0).max(100) }),
  }),
});

builder.relayMutationField(
  "recordTppInputs",
  {
    description: "The admin records a month's TPP inputs by NIP (up to 5,000 rows), replacing earlier ones of those employees; an unknown NIP refuses them all.",
    inputFields: (t) => ({
      month: t.string({ required: true, validate: monthSchema }),
      rows: t.field({ type: [TppInputRow], required: true, validate: z.array(z.unknown()).min(1).max(5000) }),
    }),
  },
  { authScopes: { admin: true }, errors: {}, resolve: (_root, { input }, ctx) => ctx.perform(async (scope) => ({ month: input.month, recorded: await recordTppInputs(scope, input) })) },
  { outputFields: (t) => ({ month: t.exposeString("month"), recorded: t.exposeInt("recorded", { description: "Employees with inputs for the month." }) }) },
);

builder.relayMutationField(
  "runTpp",
  {
    description: "The admin computes a month's TPP for every employee with inputs, once the month is over; the run is kept as computed.",
    inputFields: (t) => ({ month: t.string({ required: true, validate: monthSchema }) }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => runTpp(scope, input)),
  },
  { outputFields: (t) => ({ run: t.field({ type: TppRunRef, resolve: (run) => run }) }) },
);
