import { body, bold, finish, heading, newDocument, section, small } from "./render.ts";
import type { SkmReport } from "./skm-report.ts";
import type { ProfileGroup } from "../surveys/respondent-profile.ts";

// The SKM report (documents/skm-report.ts) as the PDF a unit prints, signs
// and publishes: five chapters and the previous period's follow-up report.

const id = (value: number, digits = 2) => value.toLocaleString("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const statusText: Record<string, string> = { PLANNED: "Direncanakan", IN_PROGRESS: "Berjalan", DONE: "Selesai" };
const dimensionText: Record<string, string> = { channel: "Cara mengisi", sex: "Jenis kelamin", age: "Usia", education: "Pendidikan", occupation: "Pekerjaan" };
const groupText: Record<string, string> = {
  ONLINE: "Daring (situs, kode QR, kios)", PAPER: "Kuesioner kertas", LAKI_LAKI: "Laki-laki", PEREMPUAN: "Perempuan",
  UNDER_25: "< 25 tahun", "25_34": "25–34 tahun", "35_44": "35–44 tahun", "45_54": "45–54 tahun", "55_PLUS": "55 tahun ke atas",
  SD: "SD", SMP: "SMP", SMA: "SMA", D1_D3: "D1–D3", D4_S1: "D4/S1", S2_KE_ATAS: "S2 ke atas",
  PNS: "PNS", TNI: "TNI", POLRI: "POLRI", SWASTA: "Pegawai swasta", WIRAUSAHA: "Wirausaha", LAINNYA: "Lainnya",
  NOT_STATED: "Tidak mengisi", OTHER: "Lainnya (kelompok kecil digabung)",
};

function paragraph(doc: PDFKit.PDFDocument, text: string) {
  doc.font("Helvetica").fontSize(body).text(text, { align: "justify" }).moveDown(0.4);
}

function table(doc: PDFKit.PDFDocument, widths: Array<number | "*">, header: string[], rows: string[][]) {
  doc.fontSize(small).table({ columnStyles: widths, defaultStyle: { padding: 3 }, data: [header.map((text) => ({ text, font: bold })), ...rows] });
  doc.moveDown(0.4).fontSize(body);
}

export function renderSkmReport(report: SkmReport): Promise<Buffer> {
  const r = report.result;
  const doc = newDocument(`Laporan SKM ${report.serviceName} ${report.period.label}`);
  heading(doc, ["Laporan Survei Kepuasan Masyarakat", report.serviceName, report.unitName, report.instansiName, report.period.label]);

  section(doc, "BAB I  PENDAHULUAN");
  paragraph(doc, `Survei Kepuasan Masyarakat (SKM) dilaksanakan sesuai Peraturan Menteri PANRB Nomor 14 Tahun 2017 untuk mengukur kepuasan penerima layanan ${report.serviceName} pada ${report.unitName}, sebagai bahan perbaikan kualitas pelayanan dan pertanggungjawaban kepada masyarakat.`);

  section(doc, "BAB II  PENGUMPULAN DATA");
  const channel = report.profile?.channel;
  const method = channel ? channel.map((g) => `${groupText[g.group] ?? g.group} ${g.count} responden`).join(", ") : "kuesioner daring dan kertas";
  table(doc, [150, "*"], ["Uraian", "Keterangan"], [
    ["Pelaksana", report.unitName],
    ["Metode", `Kuesioner sembilan unsur (U1–U9); ${method}`],
    ["Tempat", `Lokasi layanan ${report.unitName} dan daring`],
    ["Waktu", `${report.period.startsOn} s.d. ${report.period.endsOn}`],
    ["Populasi (N)", String(r.serviceUsers)],
    ["Sampel minimum (Krejcie dan Morgan)", String(r.sampleTarget)],
    ["Jumlah responden", `${r.responseCount}${r.representative ? "" : " (belum memenuhi sampel minimum)"}`],
  ]);

  section(doc, "BAB III  HASIL");
  doc.font("Helvetica-Bold").fontSize(body).text("Profil responden").font("Helvetica").moveDown(0.2);
  if (report.profile) {
    const shown = Object.entries(dimensionText).map(([dimension, name]) => {
      const groups = report.profile![dimension as keyof typeof dimensionText & keyof typeof report.profile] as ProfileGroup[] | null;
      return [name, groups ? groups.map((g) => `${groupText[g.group] ?? g.group}: ${g.count}`).join("; ") : "Tidak ditampilkan (ada kelompok kurang dari batas minimal responden)"];
    });
    table(doc, [110, "*"], ["Karakteristik", "Jumlah responden"], shown);
  }
  table(doc, [30, "*", 60, 80], ["Unsur", "Nama unsur", "NRR", "NRR tertimbang"], report.elements.map((e) => [e.code, e.name, id(e.nrr, 3), id(e.weightedNrr, 3)]));
  table(doc, [150, "*"], ["Indikator", "Nilai"], [
    ["Nilai SKM (jumlah NRR tertimbang)", id(r.skmValue, 3)],
    ["IKM (nilai SKM × 25)", id(r.ikm)],
    ["Mutu pelayanan", r.grade],
    ["Kinerja unit pelayanan", r.label],
  ]);

  section(doc, "BAB IV  ANALISIS");
  paragraph(doc, `Kekuatan: ${report.strengths.map((e) => `${e.code} ${e.name} (${id(e.nrr)})`).join(", ")}.`);
  paragraph(doc, `Kelemahan: ${report.weaknesses.map((e) => `${e.code} ${e.name} (${id(e.nrr)})`).join(", ")}.`);
  doc.font("Helvetica-Bold").text("Rencana tindak lanjut").font("Helvetica").moveDown(0.2);
  if (report.followUp.length) {
    table(doc, [30, "*", 110, 60, 60], ["Unsur", "Kegiatan", "Penanggung jawab", "Target", "Status"], report.followUp.map((f) => [f.element, f.action, f.responsible, f.dueOn, statusText[f.status] ?? f.status]));
  } else paragraph(doc, "Belum ada rencana tindak lanjut yang dicatat.");
  doc.font("Helvetica-Bold").text("Tren IKM").font("Helvetica").moveDown(0.2);
  table(doc, ["*", 80, 80], ["Periode", "IKM", "Perubahan"], report.trend.map((t) => [t.label, t.ikm === null ? "–" : id(t.ikm), t.change === null ? "" : `${t.change > 0 ? "+" : ""}${id(t.change)}`]));

  section(doc, "BAB V  KESIMPULAN");
  const previous = report.trend.at(-2);
  paragraph(doc,
    `Indeks Kepuasan Masyarakat layanan ${report.serviceName} pada ${report.period.label} adalah ${id(r.ikm)} dengan mutu pelayanan ${r.grade} (${r.label}), dari ${r.responseCount} responden` +
    `${previous?.ikm != null ? `, ${r.ikm >= previous.ikm ? "naik" : "turun"} ${id(Math.abs(r.ikm - previous.ikm))} poin dari ${previous.label}` : ""}. ` +
    `Unsur yang perlu diperbaiki terlebih dahulu: ${report.weaknesses.map((e) => `${e.code} ${e.name}`).join(", ")}.`,
  );

  doc.addPage();
  heading(doc, ["Lampiran", `Laporan tindak lanjut hasil SKM ${report.previous?.label ?? "periode sebelumnya"}`]);
  if (report.previous?.actions.length) {
    table(doc, [30, "*", 90, 55, 55, "*"], ["Unsur", "Kegiatan", "Penanggung jawab", "Target", "Status", "Bukti pelaksanaan"],
      report.previous.actions.map((a) => [a.element, a.action, a.responsible, a.dueOn, statusText[a.status] ?? a.status, a.evidence ?? "-"]));
  } else paragraph(doc, report.previous ? "Tidak ada rencana tindak lanjut yang dicatat untuk periode sebelumnya." : "Ini periode pertama survei; belum ada tindak lanjut sebelumnya.");
  return finish(doc);
}
