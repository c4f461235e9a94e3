import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

/**
 * Survey responses one client address group may store per window: a fixed
 * window counter (constant cost per check however hard an address pushes),
 * in this process or shared through Redis.
 */
export class SubmissionLimit {
  private readonly limiter: RateLimiterMemory | RateLimiterRedis;

  constructor(readonly rule: { max: number; windowSeconds: number }, redis: Redis | null = null) {
    const options = { keyPrefix: "kinerja:submissions", points: rule.max, duration: rule.windowSeconds };
    this.limiter = redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options);
  }

  /** Responses `address` stored in the current window. */
  async used(address: string): Promise<number> {
    return (await this.limiter.get(address))?.consumedPoints ?? 0;
  }

  /** Counts one response for `address`; null when allowed, else the seconds until the window frees one. */
  async take(address: string): Promise<number | null> {
    try {
      await this.limiter.consume(address);
      return null;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      throw outcome; // the store failed: an unexpected error, not a refusal
    }
  }
}
