// The report bundle (kinerja-report.js): its own file, so pages with only the survey or the scorecard never load it.
export { KinerjaReport } from "./kinerja-report/define.ts";
