import { z } from "zod";
import { issueAccessToken, renewAccessToken } from "../access/grants.ts";
import type { Viewer } from "../access/viewer.ts";
import { visibleEmployees, visibleFeedback, visibleInstansi, visibleRecommendations, visibleSkps, visibleTrainings } from "../access/visibility.ts";
import { countInOneStatement, readInOneStatement } from "../db/one-statement-read.ts";
import { parseNip } from "../domain/nip.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { EmploymentType, PositionKind, Role } from "../generated/prisma/enums.ts";
import { createEmployee, updateEmployee } from "../organisation/employees.ts";
import { addFeedbackNote, recordTraining } from "../performance/development.ts";
import { builder } from "./builder.ts";
import { nameSchema } from "./inputs.ts";
import { OrgUnitRef } from "./organization.ts";

export const RoleEnum = builder.enumType(Role, { name: "Role" });
export const EmploymentTypeEnum = builder.enumType(EmploymentType, { name: "EmploymentType" });
export const PositionKindEnum = builder.enumType(PositionKind, {
  name: "PositionKind",
  description: "Jabatan pimpinan tinggi (JPT), administrator, pengawas, pelaksana or fungsional: a JPT's SKP lists perspectives; a functional position earns credit points.",
});

const nipSchema = z.string().superRefine((value, ctx) => {
  const parsed = parseNip(value);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.reason });
});
const textSchema = z.string().trim().min(2).max(200);

export const EmployeeRef = builder.prismaNode("Employee", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [visibleEmployees(ctx.viewer)] }),
  description: "An ASN employee (PNS or PPPK).",
  select: { id: true, nip: true, name: true },
  fields: (t) => ({
    nip: t.string({ description: "18-digit Nomor Induk Pegawai.", resolve: (employee) => employee.nip }),
    name: t.string({ resolve: (employee) => employee.name }),
    position: t.exposeString("position", { description: "Jabatan." }),
    rank: t.exposeString("rank", { description: "Pangkat/golongan." }),
    positionKind: t.expose("positionKind", { type: PositionKindEnum }),
    creditCoefficient: t.float({
      nullable: true,
      description: "A functional position's annual credit-point coefficient (angka kredit).",
      select: { creditCoefficient: true },
      resolve: (employee) => employee.creditCoefficient?.toNumber() ?? null,
    }),
    employmentType: t.expose("employmentType", { type: EmploymentTypeEnum }),
    active: t.exposeBoolean("active"),
    unit: t.relation("unit"),
    supervisor: t.relation("supervisor", {
      nullable: true,
      description: "The direct superior (pejabat penilai kinerja), when you may see them.",
      query: (_args, ctx) => ({ where: visibleEmployees(ctx.viewer) }),
    }),
    subordinates: t.relatedConnection("subordinates", {
      cursor: "id",
      totalCount: true,
      query: (_args, ctx) => ({ where: visibleEmployees(ctx.viewer), orderBy: { name: "asc" } }),
    }),
    skps: t.relation("skps", {
      description: "SKPs you may see, newest year first; `year` picks one year.",
      args: { year: t.arg.int({ required: false }) },
      query: (args, ctx) => ({
        where: { AND: [visibleSkps(ctx.viewer), args.year ? { year: { year: args.year } } : {}] },
        orderBy: { year: { year: "desc" } },
      }),
    }),
    feedback: t.relation("feedback", {
      description: "Continuous feedback notes about this employee, newest first: the employee's own, their direct supervisor's and the admin's to read.",
      query: (_args, ctx) => ({
        where: visibleFeedback(ctx.viewer),
        orderBy: { createdAt: "desc" },
      }),
    }),
    trainings: t.relation("trainings", {
      description: "Training records: the employee's own, their direct supervisor's and the admin's to read.",
      query: (_args, ctx) => ({ where: visibleTrainings(ctx.viewer), orderBy: { startsOn: "desc" } }),
    }),
    developmentRecommendations: t.relation("developmentRecommendations", {
      description: "Development recommended from evaluations, by target date; `open: true` for those no training has closed yet. Read as training records are.",
      args: { open: t.arg.boolean({ required: false }) },
      query: (args, ctx) => ({
        where: { AND: [visibleRecommendations(ctx.viewer), args.open === true ? { closedAt: null } : args.open === false ? { closedAt: { not: null } } : {}] },
        orderBy: [{ targetDate: "asc" }, { createdAt: "asc" }],
      }),
    }),
  }),
});

