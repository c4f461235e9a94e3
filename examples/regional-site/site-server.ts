import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import sirv from "sirv";

// Serves the example pemda website. Every page is sent with a strict
// Content-Security-Policy, as a careful regional web team would: no inline
// scripts or styles anywhere. The pages name the Kinerja server as
// http://localhost:4000 (the quick start); `apiOrigin` replaces it, so tests
// can point the same pages at their own server.

const publicDir = fileURLToPath(new URL("./public", import.meta.url));
const widgetBundle = fileURLToPath(new URL("../../packages/widgets/dist/kinerja-widgets.js", import.meta.url));
const quickStartApi = "http://localhost:4000";

export interface SiteOptions {
  port: number;
  apiOrigin?: string;
  host?: string;
}

function policy(apiOrigin: string, strict: boolean): string {
  // csp-ketat.html self-hosts the bundle: its scripts and styles may come from this site only.
  const scripts = strict ? "'self'" : `'self' ${apiOrigin}`;
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function startSiteServer({ port, apiOrigin = quickStartApi, host = "0.0.0.0" }: SiteOptions): Promise<Server> {
  const assets = sirv(publicDir, { dev: true, extensions: ["html"] });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://site");
    const page = url.pathname === "/" ? "/index.html" : url.pathname;
    res.setHeader("Content-Security-Policy", policy(apiOrigin, page === "/csp-ketat.html"));
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (page === "/vendor/kinerja-widgets.js") {
      // The self-hosted copy of the bundle, as a site that allows no other script origin would keep it.
      try {
        res.setHeader("Content-Type", "text/javascript; charset=utf-8");
        res.end(await readFile(widgetBundle));
      } catch {
        res.statusCode = 404;
        res.end("Build the widgets first: pnpm --filter @kinerja/widgets build");
      }
      return;
    }
    if (page.endsWith(".html") && !page.includes("..")) {
      try {
        const html = await readFile(`${publicDir}${page}`, "utf8");
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(html.replaceAll(quickStartApi, apiOrigin));
        return;
      } catch {
        // Fall through to the asset handler's 404.
      }
    }
    assets(req, res, () => {
      res.statusCode = 404;
      res.end("Halaman tidak ditemukan");
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
