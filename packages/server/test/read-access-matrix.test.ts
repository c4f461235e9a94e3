import { getNamedType, isObjectType, type GraphQLField, type GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";

// The read-access matrix: every role reads everything it can reach — every
// root list and every relation field, three levels deep — and every
// employee, SKP and survey found anywhere in the answers must be one the
// policy (README, "Who sees what") lets that role see. A relation field
// added without a filter shows up here as a record a role should not reach.
//   kepala ─┬─ kasi ──┬─ staff (SKP, assessed by kasi)
//           │         └─ peer  (SKP, assessed by kasi)
//           └─ kasiLain ── other

const roles = ["admin", "kepala", "kasi", "kasiLain", "staff", "peer", "foreignAdmin", "foreignSupervisor"] as const;
type Role = (typeof roles)[number];
type Person = "kepala" | "kasi" | "kasiLain" | "staff" | "peer" | "other";

/** Who each role may see of this instansi, from the policy. */
const policy: Record<Role, { employees: Person[]; skpsOf: Person[]; surveys: boolean }> = {
  admin: { employees: ["kepala", "kasi", "kasiLain", "staff", "peer", "other"], skpsOf: ["staff", "peer"], surveys: true },
  kepala: { employees: ["kepala", "kasi", "kasiLain"], skpsOf: [], surveys: false },
  kasi: { employees: ["kasi", "kepala", "staff", "peer"], skpsOf: ["staff", "peer"], surveys: false },
  kasiLain: { employees: ["kasiLain", "kepala", "other"], skpsOf: [], surveys: false },
  staff: { employees: ["staff", "kasi"], skpsOf: ["staff"], surveys: false },
  peer: { employees: ["peer", "kasi"], skpsOf: ["peer"], surveys: false },
  foreignAdmin: { employees: [], skpsOf: [], surveys: false },
  foreignSupervisor: { employees: [], skpsOf: [], surveys: false },
};

/**
 * How each relation field is guarded. Every field that returns records must
 * have a row: the test below fails for one that has none.
 */
const guards: Record<string, string> = {
  "Query.me": "the caller",
  "Query.employees": "visibleEmployees",
  "Query.skps": "visibleSkps",
  "Query.evaluations": "visibleSkps (through the SKP)",
  "Query.units": "ownInstansi",
  "Query.performanceYears": "ownInstansi",
  "Query.surveys": "adminsInstansi",
  "Query.auditLog": "adminsInstansi",
  "Query.accounts": "adminsInstansi",
  "Account.employee": "visibleEmployees",
  "Account.tokens": "admin only, with the account",
  "Query.node": "each type's findUnique filter",
  "Query.nodes": "each type's findUnique filter",
  "Query.predikatDistribution": "checksDistributionOf; what-ifs only for visible SKPs",
  "Query.scorecard": "public: the published snapshot",
  "Query.survey": "public: the published snapshot",
  "Query.surveyChallenge": "public",
  "Me.employee": "the caller's own record",
  "Me.instansi": "the caller's own instansi",
  "Employee.unit": "ownInstansi (units are not personal)",
  "Employee.supervisor": "visibleEmployees",
  "Employee.subordinates": "visibleEmployees",
  "Employee.skps": "visibleSkps",
  "Employee.feedback": "visibleFeedback",
  "Employee.trainings": "visibleTrainings",
  "FeedbackNote.author": "the subject or their direct supervisor (writesFeedbackAbout)",
  "OrgUnit.parent": "ownInstansi",
  "OrgUnit.children": "ownInstansi",
  "OrgUnit.head": "visibleEmployees",
  "OrgUnit.employees": "visibleEmployees",
  "PerformanceYear.periods": "ownInstansi",
  "Skp.employee": "visible with the SKP (owner)",
  "Skp.assessor": "visible with the SKP (assessor)",
  "Skp.year": "ownInstansi",
  "Skp.rhks": "part of the SKP",
  "Skp.evaluations": "part of the SKP",
  "Rhk.indicators": "part of the SKP",
  "Rhk.supports": "the assessor's RHK it cascades from",
  "Indicator.realisations": "part of the SKP",
  "Indicator.sourceSurvey": "adminsInstansi",
  "Realisation.indicator": "part of the SKP",
  "Realisation.period": "ownInstansi",
  "Evaluation.skp": "part of the SKP",
  "Evaluation.period": "ownInstansi",
  "Evaluation.inputs": "part of the SKP; peers anonymised (peer-input.ts)",
  "Evaluation.behaviourRatings": "part of the SKP; peers anonymised (peer-input.ts)",
  "Survey.unit": "admin only, with the survey",
  "Survey.periods": "admin only, with the survey",
  "Survey.questions": "admin only, with the survey",
  "Survey.extraQuestions": "admin only, with the survey",
  "Survey.result": "admin only, with the survey",
  "SurveyPeriod.result": "admin only, with the survey",
  "SurveyResult.elements": "with its result",
  "PublicSurvey.questions": "public",
  "PublicSurvey.extraQuestions": "public",
  "PublicSurvey.result": "public: the published snapshot",
  "Scorecard.surveys": "public: the published snapshot",
  "Scorecard.indicators": "public: the published snapshot",
  "Scorecard.predikatDistribution": "public: the published snapshot (suppressed)",
  "ScorecardSurvey.result": "public: the published snapshot",
  "ScorecardSurvey.periods": "public: the published snapshot",
  "ScorecardSurveyPeriod.result": "public: the published snapshot",
  "PredikatDistribution.counts": "with the distribution",
  "PredikatDistribution.violations": "with the distribution",
  "InputValidationError.issues": "the caller's own input",
  "Query.workLogQueue": "assessedBy (the SKPs the caller assesses)",
  "Employee.workLog": "visibleWorkLog (part of the SKP)",
  "Employee.workLogMonth": "readsWorkLogOf (the employee, their supervisor or assessor, the admin)",
  "Instansi.holidays": "the caller's own instansi",
  "Realisation.workLog": "part of the SKP (visibleWorkLog)",
  "WorkLogEntry.employee": "visible with the SKP (owner)",
  "WorkLogEntry.rhk": "part of the SKP",
  "WorkLogEntry.indicator": "part of the SKP",
  "Employee.developmentRecommendations": "visibleRecommendations (as training records)",
  "DevelopmentRecommendation.trainingRecord": "the same employee's training, seen with the recommendation",
  "RosterImport.rejected": "admin only, with the import (adminsInstansi)",
  "Query.evaluationsToReview": "the caller's own review queue (reviewerId), within visibleSkps",
  "Query.objectionsToDecide": "the caller's own decisions (deciderId; the admin where none)",
  "Evaluation.objection": "part of the SKP",
  "Objection.evaluation": "part of the SKP",
  "SurveyPeriod.followUp": "admin only, with the survey",
  "ScorecardSurveyPeriod.followUp": "public: the published snapshot",
  "Query.forums": "ownInstansi (forums are public business)",
  "CommunityForum.aspirations": "ownInstansi, with the forum",
  "CommunityForum.commitments": "ownInstansi, with the forum",
  "ForumCommitment.forum": "ownInstansi",
  "ForumCommitment.unit": "ownInstansi (units are not personal)",
  "ForumCommitment.aspiration": "ownInstansi, with the forum",
  "Scorecard.commitments": "public: the published snapshot",
  "Query.report": "public: the published snapshots",
  "PublicReport.units": "public: the published snapshots",
  "ScorecardSurvey.resultIn": "public: the published snapshot",
  "ScorecardSurveyPeriod.respondents": "public: the responses behind the published result, groups under k withheld",
  "RespondentProfile.channel": "public: groups under k withheld",
  "RespondentProfile.sex": "public: groups under k withheld",
  "RespondentProfile.age": "public: groups under k withheld",
  "RespondentProfile.education": "public: groups under k withheld",
  "RespondentProfile.occupation": "public: groups under k withheld",
  "ScorecardCommitment.forum": "public: the published snapshot",
  "Scorecard.unitResult": "public: the published snapshot (pooled published figures)",
  "ScorecardUnitResult.result": "public: the published snapshot",
  "ScorecardUnitResult.periods": "public: the published snapshot",
  "ScorecardUnitPeriod.result": "public: the published snapshot",
  "Query.tppRun": "every line for the admin, the caller's own line for anyone else (allowance/tpp.ts)",
  "Instansi.tppRules": "the caller's own instansi (how everyone's allowance is computed)",
  "TppRules.bands": "with the rules",
  "TppRules.absenceTiers": "with the rules",
  "TppRules.lateLog": "with the rules",
  "TppRules.unvalidatedTeam": "with the rules",
  "TppRun.rules": "with the run",
  "TppRun.lines": "with the run (filtered by viewer)",
  "TppLine.disciplineDeductions": "with the line",
  "TppLine.deductions": "with the line",
};

/** Fields that return records: objects or lists of them (not scalars or enums). */
function relationFields(type: GraphQLObjectType): Array<GraphQLField<unknown, unknown>> {
  return Object.values(type.getFields()).filter((field) => isObjectType(getNamedType(field.type)) || !isLeaf(field));
}
const isLeaf = (field: GraphQLField<unknown, unknown>) => {
  const named = getNamedType(field.type);
  return !("getFields" in named) && !("getTypes" in named);
};

/** Types whose fields are checked: everything a query reaches, not mutation payloads or connection plumbing. */
function checkedTypes(): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType =>
      isObjectType(type) && !type.name.startsWith("__") && !/Payload$|Edge$|Connection$|^Mutation$|^Subscription$|^PageInfo$|Error$/.test(type.name) ||
      type.name === "InputValidationError",
  );
}

