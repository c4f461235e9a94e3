import type { IndicatorAspect, IndicatorDirection, InstansiKind } from "../generated/prisma/enums.ts";

// The demo's regions come from Kinerja's source material: Walesi, Kota
// Salatiga, Maulafa and Kotabumi. Units and indicators are the ones their
// articles talk about: vaccination, poverty, complaints, permits, musyawarah.

export interface IndicatorTemplate {
  description: string;
  aspect: IndicatorAspect;
  target: number;
  unit: string;
  direction?: IndicatorDirection;
  /** Counts grow through the year; percentages and durations do not. */
  cumulative?: boolean;
}

export interface UnitTemplate {
  slug: string;
  name: string;
  /** The head's position; sections are named in `sections`. */
  head: string;
  sections: string[];
  /** What the unit is there to achieve (the head's main RHK). */
  result: string;
  indicators: IndicatorTemplate[];
}

export interface RegionTemplate {
  slug: string;
  name: string;
  kind: InstansiKind;
  websiteOrigins: string[];
  /** Names typical of the region, combined deterministically. */
  firstNames: string[];
  lastNames: string[];
  staffPerSection: number;
  units: UnitTemplate[];
}

const kesehatan: UnitTemplate = {
  slug: "dinas-kesehatan",
  name: "Dinas Kesehatan",
  head: "Kepala Dinas Kesehatan",
  sections: ["Bidang Pencegahan dan Pengendalian Penyakit", "Bidang Kesehatan Masyarakat"],
  result: "Meningkatnya derajat kesehatan masyarakat",
  indicators: [
    { description: "Persentase bayi 0–11 bulan yang mendapat imunisasi dasar lengkap", aspect: "KUANTITAS", target: 95, unit: "%" },
    { description: "Persentase ibu hamil yang mendapat pelayanan antenatal K6", aspect: "KUALITAS", target: 90, unit: "%" },
    { description: "Waktu rata-rata tanggapan pengaduan layanan puskesmas", aspect: "WAKTU", target: 2, unit: "hari", direction: "LOWER_IS_BETTER" },
  ],
};

const sosial: UnitTemplate = {
  slug: "dinas-sosial",
  name: "Dinas Sosial",
  head: "Kepala Dinas Sosial",
  sections: ["Bidang Perlindungan dan Jaminan Sosial", "Bidang Pemberdayaan Sosial"],
  result: "Menurunnya jumlah keluarga miskin",
  indicators: [
    { description: "Jumlah keluarga yang keluar dari kemiskinan (graduasi PKH)", aspect: "KUANTITAS", target: 120, unit: "keluarga", cumulative: true },
    { description: "Persentase data DTKS yang dimutakhirkan", aspect: "KUALITAS", target: 90, unit: "%" },
    { description: "Waktu rata-rata verifikasi usulan bantuan sosial", aspect: "WAKTU", target: 5, unit: "hari", direction: "LOWER_IS_BETTER" },
  ],
};

const pendidikan: UnitTemplate = {
  slug: "dinas-pendidikan",
  name: "Dinas Pendidikan",
  head: "Kepala Dinas Pendidikan",
  sections: ["Bidang Pembinaan Sekolah Dasar", "Bidang Pendidik dan Tenaga Kependidikan"],
  result: "Meningkatnya mutu layanan pendidikan dasar",
  indicators: [
    { description: "Angka partisipasi murni SD/MI", aspect: "KUANTITAS", target: 98, unit: "%" },
    { description: "Nilai rata-rata penilaian guru oleh siswa dan orang tua", aspect: "KUALITAS", target: 3.2, unit: "skala 4" },
    { description: "Persentase guru yang mengikuti pengembangan keprofesian berkelanjutan", aspect: "KUANTITAS", target: 85, unit: "%" },
  ],
};

const dpmptsp: UnitTemplate = {
  slug: "dpmptsp",
  name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
  head: "Kepala DPMPTSP",
  sections: ["Bidang Pelayanan Perizinan", "Bidang Pengaduan dan Informasi Layanan"],
  result: "Meningkatnya kualitas pelayanan perizinan",
  indicators: [
    { description: "Waktu rata-rata penyelesaian Persetujuan Bangunan Gedung (PBG)", aspect: "WAKTU", target: 14, unit: "hari", direction: "LOWER_IS_BETTER" },
    { description: "Persentase izin yang terbit tepat waktu", aspect: "KUALITAS", target: 95, unit: "%" },
    { description: "Waktu rata-rata tanggapan pengaduan masyarakat", aspect: "WAKTU", target: 1, unit: "hari", direction: "LOWER_IS_BETTER" },
  ],
};

function pelayananUmum(area: string): UnitTemplate {
  return {
    slug: "seksi-pelayanan-umum",
    name: "Seksi Pelayanan Umum",
    head: `Kepala Seksi Pelayanan Umum ${area}`,
    sections: ["Subseksi Administrasi Kependudukan"],
    result: "Meningkatnya kecepatan pelayanan administrasi",
    indicators: [
      { description: "Waktu rata-rata penyelesaian surat keterangan dan administrasi kependudukan", aspect: "WAKTU", target: 3, unit: "hari", direction: "LOWER_IS_BETTER" },
      { description: "Persentase pengaduan warga yang ditindaklanjuti", aspect: "KUALITAS", target: 90, unit: "%" },
    ],
  };
}

