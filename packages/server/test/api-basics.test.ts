import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import type { EmployeePageQuery } from "./generated/graphql.ts";
import { startApi, type Api, type GraphQLResponse } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { grantAccess } from "../src/testing.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";

const Me = graphql(`query Me { me { role } }`);
const MeWithRecords = graphql(`query MeWithRecords { me { role employee { name nip } instansi { slug } } }`);
const MySkps = graphql(`query MySkps {
  me { employee { skps(year: 2026) { status rhks { kind indicators { description target targetUnit realisations { value status period { label } } } } } } }
}`);
const RevokeTokens = graphql(`mutation RevokeTokens($input: RevokeAccessTokensInput!) {
  revokeAccessTokens(input: $input) { __typename ... on RevokeAccessTokensPayload { revoked account { name } } }
}`);
const RenewToken = graphql(`mutation RenewToken { renewAccessToken(input: {}) { __typename ... on RenewAccessTokenPayload { token expiresAt } } }`);
const IssueToken = graphql(`mutation IssueToken($input: IssueAccessTokenInput!) {
  issueAccessToken(input: $input) { __typename ... on IssueAccessTokenPayload { expiresAt } }
}`);
const Accounts = graphql(`query Accounts($first: Int!) { accounts(first: $first) { edges { node { id name role employee { name } tokens { label revokedAt } } } } }`);
const EmployeePage = graphql(`query EmployeePage($first: Int!, $after: String) {
  employees(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name supervisor { name } } } }
}`);
const SetActive = graphql(`mutation SetActive($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { __typename } }`);

