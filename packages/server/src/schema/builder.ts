import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { DateResolver, DateTimeResolver } from "graphql-scalars";
import type { Context } from "../context.ts";
import type PrismaTypes from "../generated/pothos-prisma-types.ts";
import { getDatamodel } from "../generated/pothos-prisma-types.ts";

export interface AuthScopes {
  /** Any authenticated caller. */
  viewer: boolean;
  /** Pengelola kinerja of the caller's instansi. */
  admin: boolean;
  /** A caller with the supervisor role (pejabat penilai kinerja). */
  supervisor: boolean;
  /** A caller linked to an employee record. */
  employee: boolean;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  // Fields are non-null unless declared nullable: typed clients get honest types.
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
  };
}>({
  // Order matters: errors wraps scope-auth and validation, so their failures become typed results.
  defaultFieldNullability: false,
  plugins: [ErrorsPlugin, ScopeAuthPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      viewer: ctx.viewer !== null,
      admin: ctx.viewer?.role === "ADMIN",
      supervisor: ctx.viewer?.role === "SUPERVISOR",
      employee: Boolean(ctx.viewer?.employeeId),
    }),
  },
  errors: {
    directResult: true,
    // Validation runs before resolvers; its failures are returned as typed
    // InputValidationError results. They describe the input only, never data.
    unsafelyHandleInputErrors: true,
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 5,
    limit: { complexity: 50_000, depth: 12, breadth: 200 },
  },
});

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("Date", DateResolver);

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
