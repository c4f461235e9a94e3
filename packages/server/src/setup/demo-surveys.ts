import { randomUUID } from "node:crypto";
import { elements, type Element } from "../domain/ikm.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createSurveyPeriod } from "../surveys/periods.ts";
import { paperResponseKey } from "../surveys/paper-entry.ts";
import { recordResponse } from "../surveys/record-response.ts";

// Open SKM surveys with a few hundred responses in each demo region, so the
// scorecards have something to show on first start. Responses go through
// the same recordResponse as real ones, so the running totals are real.

interface DemoSurvey {
  region: string;
  unit: string;
  slug: string;
  serviceName: string;
  serviceUsersPerQuarter: number;
  responsesPerQuarter: number;
  /** Typical score per element (1–4), before noise; U4 high where the service is free. */
  level: Record<Element, number>;
  extraQuestion?: { textId: string; textEn: string };
  /** The follow-up the unit planned after the first quarter, for its weakest element. */
 
    followUp: { element: Element; action: string; responsible: string; status: "PLANNED" | "IN_PROGRESS" | "DONE"; evidence?: string };
}

const typical = (overrides: Partial<Record<Element, number>>): Record<Element, number> => ({
  U1: 3.2, U2: 3.0, U3: 2.9, U4: 3.8, U5: 3.1, U6: 3.3, U7: 3.4, U8: 2.9, U9: 3.0, ...overrides,
});

export const demoSurveys: DemoSurvey[] = [
  {
    region: "kota-salatiga", unit: "dpmptsp", slug: "salatiga-dpmptsp-pbg", serviceName: "Penerbitan Persetujuan Bangunan Gedung (PBG)",
    serviceUsersPerQuarter: 350, responsesPerQuarter: 70, level: typical({ U3: 2.6, U4: 3.1 }),
    followUp: { element: "U3", action: "Memangkas verifikasi teknis PBG menjadi paling lama 10 hari kerja dengan jadwal tim teknis mingguan", responsible: "Kepala Bidang Perizinan", status: "DONE", evidence: "Jadwal sidang tim profesi ahli tiap Selasa sejak Mei; rata-rata penyelesaian 9 hari kerja." },
    extraQuestion: { textId: "Dari mana Anda mengetahui layanan ini?", textEn: "How did you learn about this service?" },
  },
  {
    region: "kota-salatiga", unit: "dinas-kesehatan", slug: "salatiga-dinkes-imunisasi", serviceName: "Pelayanan Imunisasi",
    serviceUsersPerQuarter: 900, responsesPerQuarter: 60, level: typical({ U6: 3.6, U7: 3.7 }),
    followUp: { element: "U8", action: "Membuka kanal pengaduan WhatsApp dan menjawab setiap aduan dalam 2 hari kerja", responsible: "Kepala Seksi Imunisasi", status: "IN_PROGRESS" },
  },
  {
    region: "kabupaten-lampung-utara", unit: "dpmptsp", slug: "kotabumi-dpmptsp-perizinan", serviceName: "Perizinan Berusaha",
    serviceUsersPerQuarter: 500, responsesPerQuarter: 60, level: typical({ U2: 2.7, U3: 2.5 }),
    followUp: { element: "U3", action: "Menerapkan antrean daring untuk perizinan berusaha", responsible: "Kepala Bidang Pelayanan Perizinan", status: "IN_PROGRESS" },
  },
  {
    region: "distrik-walesi", unit: "seksi-pelayanan-umum", slug: "walesi-pelayanan-umum", serviceName: "Surat Keterangan dan Administrasi Kependudukan",
    serviceUsersPerQuarter: 120, responsesPerQuarter: 35, level: typical({ U9: 2.4, U3: 2.7 }),
    followUp: { element: "U9", action: "Menyediakan kursi tunggu dan papan informasi persyaratan di ruang pelayanan", responsible: "Kepala Seksi Pelayanan Umum", status: "PLANNED" },
  },
  {
    region: "kecamatan-maulafa", unit: "puskesmas-sikumana", slug: "maulafa-puskesmas-kia", serviceName: "Pelayanan Kesehatan Ibu dan Anak",
    serviceUsersPerQuarter: 400, responsesPerQuarter: 50, level: typical({ U7: 3.6, U9: 2.8 }),
    followUp: { element: "U9", action: "Memperbaiki ruang laktasi dan menambah kipas di ruang tunggu KIA", responsible: "Kepala Puskesmas Sikumana", status: "DONE", evidence: "Ruang laktasi diperbaiki Agustus; dua kipas angin dipasang." },
  },
  {
    // A second service of the same DPMPTSP: its scorecard shows the unit's IKM across both.
    region: "kota-salatiga", unit: "dpmptsp", slug: "salatiga-dpmptsp-nib", serviceName: "Penerbitan Nomor Induk Berusaha (NIB) dan Izin Usaha",
    serviceUsersPerQuarter: 600, responsesPerQuarter: 55, level: typical({ U1: 3.5, U2: 3.4, U3: 3.3 }),
    followUp: { element: "U8", action: "Menyediakan meja pendampingan OSS untuk pelaku usaha mikro setiap Rabu", responsible: "Kepala Bidang Pelayanan Perizinan", status: "PLANNED" },
  },
];

