import type { AddressInfo } from "node:net";
import { startSiteServer } from "@kinerja/example-regional-site";
import { createInstansi, createKinerja, type Database } from "@kinerja/server";
import { randomUUID } from "node:crypto";
import { createSurveyPeriod, recordResponse } from "@kinerja/server/testing";

// The whole product for a browser test: the Kinerja API on an embedded
// database, and the example Kota Salatiga website on another origin, loading
// the real bundle, exactly as a citizen's browser meets them.

export interface Stack {
  db: Database;
  apiOrigin: string;
  siteOrigin: string;
  responses: (survey: string) => Promise<number>;
  close: () => Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const kinerja = await createKinerja({
    database: { dataDir: "memory://" },
    // Easy proofs of work keep the tests quick; the widget solves them the same way.
    config: { proofOfWork: { hmacKey: "browser-test", maxNumber: 300 } },
    logger: { debug() {}, info() {}, warn() {}, error: (...args: unknown[]) => console.error(...args) },
  });
  const { db } = kinerja;
  const apiOrigin = await kinerja.listen(0, "127.0.0.1");
  const site = await startSiteServer({ port: 0, apiOrigin, host: "127.0.0.1" });
  const siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  await seed(db, siteOrigin);
  return {
    db,
    apiOrigin,
    siteOrigin,
    responses: (slug) => db.prisma.surveyResponse.count({ where: { survey: { slug } } }),
    close: async () => {
      site.closeAllConnections();
      await Promise.all([new Promise((r) => site.close(r)), kinerja.close()]);
    },
  };
}

/** Kota Salatiga with the two units and surveys the example pages embed. */
async function seed(db: Database, siteOrigin: string) {
  const { instansi } = await createInstansi(db.prisma, {
    slug: "kota-salatiga",
    name: "Pemerintah Kota Salatiga",
    kind: "KOTA",
    adminName: "Admin",
    websiteOrigins: [siteOrigin],
  });
  const year = new Date().getUTCFullYear();
  const surveys = [
    { unit: "dpmptsp", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", slug: "salatiga-dpmptsp-pbg", service: "Penerbitan Persetujuan Bangunan Gedung (PBG)", extra: true },
    { unit: "dinas-kesehatan", name: "Dinas Kesehatan", slug: "salatiga-dinkes-imunisasi", service: "Pelayanan Imunisasi", extra: false },
  ];
  for (const s of surveys) {
    const unit = await db.prisma.orgUnit.create({ data: { instansiId: instansi.id, slug: s.unit, name: s.name } });
    await db.prisma.scorecard.create({ data: { instansiId: instansi.id, unitId: unit.id, published: true } });
    const survey = await db.prisma.survey.create({
      data: {
        instansiId: instansi.id,
        unitId: unit.id,
        slug: s.slug,
        serviceName: s.service,
        status: "OPEN",
        questions: s.extra
          ? { create: [{ instansiId: instansi.id, position: 0, kind: "TEXT", textId: "Dari mana Anda mengetahui layanan ini?", textEn: "How did you learn about this service?" }] }
          : undefined,
      },
    });
    const period = await createSurveyPeriod(db.prisma, {
      instansiId: instansi.id,
      surveyId: survey.id,
      label: `Tahun ${year}`,
      startsOn: new Date(Date.UTC(year, 0, 1)),
      endsOn: new Date(Date.UTC(year, 11, 31)),
      serviceUsers: 400,
    });
    if (s.unit === "dpmptsp") {
      // Two more services of the same unit with five answers each (the PBG survey stays empty for the survey tests): the unit's IKM pools them.
      for (const [slug, serviceName, score] of [["salatiga-dpmptsp-nib", "Penerbitan NIB", 4], ["salatiga-dpmptsp-reklame", "Izin Reklame", 2]] as const) {
        const other = await db.prisma.survey.create({ data: { instansiId: instansi.id, unitId: unit.id, slug, serviceName, status: "OPEN" } });
        await createSurveyPeriod(db.prisma, { instansiId: instansi.id, surveyId: other.id, label: `Tahun ${year}`, startsOn: period.startsOn, endsOn: period.endsOn, serviceUsers: 200 });
        for (let i = 0; i < 5; i++) {
          const answers = { U1: score, U2: score, U3: score, U4: score, U5: score, U6: score, U7: score, U8: score, U9: score };
          const outcome = await recordResponse(db.prisma, { surveySlug: slug, idempotencyKey: randomUUID(), answers });
          if (!outcome.ok) throw new Error(`Seed response refused: ${JSON.stringify(outcome.refusal)}`);
        }
      }
    }
    if (!s.extra) {
      // The unit's follow-up plan for its weakest element, as its head would record it.
      await db.prisma.followUpAction.create({
        data: { instansiId: instansi.id, surveyPeriodId: period.id, element: "U3", action: "Menambah petugas loket imunisasi pada hari posyandu", responsible: "Kepala Seksi Imunisasi", dueOn: new Date(Date.UTC(year, 11, 31)), status: "IN_PROGRESS" },
      });
      // And what it promised at a musyawarah, with its status.
      const forum = await db.prisma.communityForum.create({
        data: { instansiId: instansi.id, title: "Musyawarah Kelurahan Kalicacing", kind: "MUSYAWARAH_DESA", heldOn: new Date(Date.UTC(year, 0, 20)), place: "Balai Kelurahan Kalicacing", participants: 58 },
      });
      await db.prisma.forumCommitment.create({
        data: { instansiId: instansi.id, forumId: forum.id, unitId: unit.id, commitment: "Posyandu balita buka sore di RW 07", status: "DONE", note: "Berjalan sejak Maret, jadwal di papan kelurahan" },
      });
    }
  }
}
