import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Failed requests and non-2xx answers. */
  errors: number;
}

export type LoadRequest = {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Builds each request anew (a fresh idempotency key per submission). */
  setupRequest?: (request: { method: string; path: string; headers?: Record<string, string>; body?: string }) => object;
};

/** Keeps `connections` requests in flight against one server for `seconds`, after a one-second warm-up. */
export async function load(url: string, request: LoadRequest, options: { seconds: number; connections: number }): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({ url, connections: options.connections, duration, requests: [request as autocannon.Request] });
  await run(1);
  const result = await run(options.seconds);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}
