import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { LivePubSub } from "../live/pubsub.ts";
import { computeSnapshot, type Basis, type SnapshotBody } from "./snapshot.ts";

/** A unit's published figures at one version. */
export interface Snapshot {
  unitId: string;
  key: string;
  version: number;
  body: SnapshotBody;
  /** The survey totals behind it, per period. */
  basis: Basis;
  /** Names this version for HTTP caches. */
  etag: string;
}

/** How many units (and unknown names) a process remembers. */
const capacity = 10_000;
/** A unit that responses stream into is recomputed no more often than this. */
const minimumRecomputeIntervalMs = 1_000;

/**
 * Every public read is served from here, from memory: a hit costs no SQL.
 * A snapshot is computed once, when a committed write may have moved it
 * (`refresh`), stored with a new version if it moved, and announced on the
 * live pub/sub so every process (through Redis when several serve) drops its
 * older copy; a once-a-second check of published versions covers a lost
 * message. Live subscribers receive each new version, computed once.
 */
export class SnapshotStore {
  readonly #prisma: PrismaClient;
  readonly #pubsub: LivePubSub;
  readonly #byUnit = new Map<string, Snapshot>();
  readonly #unitOfKey = new Map<string, string | null>();
  readonly #unitOfSurvey = new Map<string, string | null>();
  readonly #runs = new Map<string, { current: Promise<void>; next: Promise<void> | null }>();
  /** When each unit's last recomputation started, and the one a stream of responses has scheduled. */
  readonly #lastRun = new Map<string, number>();
  readonly #scheduled = new Map<string, { timer: NodeJS.Timeout; done: Promise<void> }>();
  readonly #watchers = new Map<string, Set<(snapshot: Snapshot) => void>>();
  readonly #stop: () => void;
  #checkedAt = new Date();

  constructor(prisma: PrismaClient, pubsub: LivePubSub, options: { checkEveryMs?: number | null } = {}) {
    this.#prisma = prisma;
    this.#pubsub = pubsub;
    const moves = pubsub.subscribe("snapshotPublished");
    void (async () => {
      for await (const move of moves) await this.#moved(move.unitId, move.version).catch((error) => console.error("[publication]", error));
    })();
    const timer = options.checkEveryMs ? setInterval(() => void this.#check().catch(() => {}), options.checkEveryMs) : null;
    timer?.unref();
    this.#stop = () => {
      if (timer) clearInterval(timer);
      void moves.return?.();
    };
  }

  /** The snapshot of a unit named by its instansi's and its own slug; null when no such unit. */
  async byKey(instansiSlug: string, unitSlug: string): Promise<Snapshot | null> {
    const key = `${instansiSlug}/${unitSlug}`;
    let unitId = this.#unitOfKey.get(key);
    if (unitId === undefined) {
      const unit = await this.#prisma.orgUnit.findFirst({ where: { slug: unitSlug, instansi: { slug: instansiSlug } }, select: { id: true } });
      unitId = unit?.id ?? null;
      remember(this.#unitOfKey, key, unitId);
    }
    return unitId ? this.byUnit(unitId) : null;
  }

  /** The snapshot of the unit a survey belongs to; null when no such survey. */
  async bySurvey(slug: string): Promise<Snapshot | null> {
    let unitId = this.#unitOfSurvey.get(slug);
    if (unitId === undefined) {
      unitId = (await this.#prisma.survey.findUnique({ where: { slug }, select: { unitId: true } }))?.unitId ?? null;
      remember(this.#unitOfSurvey, slug, unitId);
    }
    return unitId ? this.byUnit(unitId) : null;
  }

  async byUnit(unitId: string): Promise<Snapshot | null> {
    const cached = this.#byUnit.get(unitId);
    if (cached) return cached;
    const stored = await this.#loadStored(unitId);
    if (stored) return stored;
    // Never published yet (data written before this unit's first change): publish now.
    await this.refresh([unitId]);
    return this.#byUnit.get(unitId) ?? null;
  }

  /**
   * A response was stored and its period now counts `periodResponses`: the
   * unit's figures can move only once k arrived since they were published,
   * so until then nothing is recomputed (one recomputation per k responses).
   */
  responseStored(unitId: string, periodId: string, periodResponses: number): Promise<void> {
    const published = this.#byUnit.get(unitId);
    const basis = published?.basis[periodId];
    if (published && basis && periodResponses - basis.responseCount < published.body.floor) return Promise.resolve();
    // Under a stream of responses a unit is recomputed at most once a second:
    // its figures still move only by k, and at most a second after the k-th.
    const wait = (this.#lastRun.get(unitId) ?? 0) + minimumRecomputeIntervalMs - Date.now();
    if (wait <= 0) return this.refresh([unitId]);
    const scheduled = this.#scheduled.get(unitId);
    if (scheduled) return scheduled.done;
    let timer!: NodeJS.Timeout;
    const done = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.#scheduled.delete(unitId);
        this.refresh([unitId]).catch((error) => console.error("[publication]", error)).finally(resolve);
      }, wait);
    });
    this.#scheduled.set(unitId, { timer, done });
    return done;
  }

  /**
   * Recomputes the units' snapshots after a committed write. Runs at most
   * once at a time per unit; a change that arrives meanwhile is taken by one
   * more run. Resolves once the units are up to date.
   */
  async refresh(unitIds: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(unitIds)].map((unitId) => this.#refreshOne(unitId)));
  }

