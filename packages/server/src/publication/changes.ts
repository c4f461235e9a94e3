import type { Prisma } from "../generated/prisma/client.ts";
import type { SnapshotStore } from "./snapshot-store.ts";

/**
 * The units whose public figures a write may move, collected while its
 * transaction runs and announced once after it commits (never before: a
 * rolled-back change must not reach a scorecard). Each method names a kind
 * of change and knows which units show it. Announced units are recomputed;
 * whether their figures actually move is the publication rule's to decide.
 */
export class PublicFigureChanges {
  readonly #units = new Set<string>();
  readonly #responses: Array<{ unitId: string; periodId: string; periodResponses: number }> = [];

  /** A survey's responses, status or a scorecard's settings: that unit. */
  unit(unitId: string): void {
    this.#units.add(unitId);
  }

  /** A citizen's response: its unit's survey figures, once k have arrived since they were published. */
  response(stored: { unitId: string; periodId: string; periodResponses?: number }): void {
    if (stored.periodResponses === undefined) this.unit(stored.unitId);
    else this.#responses.push({ unitId: stored.unitId, periodId: stored.periodId, periodResponses: stored.periodResponses });
  }

  /** An approved result of a head of unit: the unit's published indicators. */
  async headsResult(db: Prisma.TransactionClient, employeeId: string): Promise<void> {
    const headed = await db.orgUnit.findUnique({ where: { headId: employeeId }, select: { id: true } });
    if (headed) this.unit(headed.id);
  }

  /** Every unit of the instansi: a year's predikat counts were published. */
  async wholeInstansi(db: Prisma.TransactionClient, instansiId: string): Promise<void> {
    for (const unit of await db.orgUnit.findMany({ where: { instansiId }, select: { id: true } })) this.unit(unit.id);
  }

  /** After commit: the snapshots of these units are recomputed, and published where they moved. */
  async announce(publication: SnapshotStore): Promise<void> {
    await Promise.all([
      publication.refresh(this.#units),
      ...this.#responses.map((r) => publication.responseStored(r.unitId, r.periodId, r.periodResponses)),
    ]);
  }
}
