import type { Plugin } from "graphql-yoga";

/** Below this, gzip's header and the CPU cost more than the bytes saved. */
const minimumBytes = 1_024;

/** Whether the client takes gzip-encoded bodies. */
export const acceptsGzip = (request: Request) => /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");

/**
 * Compresses responses for clients that accept gzip: citizens on slow mobile
 * links pay for every byte. Live updates (text/event-stream) stay
 * uncompressed, since a compressor holds events back until its buffer fills;
 * responses already encoded (the pre-compressed widget bundle) are left alone.
 */
export function useCompression(): Plugin {
  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (!response.body || response.headers.has("content-encoding")) return;
      if (!acceptsGzip(request)) return;
      if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) return;
      const length = Number(response.headers.get("content-length") ?? Number.NaN);
      if (length < minimumBytes) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set("content-encoding", "gzip");
      headers.append("vary", "accept-encoding");
      headers.delete("content-length");
      setResponse(new fetchAPI.Response(response.body.pipeThrough(new CompressionStream("gzip")), { status: response.status, statusText: response.statusText, headers }));
    },
  };
}
