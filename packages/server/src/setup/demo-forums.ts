import type { PrismaClient } from "../generated/prisma/client.ts";
import type { CommitmentStatus, ForumKind } from "../generated/prisma/enums.ts";

// A community forum in three demo regions, with what citizens asked for and
// what units promised, so the scorecards show commitments at every status.

interface DemoForum {
  region: string;
  title: string;
  kind: ForumKind;
  /** Month (0–11) and day of this year it was held (last year's, if still ahead). */
  held: [number, number];
  place: string;
  participants: number;
  summary: string;
  aspirations: string[];
  commitments: Array<{ unit: string; aspiration: number; commitment: string; status: CommitmentStatus; note?: string; dueIn: number }>;
}

const demoForums: DemoForum[] = [
  {
    region: "kota-salatiga",
    title: "Musrenbang Kelurahan Kalicacing",
    kind: "MUSRENBANG",
    held: [1, 12],
    place: "Aula Kelurahan Kalicacing, Sidomukti",
    participants: 73,
    summary: "Warga, ketua RT/RW, kader posyandu dan pelaku UMKM menilai layanan kesehatan dan perizinan di kelurahan.",
    aspirations: [
      "Posyandu balita dibuka sore hari untuk ibu yang bekerja",
      "Pendampingan pengurusan NIB bagi pedagang pasar",
      "Jadwal imunisasi diumumkan lewat grup WhatsApp RT",
    ],
    commitments: [
      { unit: "dinas-kesehatan", aspiration: 0, commitment: "Membuka posyandu sore di RW 03 dan RW 07 tiap Kamis kedua", status: "DONE", note: "Berjalan sejak April; rata-rata 31 balita per sesi (laporan Puskesmas Sidorejo Lor).", dueIn: 3 },
      { unit: "dinas-kesehatan", aspiration: 2, commitment: "Mengirim jadwal imunisasi bulanan ke grup WhatsApp setiap RT", status: "IN_PROGRESS", dueIn: 6 },
      { unit: "dpmptsp", aspiration: 1, commitment: "Klinik NIB keliling di Pasar Raya Salatiga dua kali sebulan", status: "IN_PROGRESS", dueIn: 9 },
    ],
  },
  {
    region: "distrik-walesi",
    title: "Musyawarah Kampung Walesi",
    kind: "MUSYAWARAH_DESA",
    held: [2, 4],
    place: "Honai adat Kampung Walesi",
    participants: 112,
    summary: "Kepala kampung, tokoh adat, gereja dan mama-mama menilai pelayanan distrik dan puskesmas.",
    aspirations: ["Petugas puskesmas datang ke kampung yang jauh sebulan sekali", "Surat keterangan bisa diurus tanpa menunggu kepala distrik"],
    commitments: [
      { unit: "puskesmas-walesi", aspiration: 0, commitment: "Puskesmas keliling ke Kampung Air Garam dan Yelai setiap bulan", status: "PROMISED", dueIn: 5 },
      { unit: "seksi-pelayanan-umum", aspiration: 1, commitment: "Pelimpahan tanda tangan surat keterangan kepada sekretaris distrik", status: "DROPPED", note: "Tidak dapat dilaksanakan: pelimpahan wewenang perlu Peraturan Bupati; diusulkan ke Bagian Organisasi.", dueIn: 4 },
    ],
  },
  {
    region: "kecamatan-maulafa",
    title: "Forum Konsultasi Publik Pelayanan Kecamatan",
    kind: "FORUM_KONSULTASI_PUBLIK",
    held: [3, 22],
    place: "Kantor Camat Maulafa",
    participants: 46,
    summary: "Forum konsultasi publik atas standar pelayanan administrasi kependudukan di kecamatan.",
    aspirations: ["Standar waktu layanan dipasang di loket", "Loket prioritas bagi lansia dan penyandang disabilitas"],
    commitments: [
      { unit: "seksi-pelayanan-umum", aspiration: 0, commitment: "Memasang maklumat dan standar waktu setiap layanan di ruang tunggu", status: "DONE", note: "Terpasang sejak Mei; foto di laman kecamatan.", dueIn: 1 },
      { unit: "seksi-pelayanan-umum", aspiration: 1, commitment: "Membuka loket prioritas lansia dan disabilitas", status: "IN_PROGRESS", dueIn: 4 },
    ],
  },
];

export async function seedDemoForums(prisma: PrismaClient, now = new Date()) {
  for (const demo of demoForums) {
    const instansi = await prisma.instansi.findUniqueOrThrow({ where: { slug: demo.region }, select: { id: true, units: { select: { id: true, slug: true } } } });
    const thisYear = new Date(Date.UTC(now.getUTCFullYear(), ...demo.held));
    const heldOn = thisYear <= now ? thisYear : new Date(Date.UTC(now.getUTCFullYear() - 1, ...demo.held));
    const forum = await prisma.communityForum.create({
      data: {
        instansiId: instansi.id,
        title: demo.title,
        kind: demo.kind,
        heldOn,
        place: demo.place,
        participants: demo.participants,
        summary: demo.summary,
        aspirations: { create: demo.aspirations.map((text, position) => ({ instansiId: instansi.id, position, text })) },
      },
      include: { aspirations: { orderBy: { position: "asc" } } },
    });
    for (const c of demo.commitments) {
      const unit = instansi.units.find((u) => u.slug === c.unit);
      if (!unit) throw new Error(`Demo forum: no unit ${c.unit} in ${demo.region}`);
      await prisma.forumCommitment.create({
        data: {
          instansiId: instansi.id,
          forumId: forum.id,
          unitId: unit.id,
          aspirationId: forum.aspirations[c.aspiration]!.id,
          commitment: c.commitment,
          status: c.status,
          note: c.note ?? null,
          dueOn: new Date(Date.UTC(heldOn.getUTCFullYear(), heldOn.getUTCMonth() + c.dueIn, 28)),
        },
      });
    }
  }
}
