/** A subscription as query text, or as a trusted document's ID with its variables (as the widgets send it). */
export type Operation = string | { documentId: string; variables: Record<string, unknown> };

/** The GET URL of an operation. */
export function operationUrl(url: string, operation: Operation): string {
  const search = typeof operation === "string"
    ? new URLSearchParams({ query: operation })
    : new URLSearchParams({ documentId: operation.documentId, variables: JSON.stringify(operation.variables) });
  return `${url}?${search}`;
}

/** Opens a GraphQL subscription over SSE and collects its events. */
export async function subscribe(fetchFn: typeof fetch, url: string, operation: Operation) {
  const controller = new AbortController();
  const response = await fetchFn(operationUrl(url, operation), {
    headers: { accept: "text/event-stream" },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`Subscription failed: ${response.status}`);
  const events: any[] = [];
  const waiters: Array<() => void> = [];
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim()).join("\n");
          if (data) {
            events.push(JSON.parse(data));
            waiters.splice(0).forEach((wake) => wake());
          }
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    events,
    /** Resolves once `count` events arrived, or fails after `timeoutMs`. */
    async waitFor(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} events, got ${events.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return events;
    },
    close: () => controller.abort(),
  };
}
