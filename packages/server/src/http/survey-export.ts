import type { Plugin } from "graphql-yoga";
import { InvalidTokenError, type RequestAuthenticator } from "../access/viewer.ts";
import { elements } from "../domain/ikm.ts";
import { skmTemplate } from "../domain/skm-template.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { ForbiddenError, NotFoundError } from "../refusals.ts";
import { responseBatches, surveyForExport } from "../surveys/exports.ts";
import { formNumberOf } from "../surveys/paper-entry.ts";
import { csvLine } from "./csv.ts";

const route = /^\/export\/surveys\/([a-z0-9-]+)\/(responses|report)\.csv$/;

/**
 * Downloads for the instansi's admin: every response of a survey as CSV, and
 * the result report a pemda publishes (NRR per element, IKM, grade, sample).
 * `?period=<label>` narrows both to one period. Bearer token required.
 */
export function useSurveyExport(prisma: PrismaClient, viewerOf: RequestAuthenticator): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = route.exec(url.pathname);
      if (!match || request.method !== "GET") return;
      const text = (status: number, body: string) => endResponse(new fetchAPI.Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } }));
      let found;
      try {
        const viewer = await viewerOf(request);
        if (!viewer) return text(401, "Send 'Authorization: Bearer <token>' of an admin.");
        found = await surveyForExport({ db: prisma, viewer, now: new Date() }, match[1]!, url.searchParams.get("period"));
      } catch (error) {
        if (error instanceof InvalidTokenError) return text(401, error.message);
        if (error instanceof ForbiddenError) return text(403, error.message);
        if (error instanceof NotFoundError) return text(404, error.message);
        throw error;
      }
      const { survey, period } = found;
      const filename = `${survey.slug}${period ? "-" + period.label.toLowerCase().replace(/[^a-z0-9]+/g, "-") : ""}-${match[2]}.csv`;
      const headers = {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      };
      if (match[2] === "report") {
        const result = await found.result();
        const lines = [
          csvLine(["Instansi", survey.unit.instansi.name]),
          csvLine(["Unit", survey.unit.name]),
          csvLine(["Layanan", survey.serviceName]),
          csvLine(["Periode", period?.label ?? survey.periods.map((p) => p.label).join("; ")]),
          csvLine([]),
          csvLine(["Unsur", "Nama unsur", "NRR", "Bobot", "NRR tertimbang"]),
          ...(result?.elements ?? []).map((row, i) =>
            csvLine([row.element, skmTemplate[i]!.name.id, row.nrr.toFixed(3), row.weight.toFixed(4), row.weightedNrr.toFixed(3)]),
          ),
          csvLine([]),
          csvLine(["Jumlah responden", result?.responseCount ?? 0]),
          csvLine(["Nilai SKM", result ? result.skmValue.toFixed(4) : ""]),
          csvLine(["IKM", result ? result.ikm.toFixed(2) : ""]),
          csvLine(["Mutu pelayanan", result?.grade ?? ""]),
          csvLine(["Kinerja unit", result?.label ?? ""]),
          csvLine(["Populasi (N)", result?.serviceUsers ?? ""]),
          csvLine(["Sampel minimum (Krejcie-Morgan)", result?.sampleTarget ?? ""]),
          csvLine(["Representatif", result ? (result.representative ? "Ya" : "Belum") : ""]),
        ];
        return endResponse(new fetchAPI.Response("\uFEFF" + lines.join(""), { headers }));
      }
      const periodById = new Map(survey.periods.map((p) => [p.id, p.label]));
      const header = csvLine([
        "diterima",
        "periode",
        "cara",
        "nomor_kuesioner",
        ...elements,
        "jenis_kelamin",
        "usia",
        "pendidikan",
        "pekerjaan",
        "waktu_layanan",
        "saran",
        ...survey.questions.map((q) => `pertanyaan_${q.position + 1}`),
      ]);
      const encoder = new TextEncoder();
      const batches = responseBatches(prisma, survey.id, period?.id);
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(encoder.encode("\uFEFF" + header)),
        pull: async (controller) => {
          const next = await batches.next();
          if (next.done) return controller.close();
          const rows = next.value.map((response) => {
            const extra = (response.extraAnswers ?? {}) as Record<string, string>;
            return csvLine([
              response.createdAt.toISOString(),
              periodById.get(response.periodId),
              response.channel === "PAPER" ? "kertas" : "daring",
              response.channel === "PAPER" ? formNumberOf(response) : "",
              ...response.answers,
              response.sex,
              response.age,
              response.education,
              response.occupation,
              response.serviceUsedAt?.toISOString(),
              response.suggestion,
              ...survey.questions.map((q) => extra[String(q.position)]),
            ]);
          });
          if (rows.length) controller.enqueue(encoder.encode(rows.join("")));
        },
      });
      return endResponse(new fetchAPI.Response(body, { headers }));
    },
  };
}
