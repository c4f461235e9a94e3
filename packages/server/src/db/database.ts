import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { migrate, type SqlSession } from "./migrate.ts";
import { releaseDeadTransactions } from "./release-dead-transactions.ts";

export type { PrismaClient };

/** Where the embedded database lives when no DATABASE_URL is given. */
export const defaultDataDir = fileURLToPath(new URL("../../.data/pglite", import.meta.url));

export interface DatabaseOptions {
  /** A `postgresql://` URL: use that server. Unset: use embedded PGlite. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` for a throwaway database. */
  dataDir?: string;
  /** Pool size for the PostgreSQL server. */
  poolSize?: number;
  /** Milliseconds to wait for a server connection before failing. */
  connectionTimeoutMs?: number;
  /** Called with each SQL statement sent, by Prisma or the plain reader (used to count queries). */
  onQuery?: (sql: string) => void;
}

/**
 * Plain parameterised statements past Prisma, for the hottest reads (the
 * token of every signed-in request, a staff list built as JSON in one
 * statement): Prisma's own handling of a raw query costs more CPU than the
 * query. Outside any transaction; on PGlite it waits for one under way.
 */
export interface SqlReader {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database {
  prisma: PrismaClient;
  sql: SqlReader;
  kind: "pglite" | "postgresql";
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

function createPrisma(adapter: NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"], onQuery?: (sql: string) => void) {
  if (!onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", (event) => onQuery(event.query));
  return prisma as unknown as PrismaClient;
}

const prepared = new Map<string, string>();

/**
 * The name a statement is prepared under on each connection, so the server
 * plans it once rather than on every request. The reads that come here have
 * a few shapes; past a bound (a client inventing new selections), statements
 * run unprepared rather than filling every connection with plans.
 */
function preparedName(text: string): string | undefined {
  let name = prepared.get(text);
  if (!name && prepared.size < 200) prepared.set(text, (name = `kinerja_${createHash("sha1").update(text).digest("hex")}`));
  return name;
}

/** `reader`, telling `onQuery` of each statement as Prisma's query events do. */
function counted(reader: SqlReader, onQuery?: (sql: string) => void): SqlReader {
  if (!onQuery) return reader;
  return {
    query: (sql, params) => {
      onQuery(sql);
      return reader.query(sql, params);
    },
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const dataDir = options.dataDir ?? defaultDataDir;
  if (!dataDir.startsWith("memory://")) await mkdir(path.resolve(dataDir), { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const session: SqlSession = {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
  };
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils
  // with the same runtime interface.
  const prisma = createPrisma(new PrismaPGlite(pglite) as never, options.onQuery);
  return {
    prisma,
    sql: counted(session, options.onQuery),
    kind: "pglite",
    migrate: () => migrate(session),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const connectionTimeoutMillis = options.connectionTimeoutMs ?? 5_000;
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis });
  // An idle client that the server drops must not crash the process.
  pool.on("error", (error) => console.error("[db] idle connection error:", error.message));
  // A connection the server drops while it is checked out (a restart, a
  // failover, pg_terminate_backend) fails its query; without a listener the
  // client's 'error' event would crash the process instead.
  pool.on("connect", (client) => client.on("error", (error) => console.error("[db] connection lost:", error.message)));
  const prisma = createPrisma(releaseDeadTransactions(new PrismaPg(pool)), options.onQuery);
  const sql = { query: async <Row>(text: string, params?: unknown[]) => (await pool.query({ text, values: params, name: preparedName(text) })).rows as Row[] };
  return {
    prisma,
    sql: counted(sql, options.onQuery),
    kind: "postgresql",
    migrate: async () => {
      const client = await pool.connect();
      try {
        return await migrate({
          exec: async (sql) => void (await client.query(sql)),
          query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
        });
      } finally {
        client.release();
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
