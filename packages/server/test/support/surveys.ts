import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { solveChallenge } from "altcha-lib/v1";
import type { Api } from "./api.ts";
import { graphql } from "../generated/gql.ts";
import type { SubmitProbeMutation, SubmitSurveyResponseInput, SurveyElement } from "../generated/graphql.ts";

/** Asks the server for a proof-of-work challenge and solves it, as the widget does. */
export async function solvedProof(api: Api): Promise<string | null> {
  const { data } = await api.document(null, "challenge.v1");
  const challenge = data.surveyChallenge;
  if (!challenge) return null;
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error("Proof of work not solvable");
  const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature };
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

export const elementCodes: readonly SurveyElement[] = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"];

/** A submitSurveyResponse input with the given scores for U1–U9. */
export function responseInput(survey: string, scores: readonly number[], extra: Partial<SubmitSurveyResponseInput> = {}): SubmitSurveyResponseInput {
  return {
    survey,
    idempotencyKey: randomUUID(),
    answers: elementCodes.map((element, i) => ({ element, value: scores[i]! })),
    ...extra,
  };
}

/** The submission with a wider selection than the widget's submit.v1, for suites that open the anonymous gate. */
export const submitMutation = graphql(`mutation SubmitProbe($input: SubmitSurveyResponseInput!) {
  submitSurveyResponse(input: $input) {
    __typename
    ... on Error { message }
    ... on InputValidationError { issues { path message } }
    ... on SubmitSurveyResponsePayload { receipt { receivedAt duplicate } result { responseCount ikm grade } }
  }
}`);

/** What a submission answers: its payload or one of its typed errors, or the request's errors (a 429, say). */
export type SubmitOutcome =
  | SubmitProbeMutation["submitSurveyResponse"]
  | { __typename?: undefined; errors: Array<{ message: string; extensions?: Record<string, unknown> }>; status: number };

/** The outcome, checked to be of `typename` and typed as such. */
export function outcomeOf<T extends NonNullable<SubmitOutcome["__typename"]>>(outcome: SubmitOutcome, typename: T): Extract<SubmitOutcome, { __typename: T }> {
  expect(outcome.__typename, JSON.stringify(outcome)).toBe(typename);
  return outcome as Extract<SubmitOutcome, { __typename: T }>;
}

/**
 * Submits with a fresh proof of work, as a citizen's widget does (the
 * trusted document submit.v1), or with `submitMutation`'s wider selection
 * where the API lets anonymous callers send it; returns the payload or error.
 */
export async function submit(api: Api, input: SubmitSurveyResponseInput, headers: Record<string, string> = {}): Promise<SubmitOutcome> {
  const proofOfWork = await solvedProof(api);
  const variables = { input: { ...input, proofOfWork } };
  const result = api.config.anonymousOperations === "any"
    ? await api.request(null, submitMutation, variables, headers)
    : await api.document<SubmitProbeMutation>(null, "submit.v1", variables, headers);
  if (result.errors) return { errors: result.errors, status: result.status };
  return result.data!.submitSurveyResponse;
}