export const DevelopmentRecommendationRef = builder.prismaNode("DevelopmentRecommendation", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [visibleRecommendations(ctx.viewer)] }),
  description: "Development an assessor recommended from an evaluation; a training record closes it.",
  fields: (t) => ({
    title: t.exposeString("title"),
    targetDate: t.expose("targetDate", { type: "Date" }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    trainingRecord: t.relation("trainingRecord", { nullable: true }),
  }),
});

const FeedbackNoteRef = builder.prismaObject("FeedbackNote", {
  fields: (t) => ({
    id: t.exposeID("id"),
    body: t.exposeString("body"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    author: t.relation("author"),
  }),
});

const TrainingRecordRef = builder.prismaObject("TrainingRecord", {
  description: "Competency development (pengembangan kompetensi).",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    provider: t.exposeString("provider"),
    startsOn: t.expose("startsOn", { type: "Date" }),
    endsOn: t.expose("endsOn", { type: "Date" }),
    hours: t.exposeInt("hours", { description: "Jam pelajaran (JP)." }),
    certificateUrl: t.exposeString("certificateUrl", { nullable: true }),
  }),
});

const Me = builder.objectRef<{ accountId: string }>("Me").implement({
  description: "The caller.",
  fields: (t) => ({
    role: t.field({ type: RoleEnum, resolve: (_me, _args, ctx) => ctx.viewer!.role }),
    instansi: t.prismaField({
      type: "Instansi",
      resolve: (query, _me, _args, ctx) => ctx.prisma.instansi.findFirstOrThrow({ ...query, where: visibleInstansi(ctx.viewer) }),
    }),
    employee: t.prismaField({
      type: "Employee",
      nullable: true,
      resolve: (query, _me, _args, ctx) =>
        ctx.viewer!.employeeId ? ctx.prisma.employee.findUnique({ ...query, where: { id: ctx.viewer!.employeeId } }) : null,
    }),
  }),
});

builder.queryField("me", (t) =>
  t.field({ type: Me, authScopes: { viewer: true }, resolve: (_root, _args, ctx) => ({ accountId: ctx.viewer!.accountId }) }),
);

builder.queryField("employees", (t) =>
  t.prismaConnection({
    type: "Employee",
    cursor: "id",
    totalCount: (_root, args, ctx) => {
      const where = employeeFilter(args, ctx.viewer);
      return countInOneStatement(ctx.sql, "Employee", where, () => ctx.prisma.employee.count({ where }));
    },
    description: "Employees you may see, by name. Filter by unit and search by name or NIP.",
    authScopes: { viewer: true },
    args: {
      unitId: t.arg.globalID({ required: false, for: [OrgUnitRef] }),
      search: t.arg.string({ required: false, validate: z.string().trim().min(1).max(100) }),
    },
    resolve: (query, _root, args, ctx) => {
      const read = { ...query, where: employeeFilter(args, ctx.viewer), orderBy: [{ name: "asc" as const }, { id: "asc" as const }] };
      return readInOneStatement(ctx.sql, "Employee", read, () => ctx.prisma.employee.findMany(read));
    },
  }),
);

function employeeFilter(
  args: { unitId?: { id: string } | null; search?: string | null },
  viewer: Viewer | null,
): Prisma.EmployeeWhereInput {
  const search = args.search?.trim();
  return {
    AND: [
      visibleEmployees(viewer),
      args.unitId ? { unitId: args.unitId.id } : {},
      search
        ? /^\d+$/.test(search)
          ? { nip: { startsWith: search } }
          : { name: { contains: search, mode: "insensitive" } }
        : {},
    ],
  };
}

const coefficientSchema = z.number().positive().max(100).multipleOf(0.01);

const employeeFields = {
  name: nameSchema,
  position: textSchema,
  rank: z.string().trim().min(1).max(100),
};

