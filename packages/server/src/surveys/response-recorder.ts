import type { PrismaClient } from "../generated/prisma/client.ts";
import { recordResponses, type RecordOutcome, type ResponseToRecord } from "./record-response.ts";

interface Waiting {
  item: ResponseToRecord;
  resolve(outcome: RecordOutcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit for survey responses. A response that arrives while none is
 * being stored is stored on the next turn of the event loop, with any that
 * arrived in the same turn; those that arrive meanwhile wait for that
 * statement and are then stored together, in one statement. So a quiet
 * server adds no delay worth a name, and under load each period's totals row (the
 * one row every response to a survey updates) is locked once per batch, not
 * once per response. Every response is answered only after its batch
 * committed; a batch that fails is retried one response at a time, so one
 * bad response fails only itself.
 */
export class ResponseRecorder {
  readonly #queue: Waiting[] = [];
  #storing = false;

  constructor(private readonly prisma: PrismaClient, private readonly maxBatch = 200) {}

  record(item: ResponseToRecord): Promise<RecordOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (this.#storing) return;
      // Starts on the next turn of the event loop, so the responses whose
      // requests were read in this one (they arrive together under load) join.
      this.#storing = true;
      setImmediate(() => void this.#drain());
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) await this.#store(this.#nextBatch());
    } finally {
      this.#storing = false;
    }
  }

  /** The oldest waiting responses, leaving for a later batch any that shares a key or a proof with one taken. */
  #nextBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const keys = new Set<string>();
    const proofs = new Set<string>();
    for (let i = 0; i < this.#queue.length && batch.length < this.maxBatch; ) {
      const waiting = this.#queue[i]!;
      const key = `${waiting.item.submission.surveySlug}\n${waiting.item.submission.idempotencyKey}`;
      const proof = waiting.item.proofOfWork?.proof?.signature;
      if (keys.has(key) || (proof && proofs.has(proof))) {
        i++;
        continue;
      }
      keys.add(key);
      if (proof) proofs.add(proof);
      batch.push(waiting);
      this.#queue.splice(i, 1);
    }
    return batch;
  }

  async #store(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await recordResponses(this.prisma, batch.map((waiting) => waiting.item));
      batch.forEach((waiting, i) => waiting.resolve(outcomes[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const waiting of batch) {
        await recordResponses(this.prisma, [waiting.item]).then(([outcome]) => waiting.resolve(outcome!), waiting.reject);
      }
    }
  }
}
