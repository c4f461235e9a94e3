import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// The CLI is only used offline here (generate, migrate diff). It must never
// try to download a native engine, which it does when DATABASE_URL is not a
// syntactically valid PostgreSQL URL. Migrations are applied by our own
// migrator (src/db/migrate.ts), on PGlite and PostgreSQL alike.
process.env.DATABASE_URL ??= "postgresql://kinerja@localhost:5432/kinerja";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils;
  // the runtime interface is the same.
  adapter: async () => new PrismaPGlite(new PGlite()) as never,
});
