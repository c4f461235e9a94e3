import type { PrismaPg } from "@prisma/adapter-pg";

type Factory = PrismaPg;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * Works around a connection leak in Prisma 6.19's transaction manager: it
 * sends ROLLBACK (or COMMIT) and only then releases the pool connection, so
 * when the server has dropped that connection the statement throws and the
 * connection is never returned. After a few dropped connections the pool is
 * empty and every request waits for its connection timeout.
 *
 * Here a failed ROLLBACK/COMMIT releases the connection itself, marked as
 * broken so the pool discards it.
 */
export function releaseDeadTransactions(factory: Factory): Factory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => guard(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}

function guard(transaction: Transaction): Transaction {
  // The pg client and its listener cleanup are internals of the adapter's transaction.
  const internals = transaction as unknown as { client: { release(error?: Error): void }; cleanup?: () => void };
  let released = false;
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!released && (query.sql === "ROLLBACK" || query.sql === "COMMIT")) {
        released = true;
        internals.cleanup?.();
        internals.client.release(error instanceof Error ? error : new Error(String(error)));
      }
      throw error;
    }
  };
  for (const method of ["commit", "rollback"] as const) {
    const original = transaction[method].bind(transaction);
    transaction[method] = async () => {
      if (released) return;
      released = true;
      return original();
    };
  }
  return transaction;
}
