import { createGraphQLError } from "graphql-yoga";
import { z } from "zod";
import { elements, type Element } from "../domain/ikm.ts";
import { RespondentEducation, RespondentOccupation, RespondentSex } from "../generated/prisma/enums.ts";
import type { PublicSurveyDefinition } from "../publication/snapshot.ts";
import { RateLimitedError, SpamSuspectedError, SurveyClosedError } from "../refusals.ts";
import { issueChallenge } from "../surveys/proof-of-work.ts";
import { submitSurveyResponse } from "../surveys/submit-response.ts";
import { builder, type SchemaTypes } from "./builder.ts";
import { ElementQuestionRef, LanguageEnum, SurveyElementEnum, SurveyQuestionKindEnum, SurveyResultRef, SurveyStatusEnum, templateQuestions } from "./survey.ts";

// The citizen's side of a survey: read it, get a proof-of-work challenge,
// submit once. Everything here is public (no login).

export const RespondentSexEnum = builder.enumType(RespondentSex, { name: "RespondentSex" });
export const RespondentEducationEnum = builder.enumType(RespondentEducation, { name: "RespondentEducation" });
export const RespondentOccupationEnum = builder.enumType(RespondentOccupation, { name: "RespondentOccupation" });

const PublicExtraQuestion = builder.objectRef<PublicSurveyDefinition["extraQuestions"][number] & { language: "ID" | "EN" }>("PublicSurveyQuestion").implement({
  fields: (t) => ({
    position: t.exposeInt("position"),
    kind: t.field({ type: SurveyQuestionKindEnum, resolve: (q) => q.kind as "TEXT" }),
    text: t.string({ resolve: (q) => (q.language === "EN" && q.textEn ? q.textEn : q.textId) }),
  }),
});

const PublicSurveyRef = builder.objectRef<PublicSurveyDefinition & { language: "ID" | "EN" }>("PublicSurvey").implement({
  description: "What a citizen sees of a survey.",
  fields: (t) => ({
    slug: t.exposeString("slug"),
    serviceName: t.exposeString("serviceName"),
    status: t.field({ type: SurveyStatusEnum, resolve: (s) => s.status as "OPEN" }),
    unitName: t.exposeString("unitName"),
    unitSlug: t.exposeString("unitSlug"),
    instansiName: t.exposeString("instansiName"),
    instansiSlug: t.exposeString("instansiSlug"),
    questions: t.field({ type: [ElementQuestionRef], resolve: (s) => templateQuestions(s.language) }),
    extraQuestions: t.field({ type: [PublicExtraQuestion], resolve: (s) => s.extraQuestions.map((q) => ({ ...q, language: s.language })) }),
    result: t.field({
      type: SurveyResultRef,
      nullable: true,
      description: "The unit's published result, once its scorecard is published and has at least 5 responses.",
      resolve: (s) => s.result,
    }),
  }),
});

builder.queryField("survey", (t) =>
  t.field({
    type: PublicSurveyRef,
    nullable: true,
    description: "A survey by its public slug, for the survey form. Draft surveys are not shown.",
    args: {
      slug: t.arg.string({ required: true, validate: z.string().max(64) }),
      language: t.arg({ type: LanguageEnum, defaultValue: "ID" }),
    },
    resolve: async (_root, args, ctx) => {
      const survey = (await ctx.publication.bySurvey(args.slug))?.body.surveys[args.slug];
      return survey ? { ...survey, language: args.language ?? "ID" } : null;
    },
  }),
);

const ChallengeRef = builder
  .objectRef<{ algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string }>("ProofOfWorkChallenge")
  .implement({
    description: "An ALTCHA challenge: find n ≤ maxnumber with SHA-256(salt + n) = challenge, then send the payload back.",
    fields: (t) => ({
      algorithm: t.exposeString("algorithm"),
      challenge: t.exposeString("challenge"),
      maxnumber: t.int({ resolve: (c) => c.maxnumber ?? 0 }),
      salt: t.exposeString("salt"),
      signature: t.exposeString("signature"),
    }),
  });

builder.queryField("surveyChallenge", (t) =>
  t.field({
    type: ChallengeRef,
    nullable: true,
    description: "A proof-of-work challenge to solve before submitting; null when this server does not ask for one. Harder for an address that sent many responses lately.",
    resolve: async (_root, _args, ctx) =>
      ctx.config.proofOfWork ? issueChallenge(ctx.config.proofOfWork, await ctx.submissionLimit.used(ctx.clientAddress)) : null,
  }),
);

const AnswerInput = builder.inputType("SurveyAnswerInput", {
  fields: (t) => ({
    element: t.field({ type: SurveyElementEnum, required: true }),
    value: t.int({ required: true, validate: z.number().int().min(1, "Answer with 1 to 4").max(4, "Answer with 1 to 4") }),
  }),
});

const ExtraAnswerInput = builder.inputType("SurveyExtraAnswerInput", {
  fields: (t) => ({
    position: t.int({ required: true, validate: z.number().int().min(0).max(19) }),
    answer: t.string({ required: true, validate: z.string().trim().min(1).max(1000) }),
  }),
});