function pemberdayaan(area: string, village: string): UnitTemplate {
  return {
    slug: "seksi-pemberdayaan-masyarakat",
    name: "Seksi Pemberdayaan Masyarakat",
    head: `Kepala Seksi Pemberdayaan Masyarakat ${area}`,
    sections: [`Subseksi Pembangunan ${village}`],
    result: `Meningkatnya partisipasi warga dalam pembangunan ${village}`,
    indicators: [
      { description: `Jumlah musyawarah ${village.toLowerCase()} yang didampingi`, aspect: "KUANTITAS", target: 12, unit: "kegiatan", cumulative: true },
      { description: "Jumlah keluarga yang keluar dari kemiskinan ekstrem", aspect: "KUANTITAS", target: 40, unit: "keluarga", cumulative: true },
    ],
  };
}

function puskesmas(name: string): UnitTemplate {
  return {
    slug: `puskesmas-${name.toLowerCase()}`,
    name: `Puskesmas ${name}`,
    head: `Kepala Puskesmas ${name}`,
    sections: ["Unit Pelayanan Kesehatan Ibu dan Anak"],
    result: "Meningkatnya cakupan pelayanan kesehatan dasar",
    indicators: [
      { description: "Persentase bayi 0–11 bulan yang mendapat imunisasi dasar lengkap", aspect: "KUANTITAS", target: 90, unit: "%" },
      { description: "Jumlah kunjungan posyandu yang didampingi", aspect: "KUANTITAS", target: 48, unit: "kunjungan", cumulative: true },
    ],
  };
}

export const demoRegions: RegionTemplate[] = [
  {
    slug: "kota-salatiga",
    name: "Pemerintah Kota Salatiga",
    kind: "KOTA",
    websiteOrigins: ["http://localhost:4000", "http://localhost:4173"],
    firstNames: ["Agus", "Sri", "Budi", "Endang", "Wahyu", "Retno", "Dwi", "Siti", "Bambang", "Yuliana", "Teguh", "Ratna", "Hendro", "Nur"],
    lastNames: ["Santoso", "Wahyuni", "Prasetyo", "Lestari", "Nugroho", "Rahayu", "Setiawan", "Kurniawati", "Hidayat", "Susanti"],
    staffPerSection: 7,
    units: [kesehatan, pendidikan, sosial, dpmptsp],
  },
  {
    slug: "kabupaten-lampung-utara",
    name: "Pemerintah Kabupaten Lampung Utara (Kotabumi)",
    kind: "KABUPATEN",
    websiteOrigins: [],
    firstNames: ["Rizal", "Dewi", "Herman", "Yeni", "Fauzi", "Rina", "Andi", "Mega", "Syahrial", "Novita", "Irwan", "Leni"],
    lastNames: ["Saputra", "Pratiwi", "Gumay", "Anggraini", "Pranata", "Marlina", "Effendi", "Yulianti", "Harun", "Sari"],
    staffPerSection: 7,
    units: [kesehatan, pendidikan, sosial, dpmptsp],
  },
  {
    slug: "distrik-walesi",
    name: "Distrik Walesi, Kabupaten Jayawijaya",
    kind: "DISTRIK",
    websiteOrigins: [],
    firstNames: ["Yohanes", "Maria", "Marthen", "Yuliana", "Elias", "Ruth", "Benny", "Agustina", "Simon", "Naomi"],
    lastNames: ["Wetipo", "Lokobal", "Wenda", "Matuan", "Asso", "Itlay", "Hubi", "Logo", "Wuka", "Kossay"],
    staffPerSection: 6,
    units: [pelayananUmum("Distrik Walesi"), pemberdayaan("Distrik Walesi", "Kampung"), puskesmas("Walesi")],
  },
  {
    slug: "kecamatan-maulafa",
    name: "Kecamatan Maulafa, Kota Kupang",
    kind: "KECAMATAN",
    websiteOrigins: [],
    firstNames: ["Yosef", "Maria", "Fransiskus", "Yuliana", "Stefanus", "Agnes", "Petrus", "Theresia", "Dominggus", "Imelda"],
    lastNames: ["Lado", "Bria", "Nenobais", "Manafe", "Tallo", "Fanggidae", "Ndun", "Lay", "Benu", "Koli"],
    staffPerSection: 8,
    units: [pelayananUmum("Kecamatan Maulafa"), pemberdayaan("Kecamatan Maulafa", "Kelurahan"), puskesmas("Sikumana")],
  },
];

export const competencyIndicator: IndicatorTemplate = {
  description: "Jam pelajaran pengembangan kompetensi yang diikuti",
  aspect: "KUANTITAS",
  target: 20,
  unit: "JP",
  cumulative: true,
};

export const ranks = {
  head: "Pembina Tingkat I (IV/b)",
  section: "Penata Tingkat I (III/d)",
  staff: ["Penata Muda (III/a)", "Penata Muda Tingkat I (III/b)", "Penata (III/c)", "Pengatur (II/c)"],
};
