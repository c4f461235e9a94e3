import { builder } from "./builder.ts";
// One module per area; each registers its types, queries and mutations.
import "./errors.ts";
import "./organization.ts";
import "./employee.ts";
import "./unit-mutations.ts";
import "./access.ts";
import "./period.ts";
import "./skp.ts";
import "./realisation.ts";
import "./work-log.ts";
import "./roster.ts";
import "./evaluation.ts";
import "./review-chain.ts";
import "./tpp.ts";
import "./kurva.ts";
import "./survey.ts";
import "./follow-up.ts";
import "./forum.ts";
import "./survey-response.ts";
import "./paper-entry.ts";
import "./scorecard.ts";
import "./audit.ts";

export const schema = builder.toSchema();
