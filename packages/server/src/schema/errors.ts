import { PothosValidationError } from "@pothos/core";
import type { StandardSchemaV1 } from "@pothos/plugin-validation";
import { ConflictError, ForbiddenError, InputValidationError, NotFoundError, SpamSuspectedError, SurveyClosedError } from "../refusals.ts";
import { builder } from "./builder.ts";

// The GraphQL face of the typed refusals (refusals.ts). Fields that declare
// `errors: {}` return the builder's default types as results.

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  description: "A typed failure of a mutation. Nothing was written.",
  fields: (t) => ({ message: t.exposeString("message") }),
});

const InputValidationIssue = builder.objectRef<StandardSchemaV1.Issue>("InputValidationIssue").implement({
  fields: (t) => ({
    message: t.exposeString("message"),
    path: t.stringList({
      description: "Where in the input the problem is, e.g. [\"input\", \"nip\"].",
      resolve: (issue) => issue.path?.map((part) => String(typeof part === "object" ? part.key : part)) ?? [],
    }),
  }),
});

builder.objectType(InputValidationError, {
  name: "InputValidationError",
  description: "The input is malformed or out of range.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ issues: t.field({ type: [InputValidationIssue], resolve: (error) => error.issues }) }),
});

// Raised while arguments are decoded, before any resolver runs: an ID of the
// wrong type ("ID: … is not of type: OrgUnit") or a malformed global ID.
builder.objectType(PothosValidationError, {
  name: "InvalidArgumentError",
  description: "An argument could not be read, e.g. an ID of the wrong type.",
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "An ID does not exist or is not yours to see.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ entity: t.exposeString("entity"), id: t.exposeID("id") }),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  description: "The caller's role or relationship does not allow this.",
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  description: "The request conflicts with the record's current state.",
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(SurveyClosedError, {
  name: "SurveyClosedError",
  description: "The survey is not accepting responses now. Nothing was stored.",
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(SpamSuspectedError, {
  name: "SpamSuspectedError",
  description: "The submission looks automated (honeypot filled, proof-of-work missing or reused). Nothing was stored.",
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
