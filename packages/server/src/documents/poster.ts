import { drawQr, finish, newDocument } from "./render.ts";

// The poster a unit prints for its service counter: a citizen scans the QR
// with a phone's camera and answers the survey on the standalone page
// (http/survey-page.ts), while the service is fresh in mind.

export interface PosterContent {
  serviceName: string;
  unitName: string;
  instansiName: string;
  /** The standalone survey page the QR opens. */
  url: string;
}

export function renderPoster(content: PosterContent): Promise<Buffer> {
  const doc = newDocument(`Survei Kepuasan Masyarakat: ${content.serviceName}`);
  const width = doc.page.width - 80;
  doc.font("Helvetica").fontSize(14).text(content.instansiName, { align: "center" });
  doc.fontSize(12).text(content.unitName, { align: "center" }).moveDown(1.5);
  doc.font("Helvetica-Bold").fontSize(30).text("Bagaimana pelayanan kami?", { align: "center" });
  doc.font("Helvetica").fontSize(16).text("Isi Survei Kepuasan Masyarakat untuk layanan", { align: "center" });
  doc.font("Helvetica-Bold").fontSize(20).text(content.serviceName, { align: "center" }).moveDown(1);
  const size = 280;
  const top = doc.y;
  drawQr(doc, content.url, (doc.page.width - size) / 2, top, size);
  doc.y = top + size + 16;
  doc.x = 40;
  doc.font("Helvetica-Bold").fontSize(16).text("Pindai kode QR dengan kamera ponsel Anda", { align: "center", width });
  doc.font("Helvetica").fontSize(12).text(`atau buka ${content.url}`, { align: "center", width }).moveDown(0.8);
  doc.fontSize(12).text("Sembilan pertanyaan, sekitar dua menit. Jawaban Anda anonim: kami tidak menanyakan nama atau nomor telepon.", { align: "center", width });
  doc.moveDown(1).fillColor("#444444").fontSize(10);
  doc.text(`How was our service? Scan the code to answer the citizen satisfaction survey for ${content.serviceName}. Anonymous, about two minutes.`, { align: "center", width });
  return finish(doc);
}
