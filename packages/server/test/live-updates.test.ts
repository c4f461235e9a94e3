import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/database.ts";
import { startApi, type Api } from "./support/api.ts";
import { createServerDatabase, databaseKinds } from "./support/databases.ts";
import { hasRedis, redisUrl } from "./support/redis.ts";
import { seedOrganisation } from "./support/organisation.ts";
import { startServerProcess } from "./support/server-process.ts";
import { operationUrl, subscribe } from "./support/sse.ts";
import { responseInput, submit } from "./support/surveys.ts";

const good = [4, 4, 3, 4, 3, 4, 4, 3, 4];
// What the scorecard widget subscribes to.
const subscription = { documentId: "scorecard-updated.v1", variables: { instansi: "kota-salatiga", unit: "dinas-kesehatan" } };

describe("live scorecard updates in one process (no Redis)", () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi("pglite");
    const org = await seedOrganisation(api.prisma, "kota-salatiga");
    await api.prisma.scorecard.create({ data: { instansiId: org.instansi.id, unitId: org.unit.id, published: true } });
  });
  afterAll(() => api?.close());

  it("pushes the new figures to a subscriber over SSE once they move: at the fifth response, not before", async () => {
    const stream = await subscribe(api.yoga.fetch as typeof fetch, "http://kinerja.test/graphql", subscription);
    try {
      for (let i = 0; i < 5; i++) await submit(api, responseInput("kota-salatiga-imunisasi", good));
      await api.publication.idle();
      const events = await stream.waitFor(1);
      expect(events).toHaveLength(1);
      expect(events[0].data.scorecardUpdated.surveys[0].result).toMatchObject({ responseCount: 5, ikm: 91.67 });
    } finally {
      stream.close();
    }
  });
});

describe("live subscription limit", () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi("pglite", { liveSubscriptionsPerAddress: 2 });
    const org = await seedOrganisation(api.prisma, "kota-salatiga");
    await api.prisma.scorecard.create({ data: { instansiId: org.instansi.id, unitId: org.unit.id, published: true } });
  });
  afterAll(() => api?.close());

  it("refuses an anonymous address more live subscriptions than allowed, and frees a slot when one closes", async () => {
    const open = async (address: string) => {
      const controller = new AbortController();
      const response = await api.yoga.fetch(operationUrl("http://kinerja.test/graphql", subscription), {
        headers: { accept: "text/event-stream", "x-forwarded-for": address },
        signal: controller.signal,
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      /** The stream's first event, past keep-alive pings. */
      const firstEvent = async () => {
        for (let text = ""; ; ) {
          const { value, done } = await reader.read();
          if (done) return text;
          text += value;
          if (text.includes("data:")) return text;
        }
      };
      return {
        firstEvent,
        close: () => {
          controller.abort();
          void reader.cancel().catch(() => {});
        },
      };
    };
    const first = await open("203.0.113.7");
    const second = await open("203.0.113.7");
    const third = await open("203.0.113.7");
    expect(await third.firstEvent()).toContain("Too many live subscriptions");
    // Another address is not affected.
    const other = await open("198.51.100.2");
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await open("203.0.113.7");
    const next = await Promise.race([again.firstEvent(), new Promise((resolve) => setTimeout(() => resolve("open"), 300))]);
    expect(next).toBe("open");
    for (const stream of [second, third, other, again]) stream.close();
  });
});

describe.runIf(hasRedis && databaseKinds.includes("postgresql"))("live scorecard updates across two server processes (Redis)", () => {
  let drop: () => Promise<void>;
  let servers: Array<Awaited<ReturnType<typeof startServerProcess>>> = [];
  beforeAll(async () => {
    const database = await createServerDatabase();
    drop = database.drop;
    const db = await openDatabase({ url: database.url });
    await db.migrate();
    const org = await seedOrganisation(db.prisma, "kota-salatiga");
    await db.prisma.scorecard.create({ data: { instansiId: org.instansi.id, unitId: org.unit.id, published: true } });
    await db.close();
    const env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, KINERJA_ALTCHA_HMAC_KEY: "shared-test-key", KINERJA_POW_MAX_NUMBER: "300" };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await drop?.();
  });

  it("delivers a response stored by one process to a subscriber of the other", async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const stream = await subscribe(fetch, a.url, subscription);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the subscription reach Redis
      // The proof of work comes from process A and is spent on process B: they share the key and the database.
      const post = async (url: string, documentId: string, variables?: object) =>
        (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ documentId, variables }) })).json();
      const { solveChallenge } = await import("altcha-lib/v1");
      for (let i = 0; i < 5; i++) {
        const { data } = await post(a.url, "challenge.v1");
        const c = data.surveyChallenge;
        const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
        const proofOfWork = Buffer.from(JSON.stringify({ ...c, number: solution!.number, maxnumber: undefined })).toString("base64");
        const result = await post(b.url, "submit.v1", { input: { ...responseInput("kota-salatiga-imunisasi", good), proofOfWork } });
        expect(result.data.submitSurveyResponse.__typename, JSON.stringify(result)).toBe("SubmitSurveyResponsePayload");
      }
      const events = await stream.waitFor(1);
      expect(events).toHaveLength(1);
      expect(events[0].data.scorecardUpdated.surveys[0].result).toMatchObject({ responseCount: 5, ikm: 91.67 });
    } finally {
      stream.close();
    }
  });
});
