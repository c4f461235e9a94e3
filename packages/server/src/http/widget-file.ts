import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "graphql-yoga";
import { acceptsGzip } from "./compression.ts";

/** The bundle built by @kinerja/widgets (`pnpm --filter @kinerja/widgets build`). */
export const defaultWidgetFile = fileURLToPath(new URL("../../../widgets/dist/kinerja-widgets.js", import.meta.url));

/** The bundles beside the main one: the report is its own, so a survey page never downloads it. */
const bundles = ["kinerja-widgets.js", "kinerja-report.js"];

/**
 * Serves the widget bundles that regional websites load with
 * <script type="module" src=".../widgets/kinerja-widgets.js"> (survey and
 * scorecard) or ".../widgets/kinerja-report.js" (the report). Module scripts
 * are fetched with CORS, so any site may load this public file (no
 * credentials); the API's own CORS stays limited to registered origins.
 * Cached for five minutes and revalidated by ETag, so a release reaches
 * every site quickly without each page view downloading it again.
 */
export function useWidgetFile(file = defaultWidgetFile): Plugin {
  // The main bundle is `file` (KINERJA_WIDGET_FILE may rename it); the others sit beside it.
  const files = new Map(bundles.map((name, i) => [`/widgets/${name}`, i === 0 ? file : join(dirname(file), name)]));
  const cached = new Map<string, { mtimeMs: number; body: Buffer; gzipped: Buffer; etag: string }>();
  async function load(path: string) {
    const info = await stat(path);
    let bundle = cached.get(path);
    if (!bundle || bundle.mtimeMs !== info.mtimeMs) {
      const body = await readFile(path);
      // Compressed once per release, not once per page view.
      bundle = { mtimeMs: info.mtimeMs, body, gzipped: gzipSync(body, { level: 9 }), etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
      cached.set(path, bundle);
    }
    return bundle;
  }
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const path = files.get(url.pathname);
      if (!path || (request.method !== "GET" && request.method !== "HEAD")) return;
      const shared = {
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
        "cache-control": "public, max-age=300, stale-while-revalidate=86400",
        vary: "accept-encoding",
      };
      let bundle;
      try {
        bundle = await load(path);
      } catch {
        return endResponse(new fetchAPI.Response("The widget bundle is not built: run `pnpm --filter @kinerja/widgets build`.", { status: 404 }));
      }
      if (request.headers.get("if-none-match") === bundle.etag) {
        return endResponse(new fetchAPI.Response(null, { status: 304, headers: { ...shared, etag: bundle.etag } }));
      }
      const gzip = acceptsGzip(request);
      const body = gzip ? bundle.gzipped : bundle.body;
      return endResponse(
        new fetchAPI.Response(request.method === "HEAD" ? null : new Uint8Array(body), {
          headers: {
            ...shared,
            etag: bundle.etag,
            "content-type": "text/javascript; charset=utf-8",
            "x-content-type-options": "nosniff",
            ...(gzip ? { "content-encoding": "gzip" } : {}),
          },
        }),
      );
    },
  };
}
