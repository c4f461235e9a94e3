import { z } from "zod";
import { isAdmin } from "../auth/permissions.ts";
import { visibleEmployees, visibleSkps } from "../auth/visibility.ts";
import { parseNip } from "../domain/nip.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { EmploymentType, Role } from "../generated/prisma/enums.ts";
import { grantAccess } from "../setup/access.ts";
import { builder } from "./builder.ts";
import { ConflictError, ForbiddenError, invalidInput, mutationErrors } from "./errors.ts";
import { chainReaches, loadInInstansi } from "./lookup.ts";
import { nameSchema } from "./inputs.ts";
import { OrgUnitRef } from "./organization.ts";

export const RoleEnum = builder.enumType(Role, { name: "Role" });
export const EmploymentTypeEnum = builder.enumType(EmploymentType, { name: "EmploymentType" });

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
  fields: (t) => ({
    nip: t.exposeString("nip", { description: "18-digit Nomor Induk Pegawai." }),
    name: t.exposeString("name"),
    position: t.exposeString("position", { description: "Jabatan." }),
    rank: t.exposeString("rank", { description: "Pangkat/golongan." }),
    employmentType: t.expose("employmentType", { type: EmploymentTypeEnum }),
    active: t.exposeBoolean("active"),
    unit: t.relation("unit"),
    supervisor: t.relation("supervisor", {
      nullable: true,
      description: "The direct superior (pejabat penilai kinerja).",
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
      description: "Continuous feedback notes about this employee, newest first.",
      query: (_args, ctx) => ({
        where: { subject: visibleEmployees(ctx.viewer) },
        orderBy: { createdAt: "desc" },
      }),
    }),
    trainings: t.relation("trainings", { query: { orderBy: { startsOn: "desc" } } }),
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
      resolve: (query, _me, _args, ctx) => ctx.prisma.instansi.findUniqueOrThrow({ ...query, where: { id: ctx.viewer!.instansiId } }),
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
    totalCount: (_root, args, ctx) => ctx.prisma.employee.count({ where: employeeFilter(args, ctx.viewer) }),
    description: "Employees you may see, by name. Filter by unit and search by name or NIP.",
    authScopes: { viewer: true },
    args: {
      unitId: t.arg.globalID({ required: false, for: [OrgUnitRef] }),
      search: t.arg.string({ required: false, validate: z.string().trim().min(1).max(100) }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.employee.findMany({ ...query, where: employeeFilter(args, ctx.viewer), orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
);

function employeeFilter(
  args: { unitId?: { id: string } | null; search?: string | null },
  viewer: Parameters<typeof visibleEmployees>[0],
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
      unitId: t.globalID({ required: true, for: [OrgUnitRef] }),
      supervisorId: t.globalID({ required: false, for: [EmployeeRef] }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const instansiId = ctx.viewer!.instansiId;
      await loadInInstansi(ctx, "OrgUnit", input.unitId.id, (where) => ctx.prisma.orgUnit.findFirst({ where }));
      if (input.supervisorId) {
        await loadInInstansi(ctx, "Employee", input.supervisorId.id, (where) => ctx.prisma.employee.findFirst({ where }));
      }
      const taken = await ctx.prisma.employee.findUnique({ where: { instansiId_nip: { instansiId, nip: input.nip } } });
      if (taken) throw new ConflictError(`An employee with NIP ${input.nip} already exists.`);
      return ctx.prisma.employee.create({
        data: {
          instansiId,
          nip: input.nip,
          name: input.name,
          position: input.position,
          rank: input.rank,
          employmentType: input.employmentType ?? "PNS",
          unitId: input.unitId.id,
          supervisorId: input.supervisorId?.id ?? null,
        },
      });
    },
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
      unitId: t.globalID({ required: false, for: [OrgUnitRef] }),
      supervisorId: t.globalID({ required: false, for: [EmployeeRef] }),
      active: t.boolean({ required: false }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const employee = await loadInInstansi(ctx, "Employee", input.id.id, (where) => ctx.prisma.employee.findFirst({ where }));
      if (input.unitId) await loadInInstansi(ctx, "OrgUnit", input.unitId.id, (where) => ctx.prisma.orgUnit.findFirst({ where }));
      if (input.supervisorId) {
        const supervisorId = input.supervisorId.id;
        await loadInInstansi(ctx, "Employee", supervisorId, (where) => ctx.prisma.employee.findFirst({ where }));
        const reportsToEmployee = await chainReaches(supervisorId, employee.id, async (id) =>
          (await ctx.prisma.employee.findUnique({ where: { id }, select: { supervisorId: true } }))?.supervisorId ?? null,
        );
        if (reportsToEmployee) {
          throw invalidInput(["input", "supervisorId"], "An employee cannot be supervised by themselves or their own subordinate.");
        }
      }
      return ctx.prisma.employee.update({
        where: { id: employee.id },
        data: {
          ...(input.name ? { name: input.name } : {}),
          ...(input.position ? { position: input.position } : {}),
          ...(input.rank ? { rank: input.rank } : {}),
          ...(input.unitId ? { unitId: input.unitId.id } : {}),
          ...(input.supervisorId ? { supervisorId: input.supervisorId.id } : {}),
          ...(typeof input.active === "boolean" ? { active: input.active } : {}),
        },
      });
    },
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
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const employee = await loadInInstansi(ctx, "Employee", input.employeeId.id, (where) =>
        ctx.prisma.employee.findFirst({ where }),
      );
      const { token } = await ctx.prisma.$transaction((tx) =>
        grantAccess(tx, { instansiId: employee.instansiId, employee, role: input.role, label: input.label ?? "api" }),
      );
      return { token, employee };
    },
  },
  {
    outputFields: (t) => ({
      token: t.exposeString("token", { description: "The bearer token. Store it now: it cannot be shown again." }),
      employee: t.field({ type: EmployeeRef, resolve: (result) => result.employee }),
    }),
  },
);

builder.relayMutationField(
  "revokeAccessTokens",
  {
    description: "Revokes every token of an employee's account (a lost phone, a leaked token, someone who left). Takes effect at once.",
    inputFields: (t) => ({ employeeId: t.globalID({ required: true, for: [EmployeeRef] }) }),
  },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const employee = await loadInInstansi(ctx, "Employee", input.employeeId.id, (where) => ctx.prisma.employee.findFirst({ where }));
      const { count } = await ctx.prisma.apiToken.updateMany({
        where: { revokedAt: null, account: { employeeId: employee.id } },
        data: { revokedAt: new Date() },
      });
      return { employee, revoked: count };
    },
  },
  {
    outputFields: (t) => ({
      revoked: t.exposeInt("revoked", { description: "How many tokens were revoked." }),
      employee: t.field({ type: EmployeeRef, resolve: (result) => result.employee }),
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
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const subject = await loadInInstansi(ctx, "Employee", input.employeeId.id, (where) => ctx.prisma.employee.findFirst({ where }));
      const mayWrite = subject.id === viewer.employeeId || (viewer.role === "SUPERVISOR" && subject.supervisorId === viewer.employeeId);
      if (!mayWrite) throw new ForbiddenError("Only the employee and their direct supervisor write feedback notes.");
      return ctx.prisma.feedbackNote.create({
        data: { instansiId: viewer.instansiId, subjectId: subject.id, authorId: viewer.employeeId!, body: input.body },
      });
    },
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
      certificateUrl: t.string({ required: false, validate: z.url().max(2000) }),
    }),
    validate: z
      .looseObject({ startsOn: z.date(), endsOn: z.date() })
      .refine((input) => input.endsOn >= input.startsOn, { message: "endsOn must not be before startsOn", path: ["endsOn"] }),
  },
  {
    authScopes: { viewer: true },
    errors: { types: mutationErrors },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const employee = await loadInInstansi(ctx, "Employee", input.employeeId.id, (where) => ctx.prisma.employee.findFirst({ where }));
      if (!isAdmin(viewer) && employee.id !== viewer.employeeId) {
        throw new ForbiddenError("Training is recorded by the employee or the admin.");
      }
      return ctx.prisma.trainingRecord.create({
        data: {
          instansiId: viewer.instansiId,
          employeeId: employee.id,
          title: input.title,
          provider: input.provider,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          hours: input.hours,
          certificateUrl: input.certificateUrl ?? null,
        },
      });
    },
  },
  { outputFields: (t) => ({ training: t.field({ type: TrainingRecordRef, resolve: (r) => r }) }) },
);

