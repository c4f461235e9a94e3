import pg from "pg";

let counter = 0;

/**
 * A throwaway database on the PostgreSQL server of `serverUrl`, for tests and
 * the benchmark; `drop()` removes it, closing whatever still holds it open.
 */
export async function scratchDatabase(serverUrl: string, prefix = "kinerja_scratch") {
  const name = `${prefix}_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
