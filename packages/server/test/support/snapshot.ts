import type { PrismaClient } from "../../src/generated/prisma/client.ts";

/**
 * A fingerprint of every row of every table, so a test can prove that a
 * refused request changed nothing at all (not just that a count held).
 */
export async function databaseFingerprint(prisma: PrismaClient): Promise<string> {
  const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name::text AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`,
  );
  const parts = await Promise.all(
    tables.map(async ({ name }) => {
      const [row] = await prisma.$queryRawUnsafe<Array<{ digest: string | null }>>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`,
      );
      return `${name}:${row?.digest ?? "empty"}`;
    }),
  );
  return parts.join("\n");
}
