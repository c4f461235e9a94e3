import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/database.ts";
import { createServerDatabase, databaseKinds } from "./support/databases.ts";

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe.each(databaseKinds)("migrations on %s", (kind) => {
  it("apply once, then nothing is pending, and the schema accepts data", async () => {
    let url: string | undefined;
    if (kind === "postgresql") {
      const server = await createServerDatabase();
      cleanups.push(server.drop);
      url = server.url;
    }
    const db = await openDatabase({ url, dataDir: "memory://" });
    try {
      expect(db.kind).toBe(kind);
      expect(await db.migrate()).toEqual(["20261122000000_foundation", "20261122020000_surveys", "20261123000000_publication", "20261123120000_token_expiry", "20261123180000_work_log", "20261123190000_evaluation_window", "20261123200000_roster_import", "20261123210000_development_follow_up", "20261124090000_review_chain", "20261124100000_tpp", "20261124110000_documents", "20261124120000_follow_up", "20261201090000_paper_responses", "20261201100000_community_forums"]);
      expect(await db.migrate()).toEqual([]);
      const instansi = await db.prisma.instansi.create({ data: { slug: "kota-salatiga", name: "Pemerintah Kota Salatiga", kind: "KOTA" } });
      expect(await db.prisma.instansi.findUnique({ where: { slug: "kota-salatiga" } })).toMatchObject({ id: instansi.id });
    } finally {
      await db.close();
    }
  });
});
