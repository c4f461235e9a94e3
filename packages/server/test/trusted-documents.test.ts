import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";
import { databaseFingerprint } from "./support/snapshot.ts";
import { responseInput, submit } from "./support/surveys.ts";

// As deployed: anonymous callers send only the widgets' trusted documents,
// signed-in callers any query; no GraphiQL, no introspection.

describe("trusted documents for anonymous callers (the default)", () => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi("pglite");
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    await api.prisma.scorecard.create({ data: { instansiId: org.instansi.id, unitId: org.unit.id, published: true } });
  });
  afterAll(() => api?.close());

  const anonymousQueries = {
    "a public field": `{ scorecard(instansi: "kota-salatiga", unit: "dinas-kesehatan") { unitName } }`,
    "aliases that multiply a read": `{ a: scorecard(instansi: "kota-salatiga", unit: "dinas-kesehatan") { unitName } b: scorecard(instansi: "kota-salatiga", unit: "dinas-kesehatan") { unitName } }`,
    "a mutation": `mutation { createUnit(input: { name: "Bidang Baru", slug: "bidang-baru" }) { __typename } }`,
    "the submission with another selection": `mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { __typename } }`,
    introspection: `{ __schema { types { name } } }`,
    "a subscription": `subscription { scorecardUpdated(instansi: "kota-salatiga", unit: "dinas-kesehatan") { unitName } }`,
  };

  for (const [what, query] of Object.entries(anonymousQueries)) {
    it(`refuses ${what} sent as query text by an anonymous caller, and runs nothing`, async () => {
      await api.publication.idle();
      const before = await databaseFingerprint(api.prisma);
      const variables = { input: responseInput(org.survey.slug, [4, 4, 4, 4, 4, 4, 4, 4, 4]) };
      const refused = await api.request(null, query, variables);
      expect(refused.status).toBe(403);
      expect(refused.data).toBeUndefined();
      expect(refused.errors?.[0]?.extensions?.code).toBe("TRUSTED_DOCUMENTS_ONLY");
      const overGet = await api.yoga.fetch(`http://kinerja.test/graphql?query=${encodeURIComponent(query)}`, { headers: { accept: "application/graphql-response+json" } });
      expect(overGet.status).toBe(403);
      expect(await databaseFingerprint(api.prisma)).toBe(before);
    });
  }

  it("runs the widgets' documents by ID for anonymous callers", async () => {
    const card = await api.document(null, "scorecard.v1", { instansi: "kota-salatiga", unit: "dinas-kesehatan" });
    expect(card.data.scorecard.unitName).toBe("Dinas Kesehatan");
    const form = await api.document(null, "survey.v1", { slug: org.survey.slug });
    expect(form.data.survey.questions).toHaveLength(9);
    expect(await submit(api, responseInput(org.survey.slug, [4, 4, 4, 4, 4, 4, 4, 4, 4]))).toMatchObject({ __typename: "SubmitSurveyResponsePayload" });
  });

  it("answers an unknown document ID, or a request with neither query nor ID, with a 400", async () => {
    const unknown = await api.document(null, "scorecard.v0");
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("DOCUMENT_NOT_FOUND");
    const empty = await api.yoga.fetch("http://kinerja.test/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(empty.status).toBe(400);
  });

  it("lets a signed-in caller send a query, but a wrong token is a 401, not a pass", async () => {
    const signedIn = await api.request(org.tokens.admin!, graphql(`query MeTwice { a: me { role } b: me { role } }`));
    expect(signedIn.data).toEqual({ a: { role: "ADMIN" }, b: { role: "ADMIN" } });
    const wrong = await api.request("knj_not-a-token", graphql(`query MyRole { me { role } }`));
    expect(wrong.status).toBe(401);
  });

  it("serves no GraphiQL and refuses introspection, even to a signed-in caller", async () => {
    const page = await api.yoga.fetch("http://kinerja.test/graphql", { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("<html");
    const introspection = await api.request(org.tokens.admin!, graphql(`query QueryTypeName { __schema { queryType { name } } }`));
    expect(introspection.data).toBeUndefined();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
  });
});

describe("developer tools and an open anonymous gate, when a deployment asks for them", () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi("pglite", { developerTools: true, anonymousOperations: "any" });
    await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  it("serves GraphiQL and answers introspection and anonymous queries", async () => {
    const page = await api.yoga.fetch("http://kinerja.test/graphql", { headers: { accept: "text/html" } });
    expect(await page.text()).toContain("Kinerja API");
    const introspection = await api.request(null, graphql(`query QueryTypeName { __schema { queryType { name } } }`));
    expect(introspection.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });
});
