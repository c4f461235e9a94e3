import type { CORSOptions } from "graphql-yoga";
import type { PrismaClient } from "../generated/prisma/client.ts";

const cacheMs = 60_000;

/**
 * CORS for the widgets: a browser may call the API from a website that an
 * instansi registered (Instansi.websiteOrigins), and from nowhere else. No
 * credentials: public routes are anonymous, and API clients send bearer
 * tokens from servers and scripts, where CORS does not apply.
 */
export function registeredOriginsCors(prisma: PrismaClient) {
  let origins: Set<string> = new Set();
  let loadedAt = 0;
  let loading: Promise<void> | null = null;
  async function refresh() {
    const rows = await prisma.instansi.findMany({ select: { websiteOrigins: true } });
    origins = new Set(rows.flatMap((row) => row.websiteOrigins));
    loadedAt = Date.now();
  }
  return async (request: Request): Promise<CORSOptions> => {
    const origin = request.headers.get("origin");
    if (!origin) return false;
    if (Date.now() - loadedAt > cacheMs) await (loading ??= refresh().finally(() => (loading = null)));
    if (!origins.has(origin)) return false;
    return { origin: [origin], credentials: false, methods: ["GET", "POST"], allowedHeaders: ["content-type", "accept"], maxAge: 600 };
  };
}
