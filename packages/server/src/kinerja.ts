import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { YogaLogger } from "graphql-yoga";
import { configFromEnv, type Config } from "./config.ts";
import { openDatabase, type Database, type DatabaseOptions } from "./db/database.ts";
import { SnapshotStore } from "./publication/snapshot-store.ts";
import { createServer } from "./server.ts";
import { createServices } from "./services.ts";

export type { Config, Database, DatabaseOptions };

export interface KinerjaOptions {
  /** Where the data lives: options to open it (default: embedded PGlite in .data), or a database already open. */
  database?: DatabaseOptions | Database;
  /** Settings over those read from the environment (configFromEnv). */
  config?: Partial<Config>;
  logger?: YogaLogger;
  /** What time it is; tests move it to check deadlines. */
  clock?: () => Date;
}

/**
 * The whole Kinerja API, assembled once: the database (migrated), the
 * shared services (live updates, rate limits) and the Yoga server. `yoga` is
 * a fetch handler and a node:http listener; `listen` starts serving;
 * `close` releases everything, the database included.
 */
export async function createKinerja(options: KinerjaOptions = {}) {
  const db = isOpen(options.database) ? options.database : await openDatabase(options.database);
  const migrations = await db.migrate();
  const config: Config = { ...configFromEnv(), ...options.config };
  const services = createServices(config);
  // With several processes (Redis), a lost message must not leave one serving an old version for more than a second.
  const publication = new SnapshotStore(db.prisma, services.pubsub, { checkEveryMs: config.redisUrl ? 1_000 : null });
  const yoga = createServer({
    prisma: db.prisma,
    sql: db.sql,
    config,
    services,
    publication,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  let http: Server | null = null;
  return {
    db,
    prisma: db.prisma,
    config,
    services,
    publication,
    yoga,
    /** Migrations this start applied. */
    migrations,
    /** Serves HTTP; resolves with the origin once listening (port 0 picks a free one). */
    async listen(port: number, host = "0.0.0.0"): Promise<string> {
      http = createHttpServer(yoga);
      await new Promise<void>((resolve) => http!.listen(port, host, resolve));
      const address = http.address() as AddressInfo;
      return `http://${host === "0.0.0.0" ? "localhost" : host}:${address.port}`;
    },
    async close(): Promise<void> {
      if (http) {
        http.closeAllConnections();
        await new Promise((resolve) => http!.close(resolve));
      }
      // Publications under way finish before the database closes.
      await publication.idle();
      publication.close();
      await services.close();
      await db.close();
    },
  };
}

export type Kinerja = Awaited<ReturnType<typeof createKinerja>>;

function isOpen(database: KinerjaOptions["database"]): database is Database {
  return database !== undefined && "prisma" in database;
}
