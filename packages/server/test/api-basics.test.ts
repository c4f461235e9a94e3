import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { grantAccess } from "../src/testing.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";

describe.each(databaseKinds)("API basics on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi(kind);
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  it("answers `me` for a bearer token", async () => {
    const result = await api.request(org.tokens.staff!, `{ me { role employee { name nip } instansi { slug } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.me).toMatchObject({ role: "EMPLOYEE", employee: { name: "staff kota-salatiga" }, instansi: { slug: "kota-salatiga" } });
  });

  it("refuses an unknown token with 401", async () => {
    const result = await api.request("knj_not-a-real-token", `{ me { role } }`);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("stops accepting an employee's tokens once the admin revokes them", async () => {
    const other = await seedOrganisation(api.prisma, "kota-revoke");
    expect((await api.request(other.tokens.staff!, `{ me { role } }`)).status).toBe(200);
    const revoked = await api.request(other.tokens.admin!, `mutation($input: RevokeAccessTokensInput!) { revokeAccessTokens(input: $input) {
      __typename ... on RevokeAccessTokensPayload { revoked } } }`, { input: { employeeId: other.ids.staff } });
    expect(revoked.data.revokeAccessTokens).toEqual({ __typename: "RevokeAccessTokensPayload", revoked: 1 });
    expect((await api.request(other.tokens.staff!, `{ me { role } }`)).status).toBe(401);
    expect((await api.request(other.tokens.peer!, `{ me { role } }`)).status).toBe(200);
  });

  it("renews a token: the new one works until its expiry, the old one stops at once; an expired token is refused", async () => {
    const other = await seedOrganisation(api.prisma, "kota-renew");
    const renew = await api.request(other.tokens.staff!, `mutation { renewAccessToken(input: {}) { __typename ... on RenewAccessTokenPayload { token expiresAt } } }`);
    const { token, expiresAt } = renew.data.renewAccessToken;
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(api.config.tokenLifetimeDays - 1);
    expect(days).toBeLessThanOrEqual(api.config.tokenLifetimeDays);
    expect((await api.request(token, `{ me { role } }`)).status).toBe(200);
    expect((await api.request(other.tokens.staff!, `{ me { role } }`)).status).toBe(401);
    // Past its expiry, a token is refused with a reason.
    await api.prisma.apiToken.updateMany({ where: { account: { employeeId: other.people.peer!.id } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await api.request(other.tokens.peer!, `{ me { role } }`);
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
    // Tokens the admin issues expire too.
    const issued = await api.request(other.tokens.admin!, `mutation($input: IssueAccessTokenInput!) { issueAccessToken(input: $input) { ... on IssueAccessTokenPayload { expiresAt } } }`, {
      input: { employeeId: other.ids.kepala, role: "SUPERVISOR" },
    });
    expect(issued.errors).toBeUndefined();
    expect(Date.parse(issued.data.issueAccessToken.expiresAt)).toBeGreaterThan(Date.now());
  });

  it("lists who has access, and revokes an account of no employee (another admin) by the account", async () => {
    const other = await seedOrganisation(api.prisma, "kota-accounts");
    const spare = await api.prisma.$transaction((tx) => grantAccess(tx, { instansiId: other.instansi.id, role: "ADMIN", name: "Admin Cadangan", label: "laptop" }));
    const list = await api.request(other.tokens.admin!, `{ accounts(first: 50) { edges { node { id name role employee { name } tokens { label revokedAt } } } } }`);
    const spareNode = list.data.accounts.edges.map((e: any) => e.node).find((n: any) => n.name === "Admin Cadangan");
    expect(spareNode).toMatchObject({ role: "ADMIN", employee: null, tokens: [{ label: "laptop", revokedAt: null }] });
    const revoke = `mutation($input: RevokeAccessTokensInput!) { revokeAccessTokens(input: $input) { __typename ... on RevokeAccessTokensPayload { revoked account { name } } } }`;
    const both = await api.request(other.tokens.admin!, revoke, { input: { employeeId: other.ids.staff, accountId: spareNode.id } });
    expect(both.data.revokeAccessTokens.__typename).toBe("InputValidationError");
    const done = await api.request(other.tokens.admin!, revoke, { input: { accountId: spareNode.id } });
    expect(done.data.revokeAccessTokens).toEqual({ __typename: "RevokeAccessTokensPayload", revoked: 1, account: { name: "Admin Cadangan" } });
    expect((await api.request(spare.token, `{ me { role } }`)).status).toBe(401);
    // Not for anyone but the admin, and not across instansi.
    expect((await api.request(other.tokens.staff!, `{ accounts(first: 5) { edges { node { name } } } }`)).errors?.[0]?.message).toMatch(/Not authorized/);
    const foreign = await api.request(org.tokens.admin!, revoke, { input: { accountId: spareNode.id } });
    expect(foreign.data.revokeAccessTokens.__typename).toBe("NotFoundError");
  });

  it("stops accepting the tokens of an employee the admin deactivates, and accepts them again on return", async () => {
    const other = await seedOrganisation(api.prisma, "kota-leaver");
    const setActive = (active: boolean) =>
      api.request(other.tokens.admin!, `mutation($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { __typename } }`, { input: { id: other.ids.peer, active } });
    expect((await setActive(false)).data.updateEmployee.__typename).toBe("UpdateEmployeePayload");
    const refused = await api.request(other.tokens.peer!, `{ me { role } }`);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/deactivated/);
    expect((await api.request(other.tokens.staff!, `{ me { role } }`)).status).toBe(200);
    await setActive(true);
    expect((await api.request(other.tokens.peer!, `{ me { role } }`)).status).toBe(200);
  });

  it("shows an employee their SKP with indicators and realisations", async () => {
    const result = await api.request(
      org.tokens.staff!,
      `{ me { employee { skps(year: 2026) { status rhks { kind indicators { description target targetUnit realisations { value status period { label } } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.me.employee.skps).toEqual([
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
