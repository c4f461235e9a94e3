// The operations the widgets send, by the IDs of the server's trusted
// documents (packages/server/src/publication/trusted-documents.ts): no query
// text travels or ships in the bundle. The shapes below are what they return.

export const documents = {
  survey: "survey.v1",
  challenge: "challenge.v1",
  submit: "submit.v1",
  scorecard: "scorecard.v1",
  scorecardUpdated: "scorecard-updated.v1",
  report: "report.v1",
} as const;

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

export interface Scorecard {
  instansiName: string;
  unitName: string;
  year: number | null;
  predikatYear: number | null;
  /** The unit's IKM across its services; null unless it surveys two or more. */
  unitResult: { result: PublicResult | null } | null;
  surveys: Array<{
    slug: string;
    serviceName: string;
    status: string;
    result: (PublicResult & { sampleTarget: number; representative: boolean; elements: Array<{ element: string; nrr: number }> }) | null;
    periods: Array<{
      label: string;
      result: { ikm: number; responseCount: number } | null;
      ikmChange: number | null;
      followUp: Array<{ element: string; action: string; responsible: string; dueOn: string; status: "PLANNED" | "IN_PROGRESS" | "DONE" }>;
    }>;
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
  commitments: Array<{
    commitment: string;
    status: "PROMISED" | "IN_PROGRESS" | "DONE" | "DROPPED";
    dueOn: string | null;
    note: string | null;
    aspiration: string | null;
    forum: { title: string; kind: string; heldOn: string; place: string; participants: number };
  }>;
}
