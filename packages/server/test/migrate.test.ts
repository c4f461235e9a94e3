import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/database.ts";

const serverUrl = process.env.KINERJA_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function freshServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kinerja_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe.each(["pglite", "postgresql"] as const)("migrations on %s", (kind) => {
  it("apply once, then nothing is pending, and the schema accepts data", async () => {
    let url: string | undefined;
    if (kind === "postgresql") {
      const db = await freshServerDatabase();
      cleanups.push(db.drop);
      url = db.url;
    }
    const db = await openDatabase({ url, dataDir: "memory://" });
    try {
      expect(db.kind).toBe(kind);
      expect(await db.migrate()).toEqual(["20261122000000_foundation"]);
      expect(await db.migrate()).toEqual([]);
      const instansi = await db.prisma.instansi.create({ data: { slug: "kota-salatiga", name: "Pemerintah Kota Salatiga", kind: "KOTA" } });
      expect(await db.prisma.instansi.findUnique({ where: { slug: "kota-salatiga" } })).toMatchObject({ id: instansi.id });
    } finally {
      await db.close();
    }
  });
});