/**
 * A selection of everything reachable from `type` without required
 * arguments: `hops` relations deep, within `levels` of query depth (the
 * server's limit is 12; a connection takes three: the field, edges, node).
 */
function selectEverything(type: GraphQLObjectType, hops: number, levels: number): string {
  const parts = ["__typename", ...("id" in type.getFields() ? ["id"] : [])];
  if (hops === 0) return parts.join(" ");
  for (const field of relationFields(type)) {
    const named = getNamedType(field.type);
    if (requiresArguments(field) || !isObjectType(named)) continue;
    const node = connectionNode(named);
    if (node && levels > 3) parts.push(`${field.name}(first: 50) { edges { node { ${selectEverything(node, hops - 1, levels - 3)} } } }`);
    else if (!node && levels > 1) parts.push(`${field.name} { ${selectEverything(named, hops - 1, levels - 1)} }`);
  }
  return parts.join(" ");
}

/** Fields the crawl cannot call without knowing what to ask (predikatDistribution, node, scorecard…); their guards are tested elsewhere. */
const requiresArguments = (field: GraphQLField<unknown, unknown>) => field.args.some((arg) => arg.type.toString().endsWith("!") && arg.defaultValue === undefined);

function connectionNode(type: GraphQLObjectType): GraphQLObjectType | null {
  if (!type.name.endsWith("Connection")) return null;
  return getNamedType((getNamedType(type.getFields().edges!.type) as GraphQLObjectType).getFields().node!.type) as GraphQLObjectType;
}

