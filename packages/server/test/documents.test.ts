import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupedNip } from "../src/domain/nip.ts";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { gid, seedOrganisation, type Organisation } from "./support/organisation.ts";

// SKP and evaluation documents as PDF over HTTP, read back as text: the
// right names, NIPs, indicators and predikat, the attachment, a JPT's
// perspectives, a functional position's credit points, and the QR's
// verification endpoint telling a genuine, unchanged copy from an altered one.

const updateEmployee = graphql(`mutation DocEmployee($input: UpdateEmployeeInput!) {
  updateEmployee(input: $input) { __typename ... on Error { message } ... on UpdateEmployeePayload { employee { positionKind creditCoefficient } } }
}`);
const attach = graphql(`mutation DocAttachment($input: SetSkpAttachmentInput!) {
  setSkpAttachment(input: $input) { __typename ... on Error { message } ... on SetSkpAttachmentPayload { skp { resourceSupport accountability consequences documentPath } } }
}`);
const agree = graphql(`mutation DocAgree($input: AgreeSkpInput!) { agreeSkp(input: $input) { __typename ... on Error { message } } }`);

describe.each(databaseKinds)("documents on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  let nips: Record<string, string>;
  beforeAll(async () => {
    api = await startApi(kind, {}, { clock: () => new Date("2027-01-04T02:00:00Z") });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    const people = await api.prisma.employee.findMany({ where: { instansiId: org.instansi.id } });
    nips = Object.fromEntries(Object.entries(org.people).map(([role, person]) => [role, people.find((p) => p.id === person.id)!.nip]));
    await api.prisma.employee.update({ where: { id: org.people.staff!.id }, data: { positionKind: "FUNGSIONAL", creditCoefficient: 12.5, position: "Epidemiolog Kesehatan Ahli Pertama" } });
    await api.prisma.skp.update({
      where: { id: org.skp.id },
      data: {
        resourceSupport: ["Aplikasi ASIK Kemenkes", "Cold chain vaksin di 6 puskesmas"],
        accountability: ["Laporan bulanan cakupan imunisasi kepada Kepala Seksi"],
        consequences: ["Predikat kinerja menjadi dasar pembayaran TPP"],
      },
    });
    await api.prisma.realisation.update({ where: { id: org.realisation.id }, data: { status: "APPROVED" } });
    await api.prisma.unitPerformance.create({ data: { instansiId: org.instansi.id, unitId: org.unit.id, yearId: org.year.id, predikat: "BAIK" } });
  });
  afterAll(() => api?.close());

  const get = (path: string, token?: string) => api.yoga.fetch(`http://kinerja.test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const pdfText = async (response: Response) => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
    return { bytes, text: text.replace(/\s+/g, " ") };
  };

  it("prints the SKP with its parties, indicators and attachment, for those who may read it", async () => {
    const path = `/documents/skp/${encodeURIComponent(org.ids.skp)}.pdf`;
    const { text } = await pdfText(await get(path, org.tokens.staff!));
    expect(text).toContain("SASARAN KINERJA PEGAWAI");
    for (const role of ["staff", "kasi", "kepala"]) expect(text).toContain(groupedNip(nips[role]!));
    expect(text).toContain("Atasan Pejabat Penilai Kinerja".toUpperCase());
    expect(text).toContain("Cakupan imunisasi dasar lengkap meningkat");
    expect(text).toContain("Persentase bayi diimunisasi lengkap");
    expect(text).toContain("Kuantitas");
    expect(text).toContain("Cold chain vaksin di 6 puskesmas");
    expect(text).toContain("Predikat kinerja menjadi dasar pembayaran TPP");
    expect(text).toMatch(/Kode verifikasi: [A-Za-z0-9_-]{22}/);
    // Outside the SKP's circle it does not exist; without a token nothing.
    expect((await get(path, org.tokens.kasiLain!)).status).toBe(404);
    expect((await get(path)).status).toBe(401);
  });

  it("lists a JPT's perspectives where other SKPs list aspects", async () => {
    await api.prisma.employee.update({ where: { id: org.people.staff!.id }, data: { positionKind: "JPT" } });
    await api.prisma.indicator.update({ where: { id: org.indicator.id }, data: { perspective: "PENERIMA_LAYANAN" } });
    const { text } = await pdfText(await get(`/documents/skp/${encodeURIComponent(org.ids.skp)}.pdf`, org.tokens.admin!));
    expect(text).toContain("Perspektif Penerima Layanan");
    expect(text).not.toContain("Kuantitas");
    await api.prisma.employee.update({ where: { id: org.people.staff!.id }, data: { positionKind: "FUNGSIONAL" } });
  });

  it("keeps the form's inputs: the attachment while drafting, a functional position's coefficient, a JPT's perspectives before agreeing", async () => {
    const attachment = { resourceSupport: ["Aplikasi SKDR"], accountability: ["Laporan mingguan kepada Kepala Seksi"], consequences: ["Dasar pembayaran TPP"] };
    const written = (await api.request(org.tokens.peer!, attach, { input: { skpId: org.ids.draftSkp, ...attachment } })).data!.setSkpAttachment;
    expect(written).toMatchObject({ skp: { ...attachment, documentPath: `/documents/skp/${encodeURIComponent(org.ids.draftSkp)}.pdf` } });
    // The agreed SKP's plan, attachment included, is fixed.
    expect((await api.request(org.tokens.staff!, attach, { input: { skpId: org.ids.skp, ...attachment } })).data!.setSkpAttachment.__typename).toBe("ConflictError");

    const notFunctional = await api.request(org.tokens.admin!, updateEmployee, { input: { id: org.ids.peer, creditCoefficient: 12.5 } });
    expect(notFunctional.data!.updateEmployee.__typename).toBe("InputValidationError");
    const functional = await api.request(org.tokens.admin!, updateEmployee, { input: { id: org.ids.peer, positionKind: "FUNGSIONAL", creditCoefficient: 12.5 } });
    expect(functional.data!.updateEmployee).toMatchObject({ employee: { positionKind: "FUNGSIONAL", creditCoefficient: 12.5 } });
    const jpt = await api.request(org.tokens.admin!, updateEmployee, { input: { id: org.ids.peer, positionKind: "JPT" } });
    expect(jpt.data!.updateEmployee).toMatchObject({ employee: { positionKind: "JPT", creditCoefficient: null } });
    expect((await api.request(org.tokens.kasi!, agree, { input: { skpId: org.ids.draftSkp } })).data!.agreeSkp).toMatchObject({
      __typename: "ConflictError",
      message: expect.stringMatching(/perspective/),
    });
  });

  it("prints the annual evaluation with the organisation's result, the distribution, the predikat and the credit points; its QR verifies it", async () => {
    const evaluation = await api.prisma.evaluation.create({
      data: {
        instansiId: org.instansi.id,
        skpId: org.skp.id,
        periodId: org.annual.id,
        status: "FINAL",
        hasilKerja: "DI_ATAS_EKSPEKTASI",
        perilakuKerja: "DI_ATAS_EKSPEKTASI",
        predikat: "SANGAT_BAIK",
        finalisedById: org.people.kasi!.id,
        finalisedAt: new Date("2026-12-28T02:00:00Z"),
        reviewerId: org.people.kepala!.id,
      },
    });
    const { bytes, text } = await pdfText(await get(`/documents/evaluation/${encodeURIComponent(gid("Evaluation", evaluation.id))}.pdf`, org.tokens.kasi!));
    expect(text).toContain("PERIODE: TAHUNAN 2026");
    expect(text).toContain(groupedNip(nips.staff!));
    expect(text).toContain("Dinas Kesehatan: Baik");
    expect(text).toContain("Paling banyak 70% Baik");
    expect(text).toContain("96,5 %"); // the approved realisation against a target of 95 %
    expect(text).toContain("Sangat Baik");
    expect(text).toContain("12,5 × 150% = 18,75");
    const code = /Kode verifikasi: ([A-Za-z0-9_-]{22})/.exec(text)![1]!;

    const page = await get(`/verify/${code}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Dokumen asli dan tidak berubah");
    const same = await api.yoga.fetch(`http://kinerja.test/verify/${code}`, { method: "POST", body: bytes });
    expect(await same.json()).toMatchObject({ unchanged: true, sameFile: true, employee: { nip: nips.staff } });
    const altered = bytes.slice();
    altered[altered.length - 20]! ^= 1;
    expect(await (await api.yoga.fetch(`http://kinerja.test/verify/${code}`, { method: "POST", body: altered })).json()).toMatchObject({ sameFile: false });
    // An objection later changes the predikat: the document no longer matches the record.
    await api.prisma.evaluation.update({ where: { id: evaluation.id }, data: { predikat: "BAIK", hasilKerja: "SESUAI_EKSPEKTASI" } });
    expect(await (await get(`/verify/${code}`)).text()).toContain("datanya telah berubah");
    expect((await get("/verify/AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
  });
});
