// @kinerja/server/testing: what the tests of the widgets, the examples and
// the benchmark need to put data in place without going through the API.
export { grantAccess } from "./access/grants.ts";
export { formatNip } from "./domain/nip.ts";
export { createYearWithPeriods } from "./organisation/performance-years.ts";
export { createSurveyPeriod } from "./surveys/periods.ts";
export { recordResponse, type ResponseSubmission } from "./surveys/record-response.ts";
export { scratchDatabase } from "./db/scratch-database.ts";
export { trustedDocuments } from "./publication/trusted-documents.ts";