/**
 * Queries that together reach everything under one root field, three
 * relations deep: one per relation of the root's records (a single query
 * would pass the server's breadth limit).
 */
function rootQueries(field: GraphQLField<unknown, unknown>): string[] {
  const named = getNamedType(field.type) as GraphQLObjectType;
  const node = connectionNode(named);
  const wrap = (inner: string) => (node ? `{ ${field.name}(first: 50) { edges { node { ${inner} } } } }` : `{ ${field.name} { ${inner} } }`);
  const type = node ?? named;
  const levels = node ? 9 : 11;
  const own = selectEverything(type, 0, levels);
  const relations = relationFields(type).filter((relation) => !requiresArguments(relation) && isObjectType(getNamedType(relation.type)));
  if (relations.length === 0) return [wrap(own)];
  return relations.map((relation) => {
    const child = getNamedType(relation.type) as GraphQLObjectType;
    const childNode = connectionNode(child);
    const inner = childNode
      ? `${relation.name}(first: 50) { edges { node { ${selectEverything(childNode, 2, levels - 3)} } } }`
      : `${relation.name} { ${selectEverything(child, 2, levels - 1)} }`;
    return wrap(`${own} ${inner}`);
  });
}

/** Every record in an answer, as "Type:id" (global IDs decoded). */
function recordsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) recordsIn(item, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.id === "string" && typeof record.__typename === "string") {
      const decoded = Buffer.from(record.id, "base64").toString("utf8");
      found.add(decoded.startsWith(`${record.__typename}:`) ? decoded : `${record.__typename}:${record.id}`);
    }
    for (const child of Object.values(record)) recordsIn(child, found);
  }
  return found;
}

