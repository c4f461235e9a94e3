import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./access/viewer.ts";
import type { ReadScope, Scope } from "./application/scope.ts";
import type { Config } from "./config.ts";
import type { SqlReader } from "./db/database.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import type { SubscriptionLimit } from "./live/subscription-limit.ts";
import type { ResponseRecorder } from "./surveys/response-recorder.ts";
import type { SubmissionLimit } from "./surveys/submission-limit.ts";
import type { SnapshotStore } from "./publication/snapshot-store.ts";

/** What the server adds to each request's context. */
export interface RequestContext {
  prisma: PrismaClient;
  /** Plain statements past Prisma, for the hottest reads. */
  sql: SqlReader;
  /** The authenticated caller; null for an anonymous visitor. */
  viewer: Viewer | null;
  config: Config;
  /** Every public figure, from memory. */
  publication: SnapshotStore;
  liveSubscriptions: SubscriptionLimit;
  /** The caller's address group (an IPv4 address, an IPv6 /64), for per-client limits. */
  clientAddress: string;
  /** Stores survey responses, batching those that arrive together. */
  responses: ResponseRecorder;
  /** Survey responses per client address group. */
  submissionLimit: SubmissionLimit;
  /** Runs a use case as the signed-in caller in one transaction; its public changes are announced after commit. */
  perform<T>(work: (scope: Scope) => Promise<T>): Promise<T>;
  /** Runs a read use case as the signed-in caller. */
  read<T>(work: (scope: ReadScope) => Promise<T>): Promise<T>;
}

export type Context = YogaInitialContext & RequestContext;
