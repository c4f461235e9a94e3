import type { InputSource } from "../generated/prisma/enums.ts";

// Peer input (360) is anonymous: the rated employee and their chain read
// peers' inputs and behaviour ratings only when at least three peers gave
// them, with nothing that tells which peer gave which: no time, no order of
// arrival, and no audit entry that names whom a peer rated.

export const minimumPeers = 3;

type Untimed<T> = Omit<T, "updatedAt"> & { updatedAt: Date | null };

/** What an evaluation shows: self and supervisor as given; peers' only from three peers on, untimed, in `order`. */
export function peersAnonymised<T extends { source: InputSource; updatedAt: Date }>(items: readonly T[], raterOf: (item: T) => string, order: (a: T, b: T) => number): Array<Untimed<T>> {
  const named = items.filter((item) => item.source !== "PEER");
  const peers = items.filter((item) => item.source === "PEER");
  if (new Set(peers.map(raterOf)).size < minimumPeers) return named;
  return [...named, ...[...peers].sort(order).map((item) => ({ ...(item as Omit<T, "updatedAt">), updatedAt: null }))];
}

/** What the audit trail keeps of an input or rating: of a peer's, only that one was given (the actor is the peer; the rated is left out). */
export function audited<T extends { source: InputSource }>(record: T | null): T | { source: "PEER" } | null {
  return record && record.source === "PEER" ? { source: "PEER" } : record;
}
