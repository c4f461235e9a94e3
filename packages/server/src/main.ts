import { createServer as createHttpServer } from "node:http";
import { parseArgs } from "node:util";
import { openDatabase } from "./db/database.ts";
import { configFromEnv } from "./config.ts";
import { createServer } from "./server.ts";
import { createServices } from "./services.ts";
import { seedDemo } from "./setup/demo.ts";

// Starts the API. DATABASE_URL selects a PostgreSQL server; without it the
// embedded database in packages/server/.data is used. Migrations apply on start.

const { values } = parseArgs({ options: { demo: { type: "boolean", default: false } } });
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? "0.0.0.0";

const db = await openDatabase({ url: process.env.DATABASE_URL });
const applied = await db.migrate();
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
console.log(`Database: ${db.kind === "pglite" ? "embedded PGlite" : "PostgreSQL server"}`);

if (values.demo) {
  const { created, access } = await seedDemo(db.prisma);
  console.log(created ? "Demo data created." : "Demo data already present.");
  console.log("Demo tokens (send as 'Authorization: Bearer <token>'):");
  for (const login of access) console.log(`  ${login.token.padEnd(44)} ${login.role.padEnd(10)} ${login.who}, ${login.region}`);
}

const config = configFromEnv();
const services = createServices(config);
const yoga = createServer({ prisma: db.prisma, config, services });
const server = createHttpServer(yoga);
server.listen(port, host, () => {
  console.log(`Kinerja API ready. GraphiQL: http://localhost:${port}${yoga.graphqlEndpoint}`);
});

async function shutdown(signal: string) {
  console.log(`${signal}: shutting down.`);
  server.close();
  await services.close();
  await db.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
