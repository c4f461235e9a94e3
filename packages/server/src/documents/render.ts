import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { berakhlakLabels } from "../domain/skp-form.ts";
import { groupedNip } from "../domain/nip.ts";
import { type EvaluationDocument, type Party, type ResultBlock, type SkpDocument } from "./content.ts";

// The PDF layout of the PermenPANRB 6/2022 annex forms, drawn with PDFKit
// (pure JavaScript, its standard fonts ship with it: nothing to download).
// Every document ends with the verification code and its QR.

export interface Verification {
  code: string;
  url: string;
  issuedOn: string;
}

const margin = 40;
export const bold = { src: "Helvetica-Bold" };
export const small = 8;
export const body = 9;

export function heading(doc: PDFKit.PDFDocument, lines: string[]) {
  doc.font("Helvetica-Bold").fontSize(11);
  for (const line of lines) doc.text(line.toUpperCase(), { align: "center" });
  doc.moveDown(0.8).font("Helvetica").fontSize(body);
}

export function section(doc: PDFKit.PDFDocument, title: string) {
  doc.moveDown(0.6).font("Helvetica-Bold").fontSize(body).text(title, margin).font("Helvetica").moveDown(0.2);
}

function partiesTable(doc: PDFKit.PDFDocument, parties: Party[]) {
  const row = (label: string, value: (p: Party) => string) => [label, ...parties.map(value)];
  doc.fontSize(small).table({
    columnStyles: [70, ...parties.map(() => "*")],
    defaultStyle: { padding: 3 },
    data: [
      ["", ...parties.map((p) => ({ text: p.role.toUpperCase(), font: bold }))],
      row("Nama", (p) => p.name),
      row("NIP", (p) => groupedNip(p.nip)),
      row("Pangkat/Gol.", (p) => p.rank),
      row("Jabatan", (p) => p.position),
      row("Unit Kerja", (p) => p.unit),
    ],
  });
}

function resultsTable(doc: PDFKit.PDFDocument, groupedBy: string, results: ResultBlock[], withRealisation: boolean) {
  const header = ["No", "Rencana Hasil Kerja Pimpinan yang Diintervensi", "Rencana Hasil Kerja", groupedBy, "Indikator Kinerja Individu", "Target", ...(withRealisation ? ["Realisasi"] : [])];
  const rows: Array<Array<string | PDFKit.Mixins.CellOptions>> = [header.map((text) => ({ text, font: bold }))];
  for (const kind of ["Utama", "Tambahan"] as const) {
    rows.push([{ text: kind === "Utama" ? "A. HASIL KERJA UTAMA" : "B. HASIL KERJA TAMBAHAN", colSpan: header.length, font: bold }]);
    results
      .filter((result) => result.kind === kind)
      .forEach((result, i) => {
        const indicators = result.indicators.length ? result.indicators : [{ group: "-", description: "-", target: "-", realised: "-" }];
        for (const [j, indicator] of indicators.entries()) {
          rows.push([
            j === 0 ? String(i + 1) : "",
            j === 0 ? (result.supports ?? "-") : "",
            j === 0 ? result.description : "",
            indicator.group,
            indicator.description,
            indicator.target,
            ...(withRealisation ? [indicator.realised ?? "-"] : []),
          ]);
        }
      });
  }
  doc.fontSize(small).table({
    columnStyles: [20, "*", "*", 60, "*", 55, ...(withRealisation ? [55] : [])],
    defaultStyle: { padding: 3 },
    data: rows,
  });
}

function behaviourList(doc: PDFKit.PDFDocument) {
  doc.fontSize(small).list([...berakhlakLabels], { bulletRadius: 1.5 }).fontSize(body);
}

function signatures(doc: PDFKit.PDFDocument, signers: Party[], place: string) {
  doc.moveDown(1.2);
  const width = (doc.page.width - 2 * margin) / signers.length;
  if (doc.y > doc.page.height - 160) doc.addPage();
  const top = doc.y;
  doc.fontSize(body);
  signers.forEach((signer, i) => {
    const x = margin + i * width;
    doc.text(i === signers.length - 1 ? `${place}, ....................` : " ", x, top, { width, align: "center" });
    doc.text(signer.role, x, undefined, { width, align: "center" });
    doc.moveDown(3.5);
    doc.font("Helvetica-Bold").text(signer.name, x, undefined, { width, align: "center", underline: true });
    doc.font("Helvetica").text(`NIP ${groupedNip(signer.nip)}`, x, undefined, { width, align: "center" });
  });
  doc.x = margin;
}

