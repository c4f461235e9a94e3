import type { Plugin } from "graphql-yoga";
import { skmReportOf } from "../documents/skm-report.ts";
import { renderSkmReport } from "../documents/skm-report-pdf.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { SnapshotStore } from "../publication/snapshot-store.ts";

const route = /^\/reports\/skm\/([a-z0-9-]{1,64})\.pdf$/;

/**
 * `GET /reports/skm/<survey>.pdf?period=<label>`: the printable SKM report of
 * a survey period (the latest shown when none is named), public like the
 * scorecard it is built from; 404 until the period's result is published.
 */
export function useSkmReport(prisma: PrismaClient, publication: SnapshotStore): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = route.exec(url.pathname);
      if (!match || (request.method !== "GET" && request.method !== "HEAD")) return;
      const report = await skmReportOf(prisma, publication, match[1]!, url.searchParams.get("period"));
      if (!report) {
        return endResponse(new fetchAPI.Response("Belum ada hasil survei yang dipublikasikan untuk periode ini. / No published result for this period.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }));
      }
      const pdf = await renderSkmReport(report);
      const filename = `laporan-skm-${match[1]}-${report.period.label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.pdf`;
      return endResponse(
        new fetchAPI.Response(request.method === "HEAD" ? null : new Uint8Array(pdf), {
          headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${filename}"`, "cache-control": "public, max-age=300" },
        }),
      );
    },
  };
}
