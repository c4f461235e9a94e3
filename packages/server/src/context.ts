import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./auth/viewer.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";

/** What the server adds to each request's context. */
export interface RequestContext {
  prisma: PrismaClient;
  /** The authenticated caller; null for an anonymous visitor. */
  viewer: Viewer | null;
}

export type Context = YogaInitialContext & RequestContext;
