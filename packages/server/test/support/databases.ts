import pg from "pg";
import { openDatabase, type Database, type DatabaseOptions } from "../../src/db/database.ts";
import { scratchDatabase } from "../../src/testing.ts";

// Every suite that touches data runs on both databases: embedded PGlite and
// the PostgreSQL server. CI guarantees the server; on a laptop without one
// the server half is skipped with a notice instead of failing.

export const serverUrl = process.env.KINERJA_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function serverReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const hasServer = await serverReachable();
if (!hasServer) {
  if (process.env.CI) throw new Error(`CI needs the PostgreSQL server at ${serverUrl}`);
  console.warn(`PostgreSQL server at ${serverUrl} unreachable: server-database tests are skipped.`);
}

export type DatabaseKind = "pglite" | "postgresql";
export const databaseKinds: DatabaseKind[] = hasServer ? ["pglite", "postgresql"] : ["pglite"];

/** A throwaway database on the server; drop() removes it. */
export const createServerDatabase = () => scratchDatabase(serverUrl, "kinerja_test");

/** A new, empty, migrated database of the given kind; close() also drops it. */
export async function openTestDatabase(kind: DatabaseKind, options: Omit<DatabaseOptions, "url" | "dataDir"> = {}): Promise<Database> {
  if (kind === "pglite") {
    const db = await openDatabase({ ...options, dataDir: "memory://" });
    await db.migrate();
    return db;
  }
  const server = await createServerDatabase();
  const db = await openDatabase({ ...options, url: server.url });
  await db.migrate();
  return {
    ...db,
    close: async () => {
      await db.close();
      await server.drop();
    },
  };
}
