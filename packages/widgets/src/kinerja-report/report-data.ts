import type { PublicResult, Scorecard } from "../shared/operations.ts";

// What report.v1 returns (packages/server/src/publication/trusted-documents.ts).

export interface ProfileGroup {
  group: string;
  count: number;
}

export interface RespondentProfile {
  responseCount: number;
  channel: ProfileGroup[] | null;
  sex: ProfileGroup[] | null;
  age: ProfileGroup[] | null;
  education: ProfileGroup[] | null;
  occupation: ProfileGroup[] | null;
}

type ScorecardSurvey = Scorecard["surveys"][number];

export interface ReportSurvey {
  slug: string;
  serviceName: string;
  resultIn: (PublicResult & { sampleTarget: number; representative: boolean; elements: Array<{ element: string; nrr: number }> }) | null;
  periods: Array<
    ScorecardSurvey["periods"][number] & {
      startsOn: string;
      endsOn: string;
      result: { ikm: number; grade: string; responseCount: number } | null;
      respondents: RespondentProfile | null;
    }
  >;
}

export interface ReportUnit extends Omit<Scorecard, "surveys" | "instansiName"> {
  unitSlug: string;
  surveys: ReportSurvey[];
}

export interface Report {
  instansiName: string;
  year: number;
  units: ReportUnit[];
}
