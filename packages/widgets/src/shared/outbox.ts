/** A response kept until the server confirms it, so no answer is lost offline. */
export interface PendingResponse {
  api: string;
  input: Record<string, unknown> & { survey: string; idempotencyKey: string };
}

const key = "kinerja-survey-outbox";

function read(): PendingResponse[] {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "[]");
  } catch {
    return [];
  }
}

function write(items: PendingResponse[]) {
  try {
    localStorage.setItem(key, JSON.stringify(items));
  } catch {
    // Storage full or disabled: the response is still sent now, just not kept for later.
  }
}

export const outbox = {
  /** Keeps a response (by idempotency key: the same one is never kept twice). */
  put(item: PendingResponse) {
    write([...read().filter((i) => i.input.idempotencyKey !== item.input.idempotencyKey), item]);
  },
  remove(idempotencyKey: string) {
    write(read().filter((i) => i.input.idempotencyKey !== idempotencyKey));
  },
  pending(api: string, survey: string): PendingResponse[] {
    return read().filter((i) => i.api === api && i.input.survey === survey);
  },
};
