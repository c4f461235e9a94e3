import { createKinerjaClient } from "@kinerja/client";
import { unitReport } from "./unit-report.ts";

// Usage: KINERJA_TOKEN=knj_demo_kota-salatiga_admin pnpm --filter @kinerja/example-node-client unit-report dpmptsp
const unitSlug = process.argv[2] ?? "dpmptsp";
const client = createKinerjaClient({
  endpoint: process.env.KINERJA_API ?? "http://localhost:4000/graphql",
  token: process.env.KINERJA_TOKEN ?? "knj_demo_kota-salatiga_admin",
});
console.log((await unitReport(client, unitSlug)).join("\n"));
