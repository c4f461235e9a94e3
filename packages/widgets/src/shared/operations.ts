// The operations the widgets send. Plain strings, checked against the
// server's schema.graphql by the widgets' tests.

export interface ElementQuestion {
  element: string;
  name: string;
  question: string;
  answers: string[];
}

export interface PublicResult {
  responseCount: number;
  ikm: number;
  grade: string;
  label: string;
}

export interface PublicSurvey {
  slug: string;
  serviceName: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  unitName: string;
  instansiName: string;
  questions: ElementQuestion[];
  extraQuestions: Array<{ position: number; kind: "TEXT" | "SCALE"; text: string }>;
}

export interface SubmitPayload {
  __typename: "SubmitSurveyResponsePayload";
  receipt: { receivedAt: string; duplicate: boolean };
  result: PublicResult | null;
}

export const surveyQuery = `query Survey($slug: String!, $language: Language) {
  survey(slug: $slug, language: $language) {
    slug serviceName status unitName instansiName
    questions { element name question answers }
    extraQuestions { position kind text }
  }
}`;

export const challengeQuery = `query Challenge { surveyChallenge { algorithm challenge maxnumber salt signature } }`;

export const submitMutation = `mutation Submit($input: SubmitSurveyResponseInput!) {
  submitSurveyResponse(input: $input) {
    __typename
    ... on Error { message }
    ... on SubmitSurveyResponsePayload { receipt { receivedAt duplicate } result { responseCount ikm grade label } }
  }
}`;

const scorecardFields = `instansiName unitName year predikatYear
  surveys {
    slug serviceName status
    result { responseCount ikm grade label sampleTarget representative elements { element nrr } }
    periods { label result { ikm responseCount } ikmChange }
  }
  indicators { description target targetUnit realised realisedIn achievedPercent direction }
  predikatDistribution { predikat label count }`;

export const scorecardQuery = `query Scorecard($instansi: String!, $unit: String!) { scorecard(instansi: $instansi, unit: $unit) { ${scorecardFields} } }`;
export const scorecardSubscription = `subscription ScorecardUpdated($instansi: String!, $unit: String!) { scorecardUpdated(instansi: $instansi, unit: $unit) { ${scorecardFields} } }`;

export interface Scorecard {
  instansiName: string;
  unitName: string;
  year: number | null;
  predikatYear: number | null;
  surveys: Array<{
    slug: string;
    serviceName: string;
    status: string;
    result: (PublicResult & { sampleTarget: number; representative: boolean; elements: Array<{ element: string; nrr: number }> }) | null;
    periods: Array<{ label: string; result: { ikm: number; responseCount: number } | null; ikmChange: number | null }>;
  }>;
  indicators: Array<{
    description: string;
    target: number;
    targetUnit: string;
    realised: number | null;
    realisedIn: string | null;
    achievedPercent: number | null;
    direction: string;
  }>;
  predikatDistribution: Array<{ predikat: string; label: string; count: number }> | null;
}
