import { z } from "zod";
import { enterPaperResponses } from "../surveys/paper-entry.ts";
import { builder } from "./builder.ts";
import { SurveyRef } from "./survey.ts";
import { answersOf, respondentAnswerFields } from "./survey-response.ts";

// Paper questionnaires typed in by an operator (surveys/paper-entry.ts).

const PaperFormInput = builder.inputType("PaperQuestionnaireInput", {
  description: "One paper questionnaire, as written on it.",
  fields: (t) => ({
    formNumber: t.string({
      required: true,
      description: "The number written on the sheet (nomor kuesioner); a sheet entered twice counts once.",
      validate: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$/, "Use up to 40 letters, digits, '/', '.', '-' or '_'"),
    }),
    answeredOn: t.field({ type: "Date", required: true, description: "The date on the sheet: it decides the period the answers count in." }),
    ...respondentAnswerFields(t),
  }),
});

builder.relayMutationField(
  "enterPaperResponses",
  {
    description:
      "The unit's head or the admin types in paper questionnaires of a survey (up to 200 at once, all or none). " +
      "Each counts in the period of its date and is marked as paper in the exports.",
    inputFields: (t) => ({
      surveyId: t.globalID({ required: true, for: [SurveyRef] }),
      questionnaires: t.field({ type: [PaperFormInput], required: true, validate: z.array(z.unknown()).min(1).max(200) }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: {},
    resolve: (_root, { input }, ctx) =>
      ctx.perform((scope) =>
        enterPaperResponses(scope, {
          surveyId: input.surveyId.id,
          questionnaires: input.questionnaires.map((form) => ({ formNumber: form.formNumber.trim(), answeredOn: form.answeredOn, ...answersOf(form) })),
        }),
      ),
  },
  {
    outputFields: (t) => ({
      survey: t.field({ type: SurveyRef, resolve: (result) => result.survey }),
      entered: t.exposeInt("entered", { description: "Questionnaires stored now." }),
      duplicates: t.exposeStringList("duplicates", { description: "Numbers of questionnaires stored before with the same answers: not counted again." }),
    }),
  },
);