/** What a respondent answered, as the input types carry it (online or from a paper questionnaire). */
export function answersOf(input: {
  answers: ReadonlyArray<{ element: Element; value: number }>;
  extraAnswers?: ReadonlyArray<{ position: number; answer: string }> | null;
  sex?: RespondentSex | null;
  age?: number | null;
  education?: RespondentEducation | null;
  occupation?: RespondentOccupation | null;
  serviceUsedAt?: Date | null;
  suggestion?: string | null;
}) {
  const extras = input.extraAnswers ?? [];
  return {
    answers: Object.fromEntries(input.answers.map((a) => [a.element, a.value])) as Record<Element, number>,
    extraAnswers: extras.length ? Object.fromEntries(extras.map((a) => [String(a.position), a.answer])) : null,
    sex: input.sex ?? null,
    age: input.age ?? null,
    education: input.education ?? null,
    occupation: input.occupation ?? null,
    serviceUsedAt: input.serviceUsedAt ?? null,
    suggestion: input.suggestion || null,
  };
}

/** The input fields of what a respondent answers, the same online and on a paper questionnaire. */
export function respondentAnswerFields(t: PothosSchemaTypes.InputFieldBuilder<SchemaTypes, "InputObject">) {
  return {
    answers: t.field({ type: [AnswerInput], required: true, validate: everyElementOnce }),
    extraAnswers: t.field({ type: [ExtraAnswerInput], required: false, validate: z.array(z.unknown()).max(20) }),
    sex: t.field({ type: RespondentSexEnum, required: false }),
    age: t.int({ required: false, validate: z.number().int().min(10).max(120) }),
    education: t.field({ type: RespondentEducationEnum, required: false }),
    occupation: t.field({ type: RespondentOccupationEnum, required: false }),
    suggestion: t.string({ required: false, validate: z.string().trim().max(2000, "Keep suggestions under 2000 characters") }),
  };
}

const everyElementOnce = z.array(z.looseObject({ element: z.string() })).superRefine((answers, issue) => {
  const given = answers.map((a) => a.element);
  const missing = elements.filter((element) => !given.includes(element));
  if (missing.length) issue.addIssue({ code: "custom", message: `Answer every element; missing ${missing.join(", ")}` });
  if (new Set(given).size !== given.length) issue.addIssue({ code: "custom", message: "Answer each element once" });
});

const ReceiptRef = builder.objectRef<{ id: string; createdAt: Date; duplicate: boolean }>("SurveyReceipt").implement({
  description: "Proof that a response is stored. Carries nothing about the respondent.",
  fields: (t) => ({
    receivedAt: t.field({ type: "DateTime", resolve: (r) => r.createdAt }),
    duplicate: t.exposeBoolean("duplicate", { description: "True when this idempotency key was already stored: nothing new was stored." }),
  }),
});

builder.relayMutationField(
  "submitSurveyResponse",
  {
    description:
      "Submits one anonymous SKM response. Send a client-generated idempotencyKey: sending the same key again " +
      "returns the first response and stores nothing new.",
    inputFields: (t) => ({
      survey: t.string({ required: true, validate: z.string().max(64), description: "The survey's public slug." }),
      idempotencyKey: t.string({
        required: true,
        validate: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, "Use 16–100 letters, digits, '-' or '_' (a UUID works)"),
      }),
      ...respondentAnswerFields(t),
      serviceUsedAt: t.field({ type: "DateTime", required: false }),
      answeredAt: t.field({
        type: "DateTime",
        required: false,
        description:
          "When the citizen answered, if the answers waited on the device (offline). Within the last 7 days, it decides the period the response counts in, " +
          "and a survey closed since still takes it; otherwise the time it arrives does.",
      }),
      website: t.string({ required: false, description: "Leave empty. (A field people do not see and bots fill in.)" }),
      proofOfWork: t.string({ required: false, validate: z.string().max(2000), description: "The solved surveyChallenge, base64." }),
    }),
  },
  {
    errors: { types: [SurveyClosedError, SpamSuspectedError] },
    resolve: (_root, { input }, ctx) => {
      const submission = { surveySlug: input.survey, idempotencyKey: input.idempotencyKey, ...answersOf(input), answeredAt: input.answeredAt ?? null };
      const sender = { address: ctx.clientAddress, limit: ctx.submissionLimit };
      return submitSurveyResponse({ prisma: ctx.prisma, publication: ctx.publication, recorder: ctx.responses }, ctx.config, sender, { submission, honeypot: input.website, proofOfWork: input.proofOfWork })
        .catch((error) => { throw error instanceof RateLimitedError ? tooManyRequests(error) : error; });
    },
  },
  {
    outputFields: (t) => ({
      receipt: t.field({ type: ReceiptRef, resolve: (r) => r }),
      result: t.field({
        type: SurveyResultRef,
        nullable: true,
        description:
          "The unit's published result, when it is public. Figures move only every 5 responses, so it rarely includes this one yet.",
        resolve: async (r, _args, ctx) => (await ctx.publication.byUnit(r.unitId))?.body.surveys[r.surveySlug]?.result ?? null,
      }),
    }),
  },
);

/** Not a typed result: the whole request is refused, as HTTP 429 with Retry-After. */
function tooManyRequests(error: RateLimitedError) {
  const headers = { "Retry-After": String(error.retryAfterSeconds) };
  return createGraphQLError(error.message, { extensions: { code: "RATE_LIMITED", http: { status: 429, headers } } });
}
