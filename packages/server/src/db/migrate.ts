import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlReader } from "./database.ts";

/** The few SQL capabilities the migrator needs, provided by PGlite and by `pg` alike. */
export interface SqlSession extends SqlReader {
  /** Runs a script of one or more statements (simple query protocol, no parameters). */
  exec(sql: string): Promise<void>;
}

export const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

// Same table and checksum as `prisma migrate deploy`, so Prisma's own tooling
// (migrate status, migrate diff --from-migrations) sees the same history.
const historyTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works; it only has to be the same for every Kinerja process.
const advisoryLockKey = 7_340_112_026;

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * Applies pending migrations, each in its own transaction, under an advisory
 * lock so that several server processes starting at once apply each migration
 * exactly once. Refuses to run when an applied migration was edited afterwards
 * or a previous attempt failed halfway.
 */
export async function migrate(session: SqlSession, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  await session.query("SELECT pg_advisory_lock($1)", [advisoryLockKey]);
  try {
    await session.exec(historyTable);
    const applied = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const appliedByName = new Map(applied.map((row) => [row.migration_name, row]));
    const pending: Migration[] = [];
    for (const migration of all) {
      const row = appliedByName.get(migration.name);
      if (!row) {
        pending.push(migration);
      } else if (row.finished_at === null) {
        throw new MigrationError(`Migration ${migration.name} failed earlier and must be resolved by hand.`);
      } else if (row.checksum !== migration.checksum) {
        throw new MigrationError(`Migration ${migration.name} was changed after it was applied.`);
      }
    }
    for (const migration of pending) {
      await session.exec("BEGIN");
      try {
        await session.exec(migration.sql);
        await session.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await session.exec("COMMIT");
      } catch (error) {
        await session.exec("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await session.query("SELECT pg_advisory_unlock($1)", [advisoryLockKey]);
  }
}
