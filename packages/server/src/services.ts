import { InMemoryStore, RedisStore, type Store } from "@envelop/rate-limiter";
import { Redis } from "ioredis";
import type { Config } from "./config.ts";
import { createLivePubSub, type LivePubSub } from "./live/pubsub.ts";

/** Shared state of the server: in this process, or in Redis when several processes serve together. */
export interface Services {
  pubsub: LivePubSub;
  rateLimitStore: Store;
  close(): Promise<void>;
}

export function createServices(config: Config): Services {
  const live = createLivePubSub(config.redisUrl);
  if (!config.redisUrl) return { pubsub: live.pubsub, rateLimitStore: new InMemoryStore(), close: live.close };
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
  return {
    pubsub: live.pubsub,
    rateLimitStore: new RedisStore(redis),
    close: async () => {
      await live.close();
      redis.disconnect();
    },
  };
}
