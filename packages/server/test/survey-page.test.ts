import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";

// The survey on a page of its own, for the QR code at the counter and the
// kiosk tablet, and the poster that carries the QR. (The page at work in a
// browser, kiosk mode included: packages/widgets/test/kiosk.test.ts.)

describe.each(databaseKinds)("the standalone survey page and its poster on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi(kind, { publicUrl: "https://kinerja.salatiga.go.id" });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
  });
  afterAll(() => api?.close());

  const get = (path: string) => api.yoga.fetch(`http://kinerja.test${path}`);

  it("serves the survey page under a strict policy, in either language and as a kiosk", async () => {
    const response = await get(`/s/${org.survey.slug}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe");
    const html = await response.text();
    expect(html).toContain(`<title>Survei Kepuasan Masyarakat: Pelayanan Imunisasi</title>`);
    expect(html).toContain(`<kinerja-survey api="/graphql" survey="${org.survey.slug}" lang="id"></kinerja-survey>`);
    expect(html).toContain(`<script type="module" src="/widgets/kinerja-widgets.js"></script>`);
    const kiosk = await (await get(`/s/${org.survey.slug}?kiosk&lang=en`)).text();
    expect(kiosk).toContain(`<html lang="en">`);
    expect(kiosk).toContain(`lang="en" kiosk></kinerja-survey>`);
  });

  it("prints a poster whose QR leads to the page at the public address", async () => {
    const response = await get(`/posters/${org.survey.slug}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text).toContain("Pelayanan Imunisasi");
    expect(text).toContain("Pindai kode QR dengan kamera ponsel Anda");
    expect(text).toContain(`https://kinerja.salatiga.go.id/s/${org.survey.slug}`);
  });

  it("has neither for a draft or unknown survey", async () => {
    await api.prisma.survey.create({ data: { instansiId: org.instansi.id, unitId: org.survey.unitId, slug: "kota-salatiga-draft", serviceName: "Belum dibuka" } });
    await api.publication.refresh([org.survey.unitId]);
    for (const slug of ["kota-salatiga-draft", "no-such-survey"]) {
      expect((await get(`/s/${slug}`)).status).toBe(404);
      expect((await get(`/posters/${slug}.pdf`)).status).toBe(404);
    }
  });
});
