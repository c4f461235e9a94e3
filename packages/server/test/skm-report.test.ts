import { randomUUID } from "node:crypto";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSurveyPeriod } from "../src/surveys/periods.ts";
import { recordResponse } from "../src/surveys/record-response.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";
import { elementCodes } from "./support/surveys.ts";

// The printable SKM report of a survey period: its chapters from the
// published figures, the follow-up plan and trend, and the previous
// period's follow-up report attached.

const thisYear = new Date().getUTCFullYear();

describe.each(databaseKinds)("the SKM report on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi(kind);
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    await api.prisma.scorecard.create({ data: { instansiId: org.instansi.id, unitId: org.unit.id, published: true } });
    // Last year: five answers of 3 and a follow-up carried out; this year: five answers of 4 on every element but U8 (2).
    const lastYear = await createSurveyPeriod(api.prisma, {
      instansiId: org.instansi.id, surveyId: org.survey.id, label: `Tahun ${thisYear - 1}`,
      startsOn: new Date(Date.UTC(thisYear - 1, 0, 1)), endsOn: new Date(Date.UTC(thisYear - 1, 11, 31)), serviceUsers: 1000,
    });
    const record = (scores: number[], now: Date) =>
      recordResponse(api.prisma, { surveySlug: org.survey.slug, idempotencyKey: randomUUID(), answers: Object.fromEntries(elementCodes.map((e, i) => [e, scores[i]!])) as never }, { now });
    for (let i = 0; i < 5; i++) await record([3, 3, 3, 3, 3, 3, 3, 3, 3], new Date(Date.UTC(thisYear - 1, 5, 10 + i)));
    for (let i = 0; i < 5; i++) await record([4, 4, 4, 4, 4, 4, 4, 2, 4], new Date());
    await api.prisma.followUpAction.create({
      data: { instansiId: org.instansi.id, surveyPeriodId: lastYear.id, element: "U3", action: "Menambah loket imunisasi pada hari Senin", responsible: "Kepala Seksi Imunisasi", dueOn: new Date(Date.UTC(thisYear - 1, 11, 31)), status: "DONE", evidence: "Loket kedua dibuka sejak 3 Juli; SK Kepala Dinas 800/77." },
    });
    await api.prisma.followUpAction.create({
      data: { instansiId: org.instansi.id, surveyPeriodId: org.surveyPeriod.id, element: "U8", action: "Membuka kanal pengaduan WhatsApp", responsible: "Kepala Seksi Pelayanan", dueOn: new Date(Date.UTC(thisYear, 11, 31)) },
    });
    await api.publication.refresh([org.unit.id]);
  });
  afterAll(() => api?.close());

  const textOf = async (path: string) => {
    const response = await api.yoga.fetch(`http://kinerja.test${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true });
    return text.replace(/\s+/g, " ");
  };

  it("prints the latest period's report in the regional chapters, with last period's follow-up attached", async () => {
    const text = await textOf(`/reports/skm/${org.survey.slug}.pdf`);
    for (const chapter of ["BAB I PENDAHULUAN", "BAB II PENGUMPULAN DATA", "BAB III HASIL", "BAB IV ANALISIS", "BAB V KESIMPULAN"]) expect(text).toContain(chapter);
    // Σ NRR/9 = (8 × 4 + 2) / 9 = 3.778 → IKM 94,44, A; up 19,44 from 75,00.
    expect(text).toContain("IKM (nilai SKM × 25) 94,44");
    expect(text).toContain(`Indeks Kepuasan Masyarakat layanan Pelayanan Imunisasi pada Tahun ${thisYear} adalah 94,44 dengan mutu pelayanan A (Sangat Baik), dari 5 responden, naik 19,44 poin dari Tahun ${thisYear - 1}.`);
    expect(text).toContain("Unsur yang perlu diperbaiki terlebih dahulu: U8 Penanganan pengaduan, saran dan masukan");
    expect(text).toContain("Membuka kanal pengaduan WhatsApp");
    expect(text).toContain("Cara mengisi Daring (situs, kode QR, kios): 5");
    expect(text).toContain(`Laporan tindak lanjut hasil SKM Tahun ${thisYear - 1}`.toUpperCase());
    expect(text).toContain("Loket kedua dibuka sejak 3 Juli; SK Kepala Dinas 800/77.");
  });

  it("prints an earlier period by its label, and nothing for a period or survey with no published result", async () => {
    const text = await textOf(`/reports/skm/${org.survey.slug}.pdf?period=${encodeURIComponent(`Tahun ${thisYear - 1}`)}`);
    expect(text).toContain("IKM (nilai SKM × 25) 75,00");
    expect(text).toContain("Ini periode pertama survei; belum ada tindak lanjut sebelumnya.");
    expect((await api.yoga.fetch(`http://kinerja.test/reports/skm/${org.survey.slug}.pdf?period=Tahun%201999`)).status).toBe(404);
    expect((await api.yoga.fetch(`http://kinerja.test/reports/skm/no-such-survey.pdf`)).status).toBe(404);
  });
});
