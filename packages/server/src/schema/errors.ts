import { PothosValidationError } from "@pothos/core";
import { ForbiddenError } from "@pothos/plugin-scope-auth";
import { InputValidationError, type StandardSchemaV1 } from "@pothos/plugin-validation";
import { builder } from "./builder.ts";

// Typed errors every mutation can return. Anything else thrown is an
// unexpected error: Yoga masks it and it is logged.

/** An ID that does not exist, or that belongs to another instansi (never told apart). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} was not found.`);
  }
}

/** The request is valid but the current state forbids it (e.g. approving twice). */
export class ConflictError extends Error {
  override name = "ConflictError";
}

export { ForbiddenError, InputValidationError };

/** An input problem found after the validation schema (e.g. by a domain rule). */
export function invalidInput(path: string[], message: string): InputValidationError {
  return new InputValidationError({ issues: [{ message, path }] });
}

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

/** The error types every mutation declares. */
export const mutationErrors = [InputValidationError, PothosValidationError, NotFoundError, ForbiddenError, ConflictError];
