import type { IncomingMessage } from "node:http";

/**
 * The caller's address for per-client limits. X-Forwarded-For is trusted only
 * behind a reverse proxy (KINERJA_TRUST_PROXY=1): otherwise anyone could
 * send a new address with every request.
 */
export function clientIpOf(request: Request, serverContext: { req?: IncomingMessage }, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return serverContext.req?.socket.remoteAddress ?? "unknown";
}
