import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Api } from "./support/api.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";
import { responseInput, submit } from "./support/surveys.ts";

describe("survey export", () => {
  let api: Api;
  let org: Organisation;
  let foreign: Organisation;
  beforeAll(async () => {
    api = await startApi("pglite");
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    foreign = await seedOrganisation(api.prisma, "kota-lain");
    await submit(api, responseInput(org.survey.slug, [4, 4, 4, 4, 4, 4, 4, 4, 4], { sex: "LAKI_LAKI", suggestion: '=HYPERLINK("http://x")' }));
    await submit(api, responseInput(org.survey.slug, [2, 3, 3, 1, 3, 3, 3, 2, 3], { suggestion: "Ruang tunggu panas, \"kipas\" rusak" }));
  });
  afterAll(() => api?.close());

  const get = (path: string, token?: string) =>
    api.yoga.fetch(`http://kinerja.test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("gives the admin every response as CSV, safe to open in a spreadsheet", async () => {
    const response = await get(`/export/surveys/${org.survey.slug}/responses.csv`, org.tokens.admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("diterima,periode,cara,nomor_kuesioner,U1,U2,U3,U4,U5,U6,U7,U8,U9,jenis_kelamin,usia,pendidikan,pekerjaan,waktu_layanan,saran");
    expect(lines).toHaveLength(3);
    const text = lines.join("\n");
    expect(text).toContain(`,4,4,4,4,4,4,4,4,4,LAKI_LAKI,`);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(`"Ruang tunggu panas, ""kipas"" rusak"`);
  });

  it("gives the result report a pemda publishes", async () => {
    const response = await get(`/export/surveys/${org.survey.slug}/report.csv?period=${encodeURIComponent(org.surveyPeriod.label)}`, org.tokens.admin);
    const text = await response.text();
    // Σ = 36 + 23 = 59 over 2 responses: SKM = 59/18 = 3.2778, IKM 81.94, B.
    expect(text).toContain("U1,Persyaratan,3.000,0.1111,0.333");
    expect(text).toContain("Jumlah responden,2");
    expect(text).toContain("IKM,81.94");
    expect(text).toContain("Mutu pelayanan,B");
    expect(text).toContain("Sampel minimum (Krejcie-Morgan),278");
    expect(text).toContain("Representatif,Belum");
  });

  it("refuses everyone but the survey's own admin", async () => {
    expect((await get(`/export/surveys/${org.survey.slug}/responses.csv`)).status).toBe(401);
    expect((await get(`/export/surveys/${org.survey.slug}/responses.csv`, org.tokens.kasi)).status).toBe(403);
    expect((await get(`/export/surveys/${org.survey.slug}/responses.csv`, foreign.tokens.admin)).status).toBe(404);
    expect((await get(`/export/surveys/${org.survey.slug}/responses.csv`, "knj_forged")).status).toBe(401);
  });
});

describe("rate limit on submissions", () => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi("pglite", { submissionRateLimit: { max: 3, windowSeconds: 60 } });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  it("stops a fourth submission from one address within the window, and stores nothing for it", async () => {
    const from = (ip: string) => ({ "x-forwarded-for": ip });
    for (let i = 0; i < 3; i++) {
      expect((await submit(api, responseInput(org.survey.slug, [3, 3, 3, 3, 3, 3, 3, 3, 3]), from("203.0.113.7"))).__typename).toBe("SubmitSurveyResponsePayload");
    }
    const limited = await submit(api, responseInput(org.survey.slug, [3, 3, 3, 3, 3, 3, 3, 3, 3]), from("203.0.113.7"));
    expect("errors" in limited && limited.status).toBe(429);
    expect("errors" in limited && limited.errors[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(await api.prisma.surveyResponse.count()).toBe(3);
    expect(api.loggedErrors).toEqual([]); // a refusal, not an unexpected error
    // Another citizen is not affected.
    expect((await submit(api, responseInput(org.survey.slug, [3, 3, 3, 3, 3, 3, 3, 3, 3]), from("198.51.100.2"))).__typename).toBe("SubmitSurveyResponsePayload");
  });

  const accepted = async (headers: Record<string, string>) => (await submit(api, responseInput(org.survey.slug, [3, 3, 3, 3, 3, 3, 3, 3, 3]), headers)).__typename === "SubmitSurveyResponsePayload";

  it("takes the address the trusted proxy appended, whatever the client wrote before it", async () => {
    // Behind one proxy: "<what the client sent>, <what the proxy saw>".
    const spoofed = ["10.0.0.1", "192.0.2.1, 10.0.0.2", "unknown, 192.0.2.99, 10.0.0.3", "198.51.100.77"].map((claim) => ({ "x-forwarded-for": `${claim}, 203.0.113.50` }));
    expect(await Promise.all(spoofed.slice(0, 3).map((headers) => accepted(headers)))).toEqual([true, true, true]);
    expect(await accepted(spoofed[3]!)).toBe(false);
  });

  it("counts every address of an IPv6 /64 as one client, an IPv4-mapped address as its IPv4", async () => {
    const v6 = ["2001:db8:aa:1::1", "2001:db8:aa:1:ffff:ffff:ffff:fffe", "2001:0db8:00aa:0001::9", "2001:db8:aa:1::2"];
    for (const address of v6.slice(0, 3)) expect(await accepted({ "x-forwarded-for": address })).toBe(true);
    expect(await accepted({ "x-forwarded-for": v6[3]! })).toBe(false);
    expect(await accepted({ "x-forwarded-for": "2001:db8:aa:2::1" })).toBe(true);
    for (let i = 0; i < 3; i++) expect(await accepted({ "x-forwarded-for": "::ffff:192.0.2.200" })).toBe(true);
    expect(await accepted({ "x-forwarded-for": "192.0.2.200" })).toBe(false);
  });

  it("counts a submission only once its proof of work verifies: garbage cannot lock a kiosk out", async () => {
    const kiosk = { "x-forwarded-for": "203.0.113.80" };
    for (let i = 0; i < 10; i++) {
      const input = { ...responseInput(org.survey.slug, [3, 3, 3, 3, 3, 3, 3, 3, 3]), proofOfWork: Buffer.from(`{"number":${i}}`).toString("base64") };
      const garbage = await api.document(null, "submit.v1", { input }, kiosk);
      expect(garbage.data.submitSurveyResponse.__typename).toBe("SpamSuspectedError");
    }
    for (let i = 0; i < 3; i++) expect(await accepted(kiosk)).toBe(true);
    expect(await accepted(kiosk)).toBe(false);
  });
});

describe("proof of work that rises with an address's submissions", () => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi("pglite", { submissionRateLimit: { max: 100, windowSeconds: 600 } });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  it("asks an address for more work after every ten responses, up to four times the base; others pay the base", async () => {
    const busy = { "x-forwarded-for": "203.0.113.90" };
    const difficulty = async (headers: Record<string, string>) => (await api.document(null, "challenge.v1", {}, headers)).data.surveyChallenge.maxnumber;
    const base = await difficulty(busy);
    expect(base).toBe(api.config.proofOfWork!.maxNumber);
    const seen = [];
    for (let sent = 0; sent < 30; sent++) {
      if (sent % 10 === 0) seen.push(await difficulty(busy));
      expect((await submit(api, responseInput(org.survey.slug, [3, 3, 3, 3, 3, 3, 3, 3, 3]), busy)).__typename).toBe("SubmitSurveyResponsePayload");
    }
    seen.push(await difficulty(busy));
    expect(seen).toEqual([base, 2 * base, 4 * base, 4 * base]);
    expect(await difficulty({ "x-forwarded-for": "198.51.100.91" })).toBe(base);
  });
});

describe("rate limit with no trusted proxy", () => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi("pglite", { submissionRateLimit: { max: 2, windowSeconds: 60 }, trustedProxies: 0 });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  it("ignores X-Forwarded-For: a client cannot claim a new address per request", async () => {
    const outcomes = [];
    for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
      outcomes.push((await submit(api, responseInput(org.survey.slug, [3, 3, 3, 3, 3, 3, 3, 3, 3]), { "x-forwarded-for": address })).__typename ?? "limited");
    }
    expect(outcomes).toEqual(["SubmitSurveyResponsePayload", "SubmitSurveyResponsePayload", "limited"]);
  });
});

describe("CORS", () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi("pglite");
    const org = await seedOrganisation(api.prisma, "kota-salatiga");
    await api.prisma.instansi.update({ where: { id: org.instansi.id }, data: { websiteOrigins: ["https://salatiga.go.id"] } });
  });
  afterAll(() => api?.close());

  const preflight = (origin: string) =>
    api.yoga.fetch("http://kinerja.test/graphql", {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });

  it("lets a registered website call the API, without credentials", async () => {
    const response = await preflight("https://salatiga.go.id");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://salatiga.go.id");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("gives any other website no CORS access", async () => {
    const response = await preflight("https://evil.example");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("compression", () => {
  let api: Api;
  const bundle = `export const widgets = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `kinerja-${i}`))};\n`;
  beforeAll(async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const file = `${await mkdtemp(`${tmpdir()}/kinerja-`)}/kinerja-widgets.js`;
    await writeFile(file, bundle);
    // Introspection and an open anonymous gate give large and small answers to compress.
    api = await startApi("pglite", { widgetFile: file, developerTools: true, anonymousOperations: "any" });
    await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  const gunzip = async (response: Response) => new Response(response.body!.pipeThrough(new DecompressionStream("gzip"))).text();

  it("sends the widget bundle gzipped to clients that accept it, the same bytes otherwise", async () => {
    const zipped = await api.yoga.fetch("http://kinerja.test/widgets/kinerja-widgets.js", { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toContain("accept-encoding");
    expect(await gunzip(zipped)).toBe(bundle);
    const plain = await api.yoga.fetch("http://kinerja.test/widgets/kinerja-widgets.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(bundle);
  });

  it("compresses large API answers, not small ones, nor live updates", async () => {
    const post = (query: string) =>
      api.yoga.fetch("http://kinerja.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "accept-encoding": "gzip" },
        body: JSON.stringify({ query }),
      });
    const large = await post(`{ __schema { types { name description } } }`);
    expect(large.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(await gunzip(large)).data.__schema.types.length).toBeGreaterThan(50);
    const small = await post(`{ __typename }`);
    expect(small.headers.get("content-encoding")).toBeNull();
    const controller = new AbortController();
    const live = await api.yoga.fetch(
      `http://kinerja.test/graphql?query=${encodeURIComponent(`subscription { scorecardUpdated(instansi: "kota-salatiga", unit: "dinas-kesehatan") { unitName } }`)}`,
      { headers: { accept: "text/event-stream", "accept-encoding": "gzip" }, signal: controller.signal },
    );
    expect(live.headers.get("content-type")).toContain("text/event-stream");
    expect(live.headers.get("content-encoding") ?? "none").toBe("none");
    controller.abort();
    await live.body?.cancel().catch(() => {});
  });
});
