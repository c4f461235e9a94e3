import { ForbiddenError } from "@pothos/plugin-scope-auth";
import { InputValidationError } from "@pothos/plugin-validation";

// Typed refusals of a use case. The application layer throws them; the
// schema returns them as typed results (errors plugin), the HTTP routes as
// status codes. Anything else thrown is an unexpected error: masked and logged.

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

/** The survey is not accepting responses (draft, closed, or no period today). */
export class SurveyClosedError extends Error {
  override name = "SurveyClosedError";
}

/** The submission looks automated: honeypot filled, or proof-of-work missing, wrong or reused. */
export class SpamSuspectedError extends Error {
  override name = "SpamSuspectedError";
}

/** Too many submissions from one address: a request error (HTTP 429 with Retry-After), not a typed result. */
export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  constructor(readonly retryAfterSeconds: number) {
    super("Too many survey responses from this address; try again later.");
  }
}

// The caller's role or relationship does not allow this: the same class the
// schema's scope checks throw, so both reach the client as ForbiddenError.
export { ForbiddenError, InputValidationError };

/** An input problem found by a rule (after the input's own validation). */
export function invalidInput(path: string[], message: string): InputValidationError {
  return new InputValidationError({ issues: [{ message, path }] });
}
