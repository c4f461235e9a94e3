import { revokeAccessTokens } from "../access/grants.ts";
import { adminsInstansi, visibleEmployees } from "../access/visibility.ts";
import { builder } from "./builder.ts";
import { EmployeeRef, RoleEnum } from "./employee.ts";

// Who has API access: accounts and their tokens, for the admin to review and revoke.

export const AccountRef = builder.prismaNode("Account", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...adminsInstansi(ctx.viewer) }),
  description: "Someone's API access: an account with a role, and its tokens (admins only).",
  fields: (t) => ({
    name: t.exposeString("name"),
    role: t.expose("role", { type: RoleEnum }),
    employee: t.relation("employee", { nullable: true, description: "Null for an admin account of no employee.", query: (_args, ctx) => ({ where: visibleEmployees(ctx.viewer) }) }),
    tokens: t.relation("tokens", { description: "Newest first; never the token itself, which is stored only as a hash.", query: { orderBy: { createdAt: "desc" } } }),
  }),
});

builder.prismaObject("ApiToken", {
  name: "AccessToken",
  fields: (t) => ({
    label: t.exposeString("label"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true, description: "Null: does not expire (the first admin token)." }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("accounts", (t) =>
  t.prismaConnection({
    type: AccountRef,
    cursor: "id",
    description: "Everyone with API access to the instansi (admins only).",
    authScopes: { admin: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.account.findMany({ ...query, where: adminsInstansi(ctx.viewer), orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
);

builder.relayMutationField(
  "revokeAccessTokens",
  {
    description:
      "Revokes every token of an account (a lost phone, a leaked token, someone who left), named by its employee or, for an account of no employee, by the account. Takes effect at once.",
    inputFields: (t) => ({
      employeeId: t.globalID({ required: false, for: [EmployeeRef] }),
      accountId: t.globalID({ required: false, for: [AccountRef] }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => revokeAccessTokens(scope, { employeeId: input.employeeId?.id ?? null, accountId: input.accountId?.id ?? null })),
  },
  {
    outputFields: (t) => ({
      revoked: t.exposeInt("revoked", { description: "How many tokens were revoked." }),
      account: t.field({ type: AccountRef, nullable: true, resolve: (result) => result.account }),
      employee: t.field({ type: EmployeeRef, nullable: true, resolve: (result) => result.employee }),
    }),
  },
);
