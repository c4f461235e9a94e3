import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { gid, seedOrganisation, testNip, type Organisation } from "./support/organisation.ts";
import { databaseFingerprint } from "./support/snapshot.ts";

// Bad input gets a typed error and writes nothing.

describe.each(databaseKinds)("bad input on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let foreign: Organisation;
  beforeAll(async () => {
    api = await startApi(kind);
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    foreign = await seedOrganisation(api.prisma, "kabupaten-lampung-utara");
  });
  afterAll(() => api?.close());

  /** Sends a mutation that must fail with `typename`, and proves no row changed. */
  async function refused(token: string, mutation: string, input: Record<string, unknown>, typename: string) {
    const before = await databaseFingerprint(api.prisma);
    const inputType = mutation[0]!.toUpperCase() + mutation.slice(1) + "Input";
    const result = await api.request(
      token,
      `mutation($input: ${inputType}!) { result: ${mutation}(input: $input) {
         __typename ... on Error { message } ... on InputValidationError { issues { path message } } } }`,
      { input },
    );
    expect(result.errors, `${JSON.stringify(result.errors)} ${String(api.loggedErrors.at(-1))}`).toBeUndefined();
    expect(result.data.result.__typename, result.data.result.message).toBe(typename);
    expect(await databaseFingerprint(api.prisma)).toBe(before);
    return result.data.result;
  }

  const employee = (org: Organisation, nip: string) => ({ nip, name: "Budi Santoso", position: "Analis", rank: "Penata (III/c)", unitId: org.ids.unit });

  it("refuses malformed NIPs, saying which part is wrong", async () => {
    const cases: Array<[string, RegExp]> = [
      ["19850312", /exactly 18 digits/],
      ["19851332201003 1001".replace(" ", ""), /birth date/],
      ["198503122010131001", /appointment/],
      ["198503122000031001", /18th birthday/],
      ["198503122010033001", /digit 15/],
      ["198503122010031000", /serial/],
    ];
    for (const [nip, reason] of cases) {
      const error = await refused(org.tokens.admin!, "createEmployee", employee(org, nip), "InputValidationError");
      expect(error.issues[0].path).toEqual(["input", "nip"]);
      expect(error.issues[0].message).toMatch(reason);
    }
  });

  it("refuses a duplicate NIP in the same instansi", async () => {
    const nip = testNip();
    const first = await api.request(org.tokens.admin!, graphql(`mutation FirstEmployee($input: CreateEmployeeInput!) { createEmployee(input: $input) { __typename } }`), {
      input: employee(org, nip),
    });
    expect(first.data?.createEmployee.__typename).toBe("CreateEmployeePayload");
    await refused(org.tokens.admin!, "createEmployee", employee(org, nip), "ConflictError");
  });

  it("reports unknown and foreign IDs alike, and IDs of the wrong type as invalid", async () => {
    const unknown = gid("OrgUnit", "00000000-0000-4000-8000-000000000000");
    const a = await refused(org.tokens.admin!, "createEmployee", { ...employee(org, testNip()), unitId: unknown }, "NotFoundError");
    const b = await refused(org.tokens.admin!, "createEmployee", { ...employee(org, testNip()), unitId: foreign.ids.unit }, "NotFoundError");
    expect(a.message.replace(/\S+ was/, "")).toBe(b.message.replace(/\S+ was/, ""));
    await refused(org.tokens.admin!, "createEmployee", { ...employee(org, testNip()), unitId: org.ids.staff }, "InvalidArgumentError");
    await refused(org.tokens.admin!, "updateUnit", { id: org.ids.unit, headId: foreign.ids.kepala }, "NotFoundError");
    await refused(org.tokens.staff!, "submitRealisation", { indicatorId: org.ids.indicator, periodId: foreign.ids.q2, value: 90 }, "NotFoundError");
    await refused(org.tokens.kasi!, "addRhk", { skpId: org.ids.draftSkp, kind: "UTAMA", description: "Dari atasan lain", supportsRhkId: foreign.ids.rhk }, "NotFoundError");
  });

  it("refuses out-of-range values", async () => {
    await refused(org.tokens.staff!, "submitRealisation", { indicatorId: org.ids.indicator, periodId: org.ids.q2, value: -1 }, "InputValidationError");
    await refused(org.tokens.staff!, "submitRealisation", { indicatorId: org.ids.indicator, periodId: org.ids.q2, value: 1e12 }, "InputValidationError");
    await refused(org.tokens.staff!, "submitRealisation", { indicatorId: org.ids.indicator, periodId: org.ids.q2, value: 5, evidenceUrl: "javascript:alert(1)" }, "InputValidationError");
    await refused(org.tokens.staff!, "submitRealisation", { indicatorId: org.ids.indicator, periodId: org.ids.annual, value: 5 }, "InputValidationError");
    await refused(org.tokens.admin!, "createPerformanceYear", { year: 1999, cadence: "MONTHLY" }, "InputValidationError");
    await refused(org.tokens.admin!, "createUnit", { name: "X", slug: "Bad Slug" }, "InputValidationError");
    await refused(org.tokens.kasi!, "addIndicator", { rhkId: org.ids.draftRhk, aspect: "KUANTITAS", description: "Nol", target: 0, targetUnit: "%" }, "InputValidationError");
    await refused(
      org.tokens.staff!,
      "rateBehaviour",
      { skpId: org.ids.skp, periodId: org.ids.q1, ratings: [{ value: "LOYAL", level: "SESUAI_EKSPEKTASI" }, { value: "LOYAL", level: "DI_ATAS_EKSPEKTASI" }] },
      "InputValidationError",
    );
    await refused(
      org.tokens.admin!,
      "recordTraining",
      { employeeId: org.ids.staff, title: "Diklat", provider: "BKPSDM", startsOn: "2026-03-04", endsOn: "2026-03-02", hours: 8 },
      "InputValidationError",
    );
    await refused(
      org.tokens.admin!,
      "recordTraining",
      { employeeId: org.ids.staff, title: "Diklat", provider: "BKPSDM", startsOn: "2026-03-02", endsOn: "2026-03-04", hours: 8, certificateUrl: "javascript:alert(1)" },
      "InputValidationError",
    );
  });

  it("refuses a supervisor rating someone outside their team", async () => {
    const ratings = [{ value: "AKUNTABEL", level: "DI_ATAS_EKSPEKTASI" }];
    await refused(org.tokens.kasiLain!, "rateBehaviour", { skpId: org.ids.skp, periodId: org.ids.q1, ratings }, "ForbiddenError");
    await refused(org.tokens.kasiLain!, "finaliseEvaluation", { skpId: org.ids.skp, periodId: org.ids.q1 }, "ForbiddenError");
    await refused(org.tokens.kasiLain!, "reviewRealisation", { realisationId: org.ids.realisation, decision: "APPROVE" }, "ForbiddenError");
  });

  it("approves a realisation once; the second approval is a conflict", async () => {
    const query = graphql(`mutation ApproveTwice($input: ReviewRealisationInput!) { reviewRealisation(input: $input) { __typename } }`);
    const input = { realisationId: org.ids.realisation, decision: "APPROVE" as const };
    const [first, second] = await Promise.all([api.request(org.tokens.kasi!, query, { input }), api.request(org.tokens.kasi!, query, { input })]);
    const outcomes = [first.data?.reviewRealisation.__typename, second.data?.reviewRealisation.__typename].sort();
    expect(outcomes).toEqual(["ConflictError", "ReviewRealisationPayload"]);
    await refused(org.tokens.kasi!, "reviewRealisation", input, "ConflictError");
    expect(await api.prisma.auditLog.count({ where: { entityId: org.realisation.id, action: "approve" } })).toBe(1);
  });

  it("masks unexpected errors and logs them", async () => {
    // A value PostgreSQL cannot take: a NUL byte in text makes the database fail, not our validation.
    const logged = api.loggedErrors.length;
    const result = await api.request(org.tokens.staff!, graphql(`mutation NulNote($input: AddFeedbackNoteInput!) { addFeedbackNote(input: $input) { __typename } }`), {
      input: { employeeId: org.ids.staff!, body: "catatan\u0000" },
    });
    expect(result.errors?.[0]?.message).toBe("Unexpected error.");
    expect(result.text).not.toMatch(/prisma|postgres|at .*\.ts|\/work\/|SELECT|INSERT|stack/i);
    expect(api.loggedErrors.slice(logged).map(String).join("\n")).toMatch(/invalid byte sequence/);
  });
});