builder.relayMutationField(
  "createEmployee",
  {
    inputFields: (t) => ({
      nip: t.string({ required: true, validate: nipSchema }),
      name: t.string({ required: true, validate: employeeFields.name }),
      position: t.string({ required: true, validate: employeeFields.position }),
      rank: t.string({ required: true, validate: employeeFields.rank }),
      employmentType: t.field({ type: EmploymentTypeEnum, required: false, defaultValue: "PNS" }),
      positionKind: t.field({ type: PositionKindEnum, required: false, defaultValue: "PELAKSANA" }),
      creditCoefficient: t.float({ required: false, validate: coefficientSchema }),
      unitId: t.globalID({ required: true, for: [OrgUnitRef] }),
      supervisorId: t.globalID({ required: false, for: [EmployeeRef] }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => createEmployee(scope, { ...input, unitId: input.unitId.id, supervisorId: input.supervisorId?.id ?? null })),
  },
  { outputFields: (t) => ({ employee: t.field({ type: EmployeeRef, resolve: (e) => e }) }) },
);

builder.relayMutationField(
  "updateEmployee",
  {
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: [EmployeeRef] }),
      name: t.string({ required: false, validate: employeeFields.name }),
      position: t.string({ required: false, validate: employeeFields.position }),
      rank: t.string({ required: false, validate: employeeFields.rank }),
      positionKind: t.field({ type: PositionKindEnum, required: false }),
      creditCoefficient: t.float({ required: false, validate: coefficientSchema }),
      unitId: t.globalID({ required: false, for: [OrgUnitRef] }),
      supervisorId: t.globalID({ required: false, for: [EmployeeRef] }),
      active: t.boolean({ required: false }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => updateEmployee(scope, { ...input, id: input.id.id, unitId: input.unitId?.id ?? null, supervisorId: input.supervisorId?.id ?? null })),
  },
  { outputFields: (t) => ({ employee: t.field({ type: EmployeeRef, resolve: (e) => e }) }) },
);

builder.relayMutationField(
  "issueAccessToken",
  {
    description: "Creates an account for an employee (or adds a token to theirs). The token is shown once.",
    inputFields: (t) => ({
      employeeId: t.globalID({ required: true, for: [EmployeeRef] }),
      role: t.field({ type: RoleEnum, required: true }),
      label: t.string({ required: false, validate: z.string().trim().min(1).max(100) }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => issueAccessToken(scope, { ...input, employeeId: input.employeeId.id }, ctx.config.tokenLifetimeDays)),
  },
  {
    outputFields: (t) => ({
      token: t.exposeString("token", { description: "The bearer token. Store it now: it cannot be shown again." }),
      expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When it stops working, unless renewed before (renewAccessToken)." }),
      employee: t.field({ type: EmployeeRef, resolve: (result) => result.employee }),
    }),
  },
);

builder.relayMutationField(
  "renewAccessToken",
  {
    description: "Swaps the token this request is sent with for a new one with a fresh expiry; the old one stops working at once. The new token is shown once.",
    inputFields: (t) => ({
      label: t.string({ required: false, validate: z.string().trim().min(1).max(100), description: "A new label; default: the old token's." }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => renewAccessToken(scope, ctx.config.tokenLifetimeDays, input.label ?? null)),
  },
  {
    outputFields: (t) => ({
      token: t.exposeString("token", { description: "The new bearer token. Store it now: it cannot be shown again." }),
      expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    }),
  },
);

builder.relayMutationField(
  "addFeedbackNote",
  {
    description: "Continuous feedback between an employee and their supervisor.",
    inputFields: (t) => ({
      employeeId: t.globalID({ required: true, for: [EmployeeRef] }),
      body: t.string({ required: true, validate: z.string().trim().min(1).max(4000) }),
    }),
  },
  {
    authScopes: { employee: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => addFeedbackNote(scope, { ...input, employeeId: input.employeeId.id })),
  },
  { outputFields: (t) => ({ note: t.field({ type: FeedbackNoteRef, resolve: (note) => note }) }) },
);

builder.relayMutationField(
  "recordTraining",
  {
    inputFields: (t) => ({
      employeeId: t.globalID({ required: true, for: [EmployeeRef] }),
      title: t.string({ required: true, validate: textSchema }),
      provider: t.string({ required: true, validate: textSchema }),
      startsOn: t.field({ type: "Date", required: true }),
      endsOn: t.field({ type: "Date", required: true }),
      hours: t.int({ required: true, validate: z.number().int().min(1).max(2000) }),
      certificateUrl: t.string({ required: false, validate: z.url({ protocol: /^https?$/ }).max(2000) }),
      closesRecommendationId: t.globalID({ required: false, for: [DevelopmentRecommendationRef], description: "An open recommendation this training fulfils." }),
    }),
    validate: z
      .looseObject({ startsOn: z.date(), endsOn: z.date() })
      .refine((input) => input.endsOn >= input.startsOn, { message: "endsOn must not be before startsOn", path: ["endsOn"] }),
  },
  {
    authScopes: { viewer: true },
    errors: {},
    resolve: (_root, { input }, ctx) =>
      ctx.perform((scope) => recordTraining(scope, { ...input, employeeId: input.employeeId.id, closesRecommendationId: input.closesRecommendationId?.id ?? null })),
  },
  { outputFields: (t) => ({ training: t.field({ type: TrainingRecordRef, resolve: (r) => r }) }) },
);
