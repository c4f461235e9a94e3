import { parseArgs } from "node:util";
import { createKinerja } from "./kinerja.ts";
import { seedDemo } from "./setup/demo.ts";

// Starts the API. DATABASE_URL selects a PostgreSQL server; without it the
// embedded database in KINERJA_DATA_DIR (default packages/server/.data/pglite)
// is used. Migrations apply on start.

const { values } = parseArgs({ options: { demo: { type: "boolean", default: false }, "demo-on-server": { type: "boolean", default: false } } });
// Demo tokens are public knowledge: never seeded into a real server by accident.
if (values.demo && process.env.DATABASE_URL && !values["demo-on-server"]) {
  console.error("--demo seeds well-known tokens. With DATABASE_URL set, add --demo-on-server if this server is really for a demo.");
  process.exit(2);
}
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? "0.0.0.0";

// The demo is for trying the API: GraphiQL on, and anonymous callers may send any query.
const demoSettings = { developerTools: true, anonymousOperations: "any" } as const;
const kinerja = await createKinerja({ database: { url: process.env.DATABASE_URL, dataDir: process.env.KINERJA_DATA_DIR }, ...(values.demo ? { config: demoSettings } : {}) });
if (kinerja.migrations.length) console.log(`Applied migrations: ${kinerja.migrations.join(", ")}`);
console.log(`Database: ${kinerja.db.kind === "pglite" ? "embedded PGlite" : "PostgreSQL server"}`);

if (values.demo) {
  const { created, access } = await seedDemo(kinerja.prisma);
  console.log(created ? "Demo data created." : "Demo data already present.");
  console.log("Demo tokens (send as 'Authorization: Bearer <token>'):");
  for (const login of access) console.log(`  ${login.token.padEnd(44)} ${login.role.padEnd(10)} ${login.who}, ${login.region}`);
}

await kinerja.listen(port, host);
const endpoint = `http://localhost:${port}${kinerja.yoga.graphqlEndpoint}`;
console.log(kinerja.config.developerTools ? `Kinerja API ready. GraphiQL: ${endpoint}` : `Kinerja API ready at ${endpoint}`);

async function shutdown(signal: string) {
  console.log(`${signal}: shutting down.`);
  await kinerja.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
