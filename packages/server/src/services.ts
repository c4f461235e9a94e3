import { Redis } from "ioredis";
import type { Config } from "./config.ts";
import { createLivePubSub, type LivePubSub } from "./live/pubsub.ts";
import { SubmissionLimit } from "./surveys/submission-limit.ts";

/** Shared state of the server: in this process, or in Redis when several processes serve together. */
export interface Services {
  pubsub: LivePubSub;
  submissionLimit: SubmissionLimit;
  close(): Promise<void>;
}

export function createServices(config: Config): Services {
  const live = createLivePubSub(config.redisUrl);
  if (!config.redisUrl) return { pubsub: live.pubsub, submissionLimit: new SubmissionLimit(config.submissionRateLimit), close: live.close };
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
  return {
    pubsub: live.pubsub,
    submissionLimit: new SubmissionLimit(config.submissionRateLimit, redis),
    close: async () => {
      await live.close();
      redis.disconnect();
    },
  };
}
