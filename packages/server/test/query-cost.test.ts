import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import type { EmployeesWithIndicatorsQuery } from "./generated/graphql.ts";
import { startApi, type Api, type GraphQLResponse } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, testNip, type Organisation } from "./support/organisation.ts";

// Listing employees with their indicators must cost a fixed number of SQL
// statements, however many employees are listed (no N+1).

const listing = graphql(`query EmployeesWithIndicators($first: Int!, $unitId: ID!) {
  employees(first: $first, unitId: $unitId) {
    totalCount
    edges { node { name nip unit { name } supervisor { name }
      skps(year: 2026) { status rhks { kind description indicators { description target targetUnit realisations { value status } } } } } }
  }
}`);

describe.each(databaseKinds)("query cost on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi(kind);
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    const { instansi, unit, year, q1 } = org;
    const instansiId = instansi.id;
    for (let i = 0; i < 50; i++) {
      const employee = await api.prisma.employee.create({
        data: { instansiId, unitId: unit.id, supervisorId: org.people.kasi!.id, nip: testNip(), name: `Pegawai ${String(i).padStart(2, "0")}`, position: "Pelaksana", rank: "Pengatur (II/c)" },
      });
      const skp = await api.prisma.skp.create({ data: { instansiId, employeeId: employee.id, yearId: year.id, assessorId: org.people.kasi!.id, status: "AGREED" } });
      for (const kind of ["UTAMA", "TAMBAHAN"] as const) {
        const rhk = await api.prisma.rhk.create({ data: { instansiId, skpId: skp.id, kind, description: `Hasil ${kind} ${i}` } });
        for (let j = 0; j < 2; j++) {
          const indicator = await api.prisma.indicator.create({
            data: { instansiId, rhkId: rhk.id, aspect: "KUANTITAS", description: `Indikator ${j}`, targetValue: 10 + j, targetUnit: "dokumen" },
          });
          await api.prisma.realisation.create({ data: { instansiId, indicatorId: indicator.id, periodId: q1.id, value: 5 + j, status: "APPROVED" } });
        }
      }
    }
  });
  afterAll(() => api?.close());

  async function costOf(first: number) {
    let result: GraphQLResponse<EmployeesWithIndicatorsQuery> | null = null;
    const statements = await api.statementsOf(async () => {
      result = await api.request(org.tokens.admin!, listing, { first, unitId: org.ids.unit });
    });
    expect(result!.errors).toBeUndefined();
    return { statements, edges: result!.data!.employees.edges.map((edge) => edge!.node!) };
  }

  it("lists 5 or 50 employees with their indicators in the same number of statements", async () => {
    const five = await costOf(5);
    const fifty = await costOf(50);
    expect(five.edges).toHaveLength(5);
    expect(fifty.edges).toHaveLength(50);
    const indicators = fifty.edges.flatMap((employee) => employee.skps.flatMap((skp) => skp.rhks.flatMap((rhk) => rhk.indicators)));
    expect(indicators.length).toBeGreaterThanOrEqual(48 * 4);
    expect(fifty.statements.length).toBe(five.statements.length);
    // Token lookup, count, one statement per relation level at most, and the
    // anonymity floor of the surveys that measure indicators.
    expect(fifty.statements.length).toBeLessThanOrEqual(11);
    console.log(`${kind}: ${fifty.statements.length} SQL statements for 50 employees with ${indicators.length} indicators`);
  });
});
