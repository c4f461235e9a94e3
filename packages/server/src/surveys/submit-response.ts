import type { Runtime } from "../application/scope.ts";
import type { Config } from "../config.ts";
import { PublicFigureChanges } from "../publication/changes.ts";
import { ConflictError, NotFoundError, RateLimitedError, SpamSuspectedError, SurveyClosedError } from "../refusals.ts";
import { forgetExpiredProofs, verifyProof } from "./proof-of-work.ts";
import type { ResponseSubmission } from "./record-response.ts";
import type { ResponseRecorder } from "./response-recorder.ts";
import type { SubmissionLimit } from "./submission-limit.ts";

export interface PublicSubmission {
  submission: ResponseSubmission;
  /** The form's hidden field: people leave it empty, bots fill it in. */
  honeypot?: string | null;
  /** The solved proof-of-work challenge, base64. */
  proofOfWork?: string | null;
}

/** Who sends a response, for the per-address limit. */
export interface Sender {
  address: string;
  limit: SubmissionLimit;
}

/**
 * A citizen's anonymous response: spam checks, the sender's allowance, then
 * stored exactly once (idempotent by key) with the proof of work spent in
 * the same statement, batched with those arriving meanwhile
 * (ResponseRecorder). The unit's scorecard is announced after it is stored.
 */
export async function submitSurveyResponse(runtime: Pick<Runtime, "prisma" | "publication"> & { recorder: ResponseRecorder }, config: Pick<Config, "proofOfWork">, sender: Sender, input: PublicSubmission) {
  if (input.honeypot) throw new SpamSuspectedError("This submission looks automated.");
  const proof = config.proofOfWork ? await verifyProof(config.proofOfWork, input.proofOfWork) : null;
  // Counted only once the proof verifies: garbage proofs cannot use up the
  // allowance of an address that real people share (a service-counter kiosk).
  if (!config.proofOfWork || proof) {
    const retryAfterSeconds = await sender.limit.take(sender.address);
    if (retryAfterSeconds !== null) throw new RateLimitedError(retryAfterSeconds);
  }
  const outcome = await runtime.recorder.record({ submission: input.submission, ...(config.proofOfWork ? { proofOfWork: { proof } } : {}) });
  if (!outcome.ok) {
    switch (outcome.refusal.reason) {
      case "UNKNOWN_SURVEY":
        throw new NotFoundError("Survey", input.submission.surveySlug);
      case "SURVEY_NOT_OPEN":
        throw new SurveyClosedError(outcome.refusal.message);
      case "KEY_REUSED":
        throw new ConflictError("This idempotency key was used for different answers. Generate a new key for a new response.");
      case "PROOF_MISSING":
        throw new SpamSuspectedError("Solve the proof-of-work challenge (surveyChallenge) and send it.");
      case "PROOF_REUSED":
        throw new SpamSuspectedError("This proof-of-work was already used.");
    }
  }
  const { response, duplicate } = outcome;
  if (!duplicate && Math.random() < 0.01) forgetExpiredProofs(runtime.prisma).catch((error) => console.error("[proof-of-work]", error));
  if (!duplicate) {
    // Not awaited: a citizen's answer never waits for the publication, and
    // concurrent responses to one unit share one recomputation.
    const changes = new PublicFigureChanges();
    changes.response(response);
    changes.announce(runtime.publication).catch((error) => console.error("[publication]", error));
  }
  return { ...response, surveySlug: input.submission.surveySlug, duplicate };
}
