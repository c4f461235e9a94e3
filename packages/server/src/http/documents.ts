import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Plugin } from "graphql-yoga";
import { escapeHtml } from "./html.ts";
import { InvalidTokenError, type RequestAuthenticator } from "../access/viewer.ts";
import { issueDocument, verifyDocument, type DocumentKind, type VerificationResult } from "../documents/issue.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { NotFoundError } from "../refusals.ts";

const documentRoute = /^\/documents\/(skp|evaluation)\/([^/]+)\.pdf$/;
const verifyRoute = /^\/verify\/([A-Za-z0-9_-]{10,64})$/;
const typenameOf: Record<string, { kind: DocumentKind; typename: string }> = {
  skp: { kind: "SKP", typename: "Skp" },
  evaluation: { kind: "EVALUATION", typename: "Evaluation" },
};

const maxPdfBytes = 10_000_000;


/** The verification page a phone opens from the QR: plain HTML in Bahasa Indonesia, nothing to load. */
function verificationPage(result: VerificationResult | null): string {
  const rows = result
    ? [
        ["Dokumen", result.title],
        ["Instansi", result.instansi],
        ["Pegawai", `${result.employee.name} (NIP ${result.employee.nip})`],
        ["Diterbitkan", result.issuedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC"],
        ["Isi", result.unchanged ? "Sesuai dengan data saat ini." : "Data telah berubah sejak dokumen ini diterbitkan."],
        ["SHA-256 berkas", result.pdfSha256],
      ]
    : [];
  const verdict = result ? (result.unchanged ? "Dokumen asli dan tidak berubah" : "Dokumen asli, tetapi datanya telah berubah") : "Kode verifikasi tidak dikenal";
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(verdict)}</title></head><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem"><h1>${escapeHtml(verdict)}</h1><dl>${rows.map(([k, v]) => `<dt><strong>${escapeHtml(k!)}</strong></dt><dd>${escapeHtml(v!)}</dd>`).join("")}</dl><p>Kirim berkas PDF dengan POST ke alamat ini untuk memastikan berkas Anda sama persis dengan yang diterbitkan.</p></body></html>`;
}

/**
 * PDF documents beside the CSV exports: an SKP (with its attachment) or an
 * evaluation, for whoever may read it, with the same bearer token. And the
 * public verification endpoint their QR codes lead to: GET shows what the
 * code stands for; POST with the PDF says whether the file is the one issued.
 */
export function useDocuments(prisma: PrismaClient, viewerOf: RequestAuthenticator, clock: () => Date, publicUrl?: string): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const text = (status: number, body: string) => endResponse(new fetchAPI.Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } }));
      const verify = verifyRoute.exec(url.pathname);
      if (verify && (request.method === "GET" || request.method === "POST")) {
        // A document is a few hundred kilobytes; a body far larger is not one of ours.
        if (Number(request.headers.get("content-length") ?? 0) > maxPdfBytes) return text(413, "That file is too large to be a Kinerja document.");
        const file = request.method === "POST" ? new Uint8Array(await request.arrayBuffer()) : null;
        const result = await verifyDocument(prisma, verify[1]!, file);
        const wantsJson = request.method === "POST" || (request.headers.get("accept") ?? "").includes("application/json");
        const status = result ? 200 : 404;
        if (wantsJson) return endResponse(fetchAPI.Response.json(result ?? { error: "Unknown verification code." }, { status, headers: { "cache-control": "no-store" } }));
        return endResponse(new fetchAPI.Response(verificationPage(result), { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } }));
      }
      const match = documentRoute.exec(url.pathname);
      if (!match || request.method !== "GET") return;
      const { kind, typename } = typenameOf[match[1]!]!;
      let id: string;
      try {
        const decoded = decodeGlobalID(decodeURIComponent(match[2]!));
        if (decoded.typename !== typename) return text(404, `No ${typename} with that ID.`);
        id = decoded.id;
      } catch {
        return text(404, `No ${typename} with that ID.`);
      }
      try {
        const viewer = await viewerOf(request);
        if (!viewer) return text(401, "Send 'Authorization: Bearer <token>'.");
        const { pdf, filename } = await issueDocument({ db: prisma, viewer, now: clock() }, kind, id, publicUrl ?? url.origin);
        return endResponse(
          new fetchAPI.Response(new Uint8Array(pdf), {
            headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
          }),
        );
      } catch (error) {
        if (error instanceof InvalidTokenError) return text(401, error.message);
        if (error instanceof NotFoundError) return text(404, error.message);
        throw error;
      }
    },
  };
}
