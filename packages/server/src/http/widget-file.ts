import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Plugin } from "graphql-yoga";
import { acceptsGzip } from "./compression.ts";

/** The bundle built by @kinerja/widgets (`pnpm --filter @kinerja/widgets build`). */
export const defaultWidgetFile = fileURLToPath(new URL("../../../widgets/dist/kinerja-widgets.js", import.meta.url));

const path = "/widgets/kinerja-widgets.js";

/**
 * Serves the widget bundle that regional websites load with
 * <script type="module" src=".../widgets/kinerja-widgets.js">. Module scripts
 * are fetched with CORS, so any site may load this public file (no
 * credentials); the API's own CORS stays limited to registered origins.
 * Cached for five minutes and revalidated by ETag, so a release reaches
 * every site quickly without each page view downloading it again.
 */
export function useWidgetFile(file = defaultWidgetFile): Plugin {
  let cached: { mtimeMs: number; body: Buffer; gzipped: Buffer; etag: string } | null = null;
  async function load() {
    const info = await stat(file);
    if (!cached || cached.mtimeMs !== info.mtimeMs) {
      const body = await readFile(file);
      // Compressed once per release, not once per page view.
      cached = { mtimeMs: info.mtimeMs, body, gzipped: gzipSync(body, { level: 9 }), etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
    }
    return cached;
  }
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== path || (request.method !== "GET" && request.method !== "HEAD")) return;
      const shared = {
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
        "cache-control": "public, max-age=300, stale-while-revalidate=86400",
        vary: "accept-encoding",
      };
      let bundle;
      try {
        bundle = await load();
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