  /** Calls `listener` with every new version of the unit's snapshot; returns the way to stop. */
  watch(unitId: string, listener: (snapshot: Snapshot) => void): () => void {
    const listeners = this.#watchers.get(unitId) ?? new Set();
    listeners.add(listener);
    this.#watchers.set(unitId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#watchers.delete(unitId);
    };
  }

  /** Waits until no refresh is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#runs.size || this.#scheduled.size) {
      await Promise.allSettled([...[...this.#runs.values()].map((run) => run.next ?? run.current), ...[...this.#scheduled.values()].map((s) => s.done)]);
    }
  }

  close(): void {
    this.#stop();
  }

  #refreshOne(unitId: string): Promise<void> {
    const run = this.#runs.get(unitId);
    if (!run) return this.#start(unitId);
    // Asked while a run is under way, which may have read too early: one more
    // run follows it, shared by everyone who asks meanwhile.
    return (run.next ??= run.current.catch(() => {}).then(() => this.#start(unitId)));
  }

  #start(unitId: string): Promise<void> {
    this.#lastRun.set(unitId, Date.now());
    const run = { current: Promise.resolve(), next: null as Promise<void> | null };
    this.#runs.set(unitId, run);
    run.current = this.#recompute(unitId).finally(() => {
      if (!run.next && this.#runs.get(unitId) === run) this.#runs.delete(unitId);
    });
    return run.current;
  }

  async #recompute(unitId: string): Promise<void> {
    const moved = await this.#prisma.$transaction(async (db) => {
      // One writer per unit across processes: the lock lasts until commit.
      await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${unitId}))::text AS locked`;
      const previous = await db.publicSnapshot.findUnique({ where: { unitId } });
      const computed = await computeSnapshot(db, unitId, (previous?.basis ?? {}) as unknown as Basis);
      if (!computed) return null;
      // Compared as stored: JSON keeps no undefined, and jsonb keeps no key order.
      const stored = JSON.parse(JSON.stringify({ body: computed.body, basis: computed.basis }));
      if (previous && isDeepStrictEqual({ body: previous.body, basis: previous.basis }, stored)) return null;
      const version = (previous?.version ?? 0) + 1;
      const row = { key: computed.key, version, body: computed.body as never, basis: computed.basis as never, publishedAt: new Date() };
      await db.publicSnapshot.upsert({ where: { unitId }, create: { unitId, instansiId: computed.instansiId, ...row }, update: row });
      return { key: computed.key, version, body: computed.body, basis: computed.basis };
    });
    if (!moved) return;
    const snapshot = this.#install(unitId, moved.key, moved.version, moved.body, moved.basis);
    this.#notify(snapshot);
    this.#pubsub.publish("snapshotPublished", { unitId, version: moved.version });
  }

  /** Another process (or this one) published a version: drop an older copy, and push it to watchers. */
  async #moved(unitId: string, version: number): Promise<void> {
    const cached = this.#byUnit.get(unitId);
    if (cached && cached.version >= version) return;
    this.#byUnit.delete(unitId);
    // A unit or survey unknown until now may be the one that moved.
    for (const names of [this.#unitOfSurvey, this.#unitOfKey]) for (const [name, id] of names) if (id === null) names.delete(name);
    if (!this.#watchers.has(unitId)) return;
    const stored = await this.#loadStored(unitId);
    if (stored) this.#notify(stored);
  }

  /** The unit's snapshot as stored, installed in memory; null when it was never published. */
  async #loadStored(unitId: string): Promise<Snapshot | null> {
    const row = await this.#prisma.publicSnapshot.findUnique({ where: { unitId } });
    return row ? this.#install(row.unitId, row.key, row.version, row.body as unknown as SnapshotBody, row.basis as unknown as Basis) : null;
  }

  /** Catches a move whose message was lost: versions published since the last check. */
  async #check(): Promise<void> {
    if (this.#byUnit.size === 0 && this.#watchers.size === 0) return;
    const since = this.#checkedAt;
    this.#checkedAt = new Date();
    const moves = await this.#prisma.publicSnapshot.findMany({ where: { publishedAt: { gte: new Date(since.getTime() - 1_000) } }, select: { unitId: true, version: true } });
    for (const move of moves) await this.#moved(move.unitId, move.version);
  }

  #install(unitId: string, key: string, version: number, body: SnapshotBody, basis: Basis): Snapshot {
    const current = this.#byUnit.get(unitId);
    if (current && current.version >= version) return current;
    const etag = `"${createHash("sha256").update(`${unitId}:${version}`).digest("base64url").slice(0, 22)}"`;
    const snapshot = { unitId, key, version, body, basis, etag };
    remember(this.#byUnit, unitId, snapshot);
    for (const slug of Object.keys(body.surveys)) remember(this.#unitOfSurvey, slug, unitId);
    return snapshot;
  }

  #notify(snapshot: Snapshot): void {
    for (const listener of this.#watchers.get(snapshot.unitId) ?? []) listener(snapshot);
  }
}

/** Map.set with a bound: past `capacity` entries the oldest goes. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > capacity) map.delete(map.keys().next().value!);
}
