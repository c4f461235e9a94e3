import { buildSchema, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trustedDocuments } from "../src/publication/trusted-documents.ts";
import { schemaSdl } from "../src/schema/sdl.ts";
import { startApi, type Api } from "./support/api.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";
import { responseInput, submit } from "./support/surveys.ts";

// The widgets' trusted documents over GET: short URLs, answers from memory
// per snapshot version, ETags and 304s for proxies and phones.

it("keeps every trusted document valid against the schema", () => {
  const schema = buildSchema(schemaSdl());
  for (const [id, document] of Object.entries(trustedDocuments)) expect(validate(schema, parse(document)).map((e) => e.message), id).toEqual([]);
});

describe("public reads over GET", () => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi("pglite");
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    await api.prisma.scorecard.create({ data: { instansiId: org.instansi.id, unitId: org.unit.id, published: true } });
  });
  afterAll(() => api?.close());

  const get = (documentId: string, variables: object, headers: Record<string, string> = {}) =>
    api.yoga.fetch(`http://kinerja.test/graphql?documentId=${documentId}&variables=${encodeURIComponent(JSON.stringify(variables))}`, { headers });
  const card = { instansi: "kota-salatiga", unit: "dinas-kesehatan" };

  it("answers a scorecard by document ID, then from memory with no SQL, and 304 for a client that holds it", async () => {
    const first = await get("scorecard.v1", card);
    expect(first.status).toBe(200);
    expect((await first.json()).data.scorecard.unitName).toBe("Dinas Kesehatan");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"/);
    expect(first.headers.get("cache-control")).toMatch(/public, max-age=\d+, stale-while-revalidate=\d+/);
    let again: Response | null = null;
    expect(await api.statementsOf(async () => (again = await get("scorecard.v1", card)))).toEqual([]);
    expect(again!.headers.get("etag")).toBe(etag);
    expect((await again!.json()).data.scorecard.unitName).toBe("Dinas Kesehatan");
    const unchanged = await get("scorecard.v1", card, { "if-none-match": etag! });
    expect(unchanged.status).toBe(304);
  });

  it("names a new version with a new ETag once the figures move", async () => {
    const before = (await get("scorecard.v1", card)).headers.get("etag");
    for (let i = 0; i < 5; i++) await submit(api, responseInput(org.survey.slug, [4, 4, 4, 4, 4, 4, 4, 4, 4]));
    await api.publication.idle();
    const after = await get("scorecard.v1", card, { "if-none-match": before! });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
    expect((await after.json()).data.scorecard.surveys[0].result).toMatchObject({ responseCount: 5, ikm: 100 });
  });

  it("serves a survey's form the same way", async () => {
    const form = await get("survey.v1", { slug: org.survey.slug, language: "EN" });
    expect(form.headers.get("etag")).toMatch(/^"/);
    expect((await form.json()).data.survey.questions).toHaveLength(9);
  });

  it("refuses an unknown document ID", async () => {
    const response = await get("scorecard.v0", card);
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe("DOCUMENT_NOT_FOUND");
  });

  it("runs a trusted mutation sent by ID in a POST body", async () => {
    const { responseInput: input } = await import("./support/surveys.ts");
    const response = await api.yoga.fetch("http://kinerja.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ documentId: "submit.v1", variables: { input: { ...input(org.survey.slug, [3, 3, 3, 3, 3, 3, 3, 3, 3]), proofOfWork: "x" } } }),
    });
    const body = await response.json();
    expect(body.data?.submitSurveyResponse?.__typename, JSON.stringify(body)).toBe("SpamSuspectedError");
  });
});
