import { startSiteServer } from "./site-server.ts";

const port = Number(process.env.SITE_PORT ?? 4173);
await startSiteServer({ port, apiOrigin: process.env.KINERJA_API_ORIGIN ?? "http://localhost:4000" });
console.log(`Example regional website (Pemerintah Kota Salatiga): http://localhost:${port}/`);