it("has a guard for every field that returns records", () => {
  const fields = checkedTypes().flatMap((type) => relationFields(type).map((field) => `${type.name}.${field.name}`));
  expect(fields.filter((field) => !(field in guards)), "relation fields with no row in the read-access matrix").toEqual([]);
  expect(Object.keys(guards).filter((field) => !fields.includes(field)), "rows for fields that no longer exist").toEqual([]);
});

describe.each(databaseKinds)("read-access matrix on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let foreign: Organisation;
  beforeAll(async () => {
    api = await startApi(kind);
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    foreign = await seedOrganisation(api.prisma, "kabupaten-lampung-utara");
    await api.prisma.feedbackNote.create({ data: { instansiId: org.instansi.id, subjectId: org.people.kasi!.id, authorId: org.people.kepala!.id, body: "Catatan untuk kasi." } });
    // A submitted work log entry of staff, in kasi's review queue.
    const entry = { instansiId: org.instansi.id, employeeId: org.people.staff!.id, rhkId: org.rhk.id, date: new Date("2026-03-02"), activity: "Rekap PWS", minutes: 120, status: "SUBMITTED" as const };
    staffEntry = (await api.prisma.workLogEntry.create({ data: entry })).id;
  });
  let staffEntry: string;
  afterAll(() => api?.close());

  const tokenOf = (role: Role) =>
    role === "foreignAdmin" ? foreign.tokens.admin! : role === "foreignSupervisor" ? foreign.tokens.kasi! : org.tokens[role]!;

  for (const role of roles) {
    it(`${role} reaches only the employees, SKPs and surveys the policy allows`, async () => {
      const query = schema.getQueryType()!;
      const seen = new Set<string>();
      for (const field of relationFields(query)) {
        if (requiresArguments(field)) continue;
        for (const query of rootQueries(field)) {
          const result = await api.request(tokenOf(role), query);
          // A list only admins read is refused to others as a whole: they see nothing of it.
          const refused = role !== "admin" && result.errors?.every((error) => /Not authorized/.test(error.message));
          if (!refused) expect(JSON.stringify(result.errors), `${role}: ${query}`).toBeUndefined();
          recordsIn(result.data, seen);
        }
      }
      const allowed = policy[role];
      const ids = (type: string) => [...seen].filter((r) => r.startsWith(`${type}:`)).map((r) => r.slice(type.length + 1)).sort();
      const employeesOfThisInstansi = ids("Employee").filter((id) => Object.values(org.people).some((p) => p.id === id));
      expect(employeesOfThisInstansi).toEqual(allowed.employees.map((p) => org.people[p]!.id).sort());
      const skpOwner = new Map([[org.skp.id, "staff"], [org.draftSkp.id, "peer"]]);
      expect(ids("Skp").filter((id) => skpOwner.has(id)).map((id) => skpOwner.get(id)).sort()).toEqual([...allowed.skpsOf].sort());
      expect(ids("Survey").includes(org.survey.id)).toBe(allowed.surveys);
      // Work log entries only with their SKP (the crawl reaches them through the review queue).
      expect(ids("WorkLogEntry").filter((id) => id === staffEntry && !allowed.skpsOf.includes("staff"))).toEqual([]);
      if (role === "kasi") expect(ids("WorkLogEntry")).toEqual([staffEntry]);
      // Nothing of another instansi, ever.
      const foreignIds = new Set([...Object.values(foreign.people).map((p) => p.id), foreign.skp.id, foreign.draftSkp.id, foreign.survey.id]);
      const ownIds = new Set([...Object.values(org.people).map((p) => p.id), org.skp.id, org.draftSkp.id, org.survey.id]);
      const reached = [...seen].map((r) => r.split(":").slice(1).join(":"));
      if (role.startsWith("foreign")) expect(reached.filter((id) => ownIds.has(id))).toEqual([]);
      else expect(reached.filter((id) => foreignIds.has(id))).toEqual([]);
    });
  }
});
