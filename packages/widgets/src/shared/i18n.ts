// Bahasa Indonesia by default; English with lang="en" on the element.

const id = {
  loading: "Memuat…",
  loadFailed: "Survei tidak dapat dimuat. Periksa koneksi Anda lalu muat ulang halaman.",
  closed: "Survei ini sedang tidak menerima jawaban.",
  intro: "Survei Kepuasan Masyarakat. Jawaban Anda anonim.",
  required: "wajib",
  chooseAnswer: "Pilih salah satu jawaban.",
  missing: (n: number) => `${n} pertanyaan belum dijawab.`,
  profile: "Profil responden (opsional)",
  sex: "Jenis kelamin",
  sexes: { LAKI_LAKI: "Laki-laki", PEREMPUAN: "Perempuan" },
  age: "Usia (tahun)",
  ageInvalid: "Isi usia antara 10 dan 120 tahun.",
  education: "Pendidikan terakhir",
  educations: { SD: "SD", SMP: "SMP", SMA: "SMA", D1_D3: "D1–D3", D4_S1: "D4/S1", S2_KE_ATAS: "S2 ke atas" },
  occupation: "Pekerjaan",
  occupations: { PNS: "PNS", TNI: "TNI", POLRI: "POLRI", SWASTA: "Pegawai swasta", WIRAUSAHA: "Wirausaha", LAINNYA: "Lainnya" },
  notSaying: "Tidak diisi",
  suggestion: "Saran dan masukan (opsional)",
  charactersLeft: (n: number) => `${n} karakter tersisa`,
  submit: "Kirim jawaban",
  submitting: "Mengirim…",
  thanks: "Terima kasih! Jawaban Anda sudah kami terima.",
  currentIkm: "Indeks Kepuasan Masyarakat unit ini saat ini",
  offline: "Anda sedang offline. Jawaban Anda disimpan di perangkat ini dan akan dikirim otomatis saat koneksi kembali.",
  failed: "Jawaban belum terkirim. Silakan coba lagi.",
  again: "Isi survei lagi",
  nextRespondent: "Responden berikutnya",
  kioskNext: (seconds: number) => `Formulir kosong untuk responden berikutnya terbuka dalam ${seconds} detik.`,
  grade: "Mutu",
  responses: (n: string) => `${n} responden`,
  notRepresentative: (n: string, target: string) => `Sampel belum representatif: ${n} dari minimal ${target} responden.`,
  noResult: "Hasil akan tampil setelah ada minimal 5 responden.",
  notPublished: "Kartu kinerja unit ini belum dipublikasikan.",
  trend: "Tren IKM per periode",
  elements: "Nilai per unsur",
  indicators: "Indikator kinerja unit",
  target: "Target",
  realised: "Realisasi",
  achieved: "tercapai",
  noRealisation: "Belum ada realisasi",
  predikat: "Sebaran predikat kinerja pegawai",
  people: (n: string) => `${n} pegawai`,
  live: "Diperbarui otomatis",
  followUp: (period: string) => `Rencana tindak lanjut (${period})`,
  unitIkm: "IKM unit, seluruh layanan",
  due: "Target",
  followUpStatus: { PLANNED: "Direncanakan", IN_PROGRESS: "Berjalan", DONE: "Selesai" } as Record<string, string>,
  commitments: "Janji kepada forum warga",
  commitmentStatus: { PROMISED: "Dijanjikan", IN_PROGRESS: "Berjalan", DONE: "Ditepati", DROPPED: "Dibatalkan" } as Record<string, string>,
  participants: (n: string) => `${n} peserta`,
  asked: "Aspirasi warga",
};

export type Messages = typeof id;

const en: Messages = {
  ...id,
  loading: "Loading…",
  loadFailed: "The survey could not be loaded. Check your connection and reload the page.",
  closed: "This survey is not accepting answers at the moment.",
  intro: "Citizen Satisfaction Survey. Your answers are anonymous.",
  required: "required",
  chooseAnswer: "Choose one answer.",
  missing: (n) => `${n} question${n === 1 ? " is" : "s are"} not answered yet.`,
  profile: "About you (optional)",
  sex: "Sex",
  sexes: { LAKI_LAKI: "Male", PEREMPUAN: "Female" },
  age: "Age (years)",
  ageInvalid: "Enter an age between 10 and 120.",
  education: "Education",
  educations: { SD: "Primary", SMP: "Junior secondary", SMA: "Senior secondary", D1_D3: "Diploma (D1–D3)", D4_S1: "Bachelor (D4/S1)", S2_KE_ATAS: "Master or higher" },
  occupation: "Occupation",
  occupations: { PNS: "Civil servant", TNI: "Military", POLRI: "Police", SWASTA: "Private employee", WIRAUSAHA: "Self-employed", LAINNYA: "Other" },
  notSaying: "Prefer not to say",
  suggestion: "Suggestions (optional)",
  charactersLeft: (n) => `${n} characters left`,
  submit: "Send answers",
  submitting: "Sending…",
  thanks: "Thank you! We have received your answers.",
  currentIkm: "This unit's current Citizen Satisfaction Index",
  offline: "You are offline. Your answers are saved on this device and will be sent automatically when you are back online.",
  failed: "Your answers were not sent. Please try again.",
  again: "Answer again",
  nextRespondent: "Next respondent",
  kioskNext: (seconds: number) => `An empty form for the next respondent opens in ${seconds} seconds.`,
  grade: "Grade",
  responses: (n) => `${n} respondents`,
  notRepresentative: (n, target) => `Sample not yet representative: ${n} of at least ${target} respondents.`,
  noResult: "Results appear once at least 5 people have answered.",
  notPublished: "This unit's scorecard has not been published yet.",
  trend: "IKM trend by period",
  elements: "Score per element",
  indicators: "Unit performance indicators",
  target: "Target",
  realised: "Achieved",
  achieved: "achieved",
  noRealisation: "No result yet",
  predikat: "Employee performance ratings",
  people: (n) => `${n} employees`,
  live: "Updates live",
  followUp: (period) => `Follow-up plan (${period})`,
  unitIkm: "Unit IKM, all services",
  due: "Due",
  followUpStatus: { PLANNED: "Planned", IN_PROGRESS: "In progress", DONE: "Done" },
  commitments: "Commitments to community forums",
  commitmentStatus: { PROMISED: "Promised", IN_PROGRESS: "In progress", DONE: "Kept", DROPPED: "Dropped" },
  participants: (n) => `${n} participants`,
  asked: "Citizens asked",
};

const labels: Record<string, Record<string, string>> = {
  en: { "Sangat Baik": "Very good", Baik: "Good", "Kurang Baik": "Poor", "Tidak Baik": "Very poor", "Butuh Perbaikan": "Needs improvement", Kurang: "Insufficient", "Sangat Kurang": "Very insufficient" },
};

export interface Locale {
  t: Messages;
  language: "ID" | "EN";
  number: (value: number, digits?: number) => string;
  /** The server's Indonesian labels (predikat, kinerja unit) in the element's language. */
  label: (indonesian: string) => string;
}

export function localeFor(lang: string): Locale {
  const english = lang.toLowerCase().startsWith("en");
  const tag = english ? "en" : "id-ID";
  return {
    t: english ? en : id,
    language: english ? "EN" : "ID",
    number: (value, digits = 0) => new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
    label: (indonesian) => (english ? (labels.en![indonesian] ?? indonesian) : indonesian),
  };
}