describe.each(databaseKinds)("API basics on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi(kind);
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  it("answers `me` for a bearer token", async () => {
    const result = await api.request(org.tokens.staff!, MeWithRecords);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toMatchObject({ role: "EMPLOYEE", employee: { name: "staff kota-salatiga" }, instansi: { slug: "kota-salatiga" } });
  });

  it("refuses an unknown token with 401", async () => {
    const result = await api.request("knj_not-a-real-token", Me);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("stops accepting an employee's tokens once the admin revokes them", async () => {
    const other = await seedOrganisation(api.prisma, "kota-revoke");
    expect((await api.request(other.tokens.staff!, Me)).status).toBe(200);
    const revoked = await api.request(other.tokens.admin!, RevokeTokens, { input: { employeeId: other.ids.staff } });
    expect(revoked.data?.revokeAccessTokens).toEqual({ __typename: "RevokeAccessTokensPayload", revoked: 1, account: { name: "staff kota-revoke" } });
    expect((await api.request(other.tokens.staff!, Me)).status).toBe(401);
    expect((await api.request(other.tokens.peer!, Me)).status).toBe(200);
  });

  it("renews a token: the new one works until its expiry, the old one stops at once; an expired token is refused", async () => {
    const other = await seedOrganisation(api.prisma, "kota-renew");
    const renew = await api.request(other.tokens.staff!, RenewToken);
    const renewed = renew.data?.renewAccessToken;
    if (renewed?.__typename !== "RenewAccessTokenPayload") throw new Error(JSON.stringify(renew));
    const { token, expiresAt } = renewed;
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(api.config.tokenLifetimeDays - 1);
    expect(days).toBeLessThanOrEqual(api.config.tokenLifetimeDays);
    expect((await api.request(token, Me)).status).toBe(200);
    expect((await api.request(other.tokens.staff!, Me)).status).toBe(401);
    // Past its expiry, a token is refused with a reason.
    await api.prisma.apiToken.updateMany({ where: { account: { employeeId: other.people.peer!.id } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await api.request(other.tokens.peer!, Me);
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
    // Tokens the admin issues expire too.
    const issued = await api.request(other.tokens.admin!, IssueToken, {
      input: { employeeId: other.ids.kepala, role: "SUPERVISOR" },
    });
    expect(issued.errors).toBeUndefined();
    expect(issued.data?.issueAccessToken).toMatchObject({ __typename: "IssueAccessTokenPayload", expiresAt: expect.any(String) });
    expect(Date.parse((issued.data?.issueAccessToken as { expiresAt: string }).expiresAt)).toBeGreaterThan(Date.now());
  });

  it("lists who has access, and revokes an account of no employee (another admin) by the account", async () => {
    const other = await seedOrganisation(api.prisma, "kota-accounts");
    const spare = await api.prisma.$transaction((tx) => grantAccess(tx, { instansiId: other.instansi.id, role: "ADMIN", name: "Admin Cadangan", label: "laptop" }));
    const list = await api.request(other.tokens.admin!, Accounts, { first: 50 });
    const spareNode = list.data?.accounts.edges.map((e) => e?.node).find((n) => n?.name === "Admin Cadangan");
    expect(spareNode).toMatchObject({ role: "ADMIN", employee: null, tokens: [{ label: "laptop", revokedAt: null }] });
    const both = await api.request(other.tokens.admin!, RevokeTokens, { input: { employeeId: other.ids.staff, accountId: spareNode!.id } });
    expect(both.data?.revokeAccessTokens.__typename).toBe("InputValidationError");
    const done = await api.request(other.tokens.admin!, RevokeTokens, { input: { accountId: spareNode!.id } });
    expect(done.data?.revokeAccessTokens).toEqual({ __typename: "RevokeAccessTokensPayload", revoked: 1, account: { name: "Admin Cadangan" } });
    expect((await api.request(spare.token, Me)).status).toBe(401);
    // Not for anyone but the admin, and not across instansi.
    expect((await api.request(other.tokens.staff!, Accounts, { first: 5 })).errors?.[0]?.message).toMatch(/Not authorized/);
    const foreign = await api.request(org.tokens.admin!, RevokeTokens, { input: { accountId: spareNode!.id } });
    expect(foreign.data?.revokeAccessTokens.__typename).toBe("NotFoundError");
  });

  it("stops accepting the tokens of an employee the admin deactivates, and accepts them again on return", async () => {
    const other = await seedOrganisation(api.prisma, "kota-leaver");
    const setActive = (active: boolean) =>
      api.request(other.tokens.admin!, SetActive, { input: { id: other.ids.peer!, active } });
    expect((await setActive(false)).data?.updateEmployee.__typename).toBe("UpdateEmployeePayload");
    const refused = await api.request(other.tokens.peer!, Me);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/deactivated/);
    expect((await api.request(other.tokens.staff!, Me)).status).toBe(200);
    await setActive(true);
    expect((await api.request(other.tokens.peer!, Me)).status).toBe(200);
  });

  it("pages through the employees the admin sees, by name, each page one statement with its count", async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      let result: GraphQLResponse<EmployeePageQuery> | undefined;
      const statements = await api.statementsOf(async () => (result = await api.request(org.tokens.admin!, EmployeePage, { first: 2, after })));
      const data = result!.data!;
      expect(data.employees.totalCount).toBe(6);
      // The token, the page, its count.
      expect(statements).toHaveLength(3);
      names.push(...data.employees.edges.map((edge) => edge.node.name));
      if (!data.employees.pageInfo.hasNextPage) break;
      after = data.employees.pageInfo.endCursor;
    }
    const everyone = ["kasi", "kasiLain", "kepala", "other", "peer", "staff"].map((key) => `${key} kota-salatiga`);
    expect(names).toEqual(everyone);
  });

  it("shows an employee their SKP with indicators and realisations", async () => {
    const result = await api.request(org.tokens.staff!, MySkps);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me?.employee?.skps).toEqual([
      {
        status: "AGREED",
        rhks: [
          {
            kind: "UTAMA",
            indicators: [
              {
                description: "Persentase bayi diimunisasi lengkap",
                target: 95,
                targetUnit: "%",
                realisations: [{ value: 96.5, status: "SUBMITTED", period: { label: "Triwulan I 2026" } }],
              },
            ],
          },
        ],
      },
    ]);
  });
});
