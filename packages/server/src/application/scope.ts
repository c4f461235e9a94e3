import type { Viewer } from "../access/viewer.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { PublicFigureChanges } from "../publication/changes.ts";
import type { SnapshotStore } from "../publication/snapshot-store.ts";
import { ForbiddenError } from "../refusals.ts";

// What every use case of the application layer receives: the database (a
// transaction for writes), the acting viewer and, for writes, the list of
// public figures the change moves. Use cases return a result or throw a
// typed refusal (refusals.ts); they never see GraphQL.

export interface ReadScope<V extends Viewer | null = Viewer> {
  db: Prisma.TransactionClient;
  viewer: V;
  /** The time the use case acts at: one instant for all it decides (deadlines, "today"). */
  now: Date;
}

export interface Scope<V extends Viewer | null = Viewer> extends ReadScope<V> {
  /** Units whose public figures this change moves: announced once, after commit. */
  changes: PublicFigureChanges;
}

export interface Runtime {
  prisma: PrismaClient;
  publication: SnapshotStore;
  clock: () => Date;
}

/**
 * Runs a write in one transaction; what it changed publicly is announced only
 * once it has committed, and the caller's answer waits for the new figures.
 */
export async function perform<V extends Viewer | null, T>(runtime: Runtime, viewer: V, work: (scope: Scope<V>) => Promise<T>): Promise<T> {
  const changes = new PublicFigureChanges();
  const result = await runtime.prisma.$transaction((db) => work({ db, viewer, changes, now: runtime.clock() }));
  // The write stands whatever happens next; a failed publication is retried by the next change.
  await changes.announce(runtime.publication).catch((error) => console.error("[publication]", error));
  return result;
}

/** The viewer a use case acts for; the schema's scope checks make anonymous calls impossible here. */
export function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new ForbiddenError("Sign in with a bearer token.");
  return viewer;
}
