import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import { Redis } from "ioredis";

/** A unit's public figures were published at a new version (publication/snapshot-store.ts). */
export interface SnapshotMove {
  unitId: string;
  version: number;
}

export type LivePubSub = ReturnType<typeof createLivePubSub>["pubsub"];

/**
 * Live updates of public figures. In one process an in-memory event target is
 * enough; with REDIS_URL every process publishes to and hears from Redis,
 * so a response stored by one process reaches subscribers of all.
 */
export function createLivePubSub(redisUrl: string | null) {
  type Channels = { snapshotPublished: [move: SnapshotMove] };
  if (!redisUrl) return { pubsub: createPubSub<Channels>(), close: async () => {} };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const pubsub = createPubSub<Channels>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return {
    pubsub,
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
