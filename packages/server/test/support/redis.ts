import { Redis } from "ioredis";

export const redisUrl = process.env.KINERJA_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function reachable(): Promise<boolean> {
  const client = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Redis on these machines, like PostgreSQL: required under CI, skipped with a notice elsewhere. */
export const hasRedis = await reachable();
if (!hasRedis) {
  if (process.env.CI) throw new Error(`CI needs Redis at ${redisUrl}`);
  console.warn(`Redis at ${redisUrl} unreachable: multi-process tests are skipped.`);
}
