// The report's own words; the shared ones (numbers, labels, statuses) come from shared/i18n.ts.

const id = {
  title: (year: number) => `Laporan Kinerja Pelayanan Publik ${year}`,
  none: "Belum ada laporan yang dipublikasikan untuk tahun ini.",
  services: (year: number) => `IKM per layanan, ${year}`,
  service: "Layanan",
  ikm: "IKM",
  grade: "Mutu",
  respondents: "Responden",
  notShown: "Belum tampil (kurang dari batas minimal responden)",
  trend: (service: string) => `Tren IKM per periode: ${service}`,
  profile: (service: string, year: number) => `Nilai per unsur ${year}: ${service}`,
  followUp: "Tindak lanjut hasil survei",
  whoAnswered: (period: string, n: string) => `Profil responden ${period} (${n} responden)`,
  withheld: "Tidak ditampilkan: ada kelompok dengan kurang dari batas minimal responden.",
  dimensions: { channel: "Cara mengisi", sex: "Jenis kelamin", age: "Usia", education: "Pendidikan", occupation: "Pekerjaan" } as Record<string, string>,
  groups: { ONLINE: "Daring", PAPER: "Kertas", UNDER_25: "< 25 tahun", "25_34": "25–34 tahun", "35_44": "35–44 tahun", "45_54": "45–54 tahun", "55_PLUS": "55 tahun ke atas", NOT_STATED: "Tidak mengisi", OTHER: "Lainnya (digabung)" } as Record<string, string>,
  indicatorsAchieved: (year: number | null, achieved: number, total: number) => `Indikator kinerja ${year ?? ""}: ${achieved} dari ${total} tercapai`,
};

export type ReportMessages = typeof id;

const en: ReportMessages = {
  title: (year) => `Public Service Performance Report ${year}`,
  none: "No report has been published for this year yet.",
  services: (year) => `IKM per service, ${year}`,
  service: "Service",
  ikm: "IKM",
  grade: "Grade",
  respondents: "Respondents",
  notShown: "Not shown yet (fewer respondents than the minimum)",
  trend: (service) => `IKM trend per period: ${service}`,
  profile: (service, year) => `Score per element ${year}: ${service}`,
  followUp: "Follow-up of the survey results",
  whoAnswered: (period, n) => `Who answered in ${period} (${n} respondents)`,
  withheld: "Not shown: a group has fewer respondents than the minimum.",
  dimensions: { channel: "How they answered", sex: "Sex", age: "Age", education: "Education", occupation: "Occupation" },
  groups: { ONLINE: "Online", PAPER: "On paper", UNDER_25: "Under 25", "25_34": "25–34", "35_44": "35–44", "45_54": "45–54", "55_PLUS": "55 and over", NOT_STATED: "Not stated", OTHER: "Other (merged)" },
  indicatorsAchieved: (year, achieved, total) => `Performance indicators ${year ?? ""}: ${achieved} of ${total} achieved`,
};

export const reportMessages = (language: "ID" | "EN") => (language === "EN" ? en : id);
