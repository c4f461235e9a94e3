import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import type { Snapshot, SnapshotStore } from "../publication/snapshot-store.ts";

/** Public reads whose answer is a function of one unit's snapshot and the variables. */
const snapshotReads: Record<string, (publication: SnapshotStore, variables: Record<string, unknown>) => Promise<Snapshot | null>> = {
  "scorecard.v1": (publication, v) => (typeof v.instansi === "string" && typeof v.unit === "string" ? publication.byKey(v.instansi, v.unit) : Promise.resolve(null)),
  "survey.v1": (publication, v) => (typeof v.slug === "string" ? publication.bySurvey(v.slug) : Promise.resolve(null)),
};

/** How long proxies may serve an answer before asking again, and how long a stale one while they do. */
const cacheControl = "public, max-age=10, stale-while-revalidate=60";
/** Rendered answers one process keeps (a few kB each). */
const capacity = 2_000;

/**
 * The two public reads (a scorecard, a survey's form) are answered from
 * memory: the answer for a snapshot version is rendered once, then served as
 * is, with an ETag naming that version and a short Cache-Control, and 304
 * when the client or a proxy already holds it. A GET with no custom headers
 * is a CORS simple request, so a citizen's phone skips the preflight.
 */
export function usePublicReads(publication: SnapshotStore): Plugin {
  const rendered = new Map<string, string>();
  const toRender = new WeakMap<Request, { key: string; etag: string }>();
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== "GET") return;
      const id = url.searchParams.get("documentId");
      const read = id ? snapshotReads[id] : undefined;
      if (!read || url.searchParams.has("query")) return;
      let variables: Record<string, unknown>;
      try {
        variables = JSON.parse(url.searchParams.get("variables") ?? "{}");
      } catch {
        return; // Yoga answers the malformed request.
      }
      const snapshot = await read(publication, variables ?? {});
      if (!snapshot) return;
      const key = `${id}\n${url.searchParams.get("variables") ?? ""}\n${snapshot.unitId}:${snapshot.version}`;
      const etag = `"${createHash("sha256").update(key).digest("base64url").slice(0, 27)}"`;
      const headers = { etag, "cache-control": cacheControl, vary: "origin, accept-encoding" };
      if (request.headers.get("if-none-match") === etag) return endResponse(new fetchAPI.Response(null, { status: 304, headers }));
      const body = rendered.get(key);
      if (body) return endResponse(new fetchAPI.Response(body, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } }));
      toRender.set(request, { key, etag });
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const pending = toRender.get(request);
      if (!pending || response.status !== 200) return;
      const body = await response.text();
      if (!JSON.parse(body).errors) {
        rendered.delete(pending.key);
        rendered.set(pending.key, body);
        if (rendered.size > capacity) rendered.delete(rendered.keys().next().value!);
      }
      const headers = new fetchAPI.Headers(response.headers);
      headers.set("etag", pending.etag);
      headers.set("cache-control", cacheControl);
      headers.append("vary", "origin");
      setResponse(new fetchAPI.Response(body, { status: 200, headers }));
    },
  };
}
