import { isAssessorOf, type SkpParties } from "../access/policy.ts";
import type { Viewer } from "../access/viewer.ts";
import type { EvaluationStatus, InputSource } from "../generated/prisma/enums.ts";

// Peer input (360) is anonymous: peers' inputs and behaviour ratings are
// shown only when at least three peers gave them, with nothing that tells
// which peer gave which: no time, no order of arrival, and no audit entry
// that names whom a peer rated. A set that can still grow is shown only to
// the assessor, who rates with it, and the assessor's superior reviewing the
// rating; everyone else (the rated employee first) reads it once the
// evaluation is final and closed to input, so reading it before and after
// one more peer's input cannot single that peer out.

export const minimumPeers = 3;

/** Whether the viewer reads peers' input on this evaluation yet. */
export function peerInputReleased(viewer: Viewer | null, evaluation: { status: EvaluationStatus; reviewerId: string | null; skp: SkpParties }): boolean {
  if (evaluation.status === "FINAL") return true;
  return viewer !== null && (isAssessorOf(viewer, evaluation.skp) || (viewer.employeeId !== null && viewer.employeeId === evaluation.reviewerId));
}

type Untimed<T> = Omit<T, "updatedAt"> & { updatedAt: Date | null };

/** What an evaluation shows: self and supervisor as given; peers' only once released and from three peers on, untimed, in `order`. */
export function peersAnonymised<T extends { source: InputSource; updatedAt: Date }>(
  items: readonly T[],
  released: boolean,
  raterOf: (item: T) => string,
  order: (a: T, b: T) => number,
): Array<Untimed<T>> {
  const named = items.filter((item) => item.source !== "PEER");
  const peers = items.filter((item) => item.source === "PEER");
  if (!released || new Set(peers.map(raterOf)).size < minimumPeers) return named;
  return [...named, ...[...peers].sort(order).map((item) => ({ ...(item as Omit<T, "updatedAt">), updatedAt: null }))];
}

/** What the audit trail keeps of an input or rating: of a peer's, only that one was given (the actor is the peer; the rated is left out). */
export function audited<T extends { source: InputSource }>(record: T | null): T | { source: "PEER" } | null {
  return record && record.source === "PEER" ? { source: "PEER" } : record;
}
