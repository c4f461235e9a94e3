/**
 * Caps the live subscriptions one client address keeps open. Each holds a
 * connection and a little memory; a page needs one or two, so a client
 * opening hundreds is exhausting the server, not reading it.
 */
export function subscriptionLimit(maxPerAddress: number) {
  const open = new Map<string, number>();
  return {
    /** A slot for one more subscription, with the way to give it back; null when the address has none left. */
    acquire(address: string): (() => void) | null {
      const count = open.get(address) ?? 0;
      if (count >= maxPerAddress) return null;
      open.set(address, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      };
    },
  };
}

export type SubscriptionLimit = ReturnType<typeof subscriptionLimit>;
