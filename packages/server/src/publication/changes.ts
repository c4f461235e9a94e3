import type { Prisma } from "../generated/prisma/client.ts";
import type { LivePubSub } from "../live/pubsub.ts";
import { unitTree } from "../organisation/unit-tree.ts";

/**
 * The units whose public figures a write moves, collected while its
 * transaction runs and announced once after it commits (never before: a
 * rolled-back change must not reach a scorecard). Each method names a kind
 * of change and knows which units show it.
 */
export class PublicFigureChanges {
  readonly #units = new Set<string>();

  /** A survey's responses, status or a scorecard's settings: that unit. */
  unit(unitId: string): void {
    this.#units.add(unitId);
  }

  /** An approved result of a head of unit: the unit's published indicators. */
  async headsResult(db: Prisma.TransactionClient, employeeId: string): Promise<void> {
    const headed = await db.orgUnit.findUnique({ where: { headId: employeeId }, select: { id: true } });
    if (headed) this.unit(headed.id);
  }

  /** An annual predikat: counted by the employee's unit and every unit above it. */
  async annualPredikat(db: Prisma.TransactionClient, employee: { unitId: string; instansiId: string }): Promise<void> {
    for (const unitId of (await unitTree(db, employee.instansiId)).pathOf(employee.unitId)) this.unit(unitId);
  }

  /** The units announced so far (for tests and logs). */
  get units(): ReadonlySet<string> {
    return this.#units;
  }

  announce(pubsub: LivePubSub): void {
    for (const unitId of this.#units) pubsub.publish("scorecardUpdated", unitId, { unitId });
  }
}
