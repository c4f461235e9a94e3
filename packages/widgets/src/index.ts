export { KinerjaSurvey } from "./kinerja-survey/define.ts";
export { KinerjaScorecard } from "./kinerja-scorecard/define.ts";

declare global {
  interface HTMLElementEventMap {
    "kinerja-submitted": CustomEvent<{ survey: string; receivedAt: string; duplicate: boolean }>;
    "kinerja-error": CustomEvent<{ survey?: string; code: string; message: string }>;
  }
}
