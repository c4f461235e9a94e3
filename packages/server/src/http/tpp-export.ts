import type { Plugin } from "graphql-yoga";
import { isAdmin } from "../access/policy.ts";
import { InvalidTokenError, type RequestAuthenticator } from "../access/viewer.ts";
import { latestTppRun, type TppLine } from "../allowance/tpp.ts";
import type { TppDeductionKind } from "../domain/tpp.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { csvLine } from "./csv.ts";

const route = /^\/export\/tpp\/(\d{4}-(?:0[1-9]|1[0-2]))\.csv$/;

/** A deduction's percent and rupiah on a line, blank when it did not apply. */
function cut(line: TppLine, kind: TppDeductionKind) {
  const found = [...line.disciplineDeductions, ...line.deductions].find((d) => d.kind === kind);
  return [found?.percent ?? 0, found?.amount ?? 0];
}

const header = [
  "NIP", "Nama", "Jabatan", "Pagu TPP",
  "Menit disetujui", "Menit efektif", "Capaian (%)", "Bagian kinerja", "Dibayar (%)", "TPP kinerja",
  "Bagian disiplin", "Hari tanpa keterangan", "Potongan absen (%)", "Potongan absen (Rp)",
  "Terlambat/pulang cepat", "Potongan terlambat (%)", "Potongan terlambat (Rp)", "TPP disiplin",
  "Bruto", "Potongan laporan terlambat (%)", "Potongan laporan terlambat (Rp)", "Potongan validasi (%)", "Potongan validasi (Rp)", "Netto",
];

/**
 * The month's latest TPP run as CSV for the finance office (BPKD): one line
 * per employee with every input, part and deduction. The instansi's admin
 * only, with their bearer token.
 */
export function useTppExport(prisma: PrismaClient, viewerOf: RequestAuthenticator): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = route.exec(url.pathname);
      if (!match || request.method !== "GET") return;
      const text = (status: number, body: string) => endResponse(new fetchAPI.Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } }));
      let viewer;
      try {
        viewer = await viewerOf(request);
      } catch (error) {
        if (error instanceof InvalidTokenError) return text(401, error.message);
        throw error;
      }
      if (!viewer) return text(401, "Send 'Authorization: Bearer <token>' of an admin.");
      if (!isAdmin(viewer)) return text(403, "Only the instansi's admin exports TPP.");
      const month = match[1]!;
      const run = await latestTppRun({ db: prisma, viewer, now: new Date() }, month);
      if (!run) return text(404, `No TPP run for ${month}.`);
      const rows = run.lines.map((line) =>
        csvLine([
          line.nip, line.name, line.position, line.baseAmount,
          line.approvedMinutes, line.effectiveMinutes, line.achievement.toFixed(2), line.performanceBase, line.performancePays, line.performanceAmount,
          line.disciplineBase, line.absentDays, ...cut(line, "ABSENCE"),
          line.lateArrivals, ...cut(line, "LATE_ARRIVAL"), line.disciplineAmount,
          line.gross, ...cut(line, "LATE_LOG"), ...cut(line, "UNVALIDATED_TEAM"), line.net,
        ]),
      );
      const total = csvLine(["JUMLAH", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", run.lines.reduce((t, l) => t + l.net, 0)]);
      return endResponse(
        new fetchAPI.Response("\uFEFF" + csvLine(header) + rows.join("") + total, {
          headers: {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="tpp-${month}.csv"`,
            "cache-control": "no-store",
          },
        }),
      );
    },
  };
}