/** The four quarters of the current year, so the demo surveys are open whenever the demo runs. */
function quartersOf(year: number) {
  return [0, 1, 2, 3].map((q) => ({
    label: `Triwulan ${["I", "II", "III", "IV"][q]} ${year}`,
    startsOn: new Date(Date.UTC(year, q * 3, 1)),
    endsOn: new Date(Date.UTC(year, q * 3 + 3, 0)),
  }));
}

export async function seedDemoSurveys(prisma: PrismaClient, random: () => number, now = new Date()) {
  const year = now.getUTCFullYear();
  for (const demo of demoSurveys) {
    const unit = await prisma.orgUnit.findFirstOrThrow({ where: { slug: demo.unit, instansi: { slug: demo.region } } });
    const survey = await prisma.survey.create({
      data: {
        instansiId: unit.instansiId,
        unitId: unit.id,
        slug: demo.slug,
        serviceName: demo.serviceName,
        status: "OPEN",
        openedAt: new Date(Date.UTC(year, 0, 2)),
        questions: demo.extraQuestion ? { create: [{ instansiId: unit.instansiId, position: 0, kind: "TEXT", ...demo.extraQuestion }] } : undefined,
      },
    });
    for (const [index, quarter] of quartersOf(year).entries()) {
      const period = await createSurveyPeriod(prisma, { instansiId: unit.instansiId, surveyId: survey.id, serviceUsers: demo.serviceUsersPerQuarter, ...quarter });
      if (index === 0) {
        const { evidence, ...planned } = demo.followUp;
        await prisma.followUpAction.create({
          data: { instansiId: unit.instansiId, surveyPeriodId: period.id, ...planned, evidence: evidence ?? null, dueOn: new Date(Date.UTC(year, 8, 30)) },
        });
      }
      // Responses in the quarters that have begun, spread up to today; service improves a little each quarter.
      const until = Math.min(quarter.endsOn.getTime() + 86_399_000, now.getTime() - 60_000);
      if (until <= quarter.startsOn.getTime()) continue;
      const improvement = 0.08 * quartersOf(year).findIndex((q) => q.label === quarter.label);
      const share = (until - quarter.startsOn.getTime()) / (quarter.endsOn.getTime() + 86_399_000 - quarter.startsOn.getTime());
      // The current quarter always has some, so a demo started on 2 January still shows a scorecard.
      const current = now.getTime() <= quarter.endsOn.getTime() + 86_399_000;
      const count = Math.max(Math.round(demo.responsesPerQuarter * share), current ? 25 : 0);
      for (let i = 0; i < count; i++) {
        const answers = Object.fromEntries(
          elements.map((element) => [element, Math.max(1, Math.min(4, Math.round(demo.level[element] + improvement + (random() - 0.5) * 1.6)))]),
        ) as Record<Element, number>;
        const at = new Date(quarter.startsOn.getTime() + random() * (until - quarter.startsOn.getTime()));
        // Every tenth came on a paper questionnaire, typed in later by the unit.
        const paper = i % 10 === 9;
        const outcome = await recordResponse(
          prisma,
          {
            surveySlug: demo.slug,
            idempotencyKey: paper ? paperResponseKey(`${quarter.label.replace(/\s+/g, "-")}/${i + 1}`) : randomUUID(),
            ...(paper ? { answeredAt: at } : {}),
            answers,
            sex: random() < 0.5 ? "LAKI_LAKI" : "PEREMPUAN",
            age: 18 + Math.floor(random() * 50),
            education: (["SMA", "SMA", "D4_S1", "SMP", "D1_D3", "SD", "S2_KE_ATAS"] as const)[Math.floor(random() * 7)]!,
            occupation: (["SWASTA", "WIRAUSAHA", "LAINNYA", "PNS", "WIRAUSAHA"] as const)[Math.floor(random() * 5)]!,
            suggestion: random() < 0.15 ? "Mohon antrean dibuat lebih jelas dan ruang tunggu diperluas." : null,
          },
          paper ? { now: at, paper } : { now: at },
        );
        if (!outcome.ok) throw new Error(`Demo response refused: ${JSON.stringify(outcome.refusal)}`);
      }
    }
    await prisma.scorecard.upsert({ where: { unitId: unit.id }, create: { instansiId: unit.instansiId, unitId: unit.id, published: true }, update: {} });
  }
}