/** A QR code of `url`, drawn as vector squares (sharp at any print size), `size` points wide at (x, y). */
export function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const cell = size / qr.modules.size;
  for (let row = 0; row < qr.modules.size; row++) {
    for (let col = 0; col < qr.modules.size; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill("black");
}

/** The QR and the code that lead to the verification endpoint. */
async function verificationBlock(doc: PDFKit.PDFDocument, verification: Verification) {
  const size = 72;
  if (doc.y > doc.page.height - margin - size - 10) doc.addPage();
  const top = doc.y + 12;
  drawQr(doc, verification.url, margin, top, size);
  doc.fontSize(small).text(`Kode verifikasi: ${verification.code}`, margin + size + 12, top + 8);
  doc.text(`Periksa keaslian dokumen ini di ${verification.url}`);
  doc.text(`Diterbitkan oleh Kinerja pada ${verification.issuedOn}.`);
}

export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

export function newDocument(title: string) {
  return new PDFDocument({ size: "A4", margin, info: { Title: title, Producer: "Kinerja", Creator: "Kinerja" }, lang: "id-ID" });
}

export async function renderSkp(content: SkpDocument, verification: Verification): Promise<Buffer> {
  const doc = newDocument(content.title);
  heading(doc, ["Sasaran Kinerja Pegawai", content.instansi, `Periode penilaian: 1 Januari sd 31 Desember ${content.year}`]);
  doc.fontSize(small).text(`Status: ${content.status}`, { align: "right" }).fontSize(body);
  partiesTable(doc, content.parties);
  section(doc, "HASIL KERJA");
  resultsTable(doc, content.groupedBy, content.results, false);
  section(doc, "PERILAKU KERJA");
  behaviourList(doc);
  signatures(doc, content.parties.filter((p) => p.role !== "Atasan Pejabat Penilai Kinerja"), content.instansi);

  doc.addPage();
  heading(doc, ["Lampiran Sasaran Kinerja Pegawai", content.instansi, `Tahun ${content.year}`]);
  const list = (title: string, items: string[]) => {
    section(doc, title);
    if (items.length) doc.fontSize(body).list(items, { listType: "numbered" });
    else doc.fontSize(body).text("-");
  };
  list("DUKUNGAN SUMBER DAYA", content.attachment.resourceSupport);
  list("SKEMA PERTANGGUNGJAWABAN", content.attachment.accountability);
  list("KONSEKUENSI", content.attachment.consequences);
  await verificationBlock(doc, verification);
  return finish(doc);
}

export async function renderEvaluation(content: EvaluationDocument, verification: Verification): Promise<Buffer> {
  const doc = newDocument(content.title);
  heading(doc, [content.annual ? "Dokumen Evaluasi Kinerja Pegawai" : "Dokumen Evaluasi Kinerja Pegawai Periodik", content.instansi, `Periode: ${content.period}`]);
  doc.fontSize(small).text(`Status: ${content.status}${content.finalisedOn ? `, final ${content.finalisedOn}` : ""}`, { align: "right" }).fontSize(body);
  partiesTable(doc, content.parties);
  section(doc, "CAPAIAN KINERJA ORGANISASI");
  doc.text(`${content.organisation.unit}: ${content.organisation.predikat ?? "belum ditetapkan"}`);
  section(doc, "POLA DISTRIBUSI");
  if (content.organisation.distribution.length) doc.fontSize(small).list(content.organisation.distribution, { bulletRadius: 1.5 }).fontSize(body);
  else doc.text("-");
  section(doc, "HASIL KERJA");
  resultsTable(doc, content.groupedBy, content.results, true);
  section(doc, "RATING DAN PREDIKAT");
  doc.fontSize(body).table({
    columnStyles: [180, "*"],
    defaultStyle: { padding: 3 },
    data: [
      ["Rating hasil kerja", content.hasilKerja ?? "-"],
      ["Rating perilaku kerja", content.perilakuKerja ?? "-"],
      [{ text: "PREDIKAT KINERJA PEGAWAI", font: bold }, { text: content.predikat ?? "-", font: bold }],
      ...(content.credit
        ? [["Konversi angka kredit", `${content.credit.coefficient} × ${content.credit.share} = ${content.credit.points}`]]
        : []),
    ],
  });
  const [employee, assessor, reviewer] = content.parties;
  const signers = content.annual ? [employee, assessor, reviewer] : [employee, assessor];
  signatures(doc, signers.filter((p): p is Party => p !== undefined), content.instansi);
  await verificationBlock(doc, verification);
  return finish(doc);
}
