import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./auth/viewer.ts";
import type { Config } from "./config.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import type { LivePubSub } from "./live/pubsub.ts";

/** What the server adds to each request's context. */
export interface RequestContext {
  prisma: PrismaClient;
  /** The authenticated caller; null for an anonymous visitor. */
  viewer: Viewer | null;
  config: Config;
  pubsub: LivePubSub;
  /** The caller's address, for per-client rate limits. */
  clientIp: string;
}

export type Context = YogaInitialContext & RequestContext;
