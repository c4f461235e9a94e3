import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { escapeHtml } from "./html.ts";
import { renderPoster } from "../documents/poster.ts";
import type { SnapshotStore } from "../publication/snapshot-store.ts";

// Collecting where citizens are (PermenPANRB 14/2017 leaves the channel to
// the unit): a survey page of its own, for the QR code at the counter and
// for a tablet in the service room (?kiosk), and the printable poster with
// that QR. Both are public and read only the published snapshot.

const pageRoute = /^\/s\/([a-z0-9-]{1,64})$/;
const posterRoute = /^\/posters\/([a-z0-9-]{1,64})\.pdf$/;

const style = "body{margin:0;padding:1rem;background:#f4f6f4;font-family:system-ui,sans-serif}main{max-width:42rem;margin:0 auto}";
// The page runs nothing inline and loads only this server's widget bundle.
const policy = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");


function page(survey: { slug: string; serviceName: string }, english: boolean, kiosk: boolean): string {
  const title = `${english ? "Citizen satisfaction survey" : "Survei Kepuasan Masyarakat"}: ${survey.serviceName}`;
  const noScript = english ? "This survey needs JavaScript." : "Survei ini memerlukan JavaScript.";
  return `<!doctype html><html lang="${english ? "en" : "id"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${style}</style><script type="module" src="/widgets/kinerja-widgets.js"></script></head><body><main><kinerja-survey api="/graphql" survey="${escapeHtml(survey.slug)}" lang="${english ? "en" : "id"}"${kiosk ? " kiosk" : ""}></kinerja-survey><noscript>${noScript}</noscript></main></body></html>`;
}

/**
 * `GET /s/<survey>`: the survey on a page of its own (`?lang=en`, `?kiosk`
 * for a counter tablet). `GET /posters/<survey>.pdf`: the A4 poster whose QR
 * opens that page. An unknown or draft survey has neither.
 */
export function useSurveyPage(publication: SnapshotStore, publicUrl?: string): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const match = pageRoute.exec(url.pathname) ?? posterRoute.exec(url.pathname);
      if (!match) return;
      const survey = (await publication.bySurvey(match[1]!))?.body.surveys[match[1]!];
      const isPage = url.pathname.startsWith("/s/");
      if (!survey) return endResponse(new fetchAPI.Response("Survei tidak ditemukan. / No such survey.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }));
      if (isPage) {
        const html = page(survey, url.searchParams.get("lang") === "en", url.searchParams.has("kiosk"));
        return endResponse(
          new fetchAPI.Response(request.method === "HEAD" ? null : html, {
            headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": policy, "x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "cache-control": "public, max-age=300" },
          }),
        );
      }
      const pdf = await renderPoster({ ...survey, url: `${publicUrl ?? url.origin}/s/${survey.slug}` });
      return endResponse(
        new fetchAPI.Response(request.method === "HEAD" ? null : new Uint8Array(pdf), {
          headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="poster-${survey.slug}.pdf"`, "cache-control": "public, max-age=300" },
        }),
      );
    },
  };
}
