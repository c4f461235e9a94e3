import SchemaBuilder, { PothosValidationError } from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { DateResolver, DateTimeResolver } from "graphql-scalars";
import { scopesOf, type AuthScopes } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { ConflictError, ForbiddenError, InputValidationError, NotFoundError } from "../refusals.ts";
import type PrismaTypes from "../generated/pothos-prisma-types.ts";
import { getDatamodel } from "../generated/pothos-prisma-types.ts";

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
    authScopes: (ctx) => scopesOf(ctx.viewer),
  },
  errors: {
    // Every field that declares `errors: {}` returns these typed refusals as results.
    defaultTypes: [InputValidationError, PothosValidationError, NotFoundError, ForbiddenError, ConflictError],
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

/** The builder's resolved types, for helpers that take Pothos field builders. */
export type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
