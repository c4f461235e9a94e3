/** A typed failure the API returned instead of a payload (see the server's Error types). */
export interface ApiError {
  __typename: string;
  message: string;
  issues?: Array<{ path: string[]; message: string }>;
}

/** The network failed: nothing is known to have reached the server. */
export class NetworkError extends Error {
  override name = "NetworkError";
}

/** The server answered with errors (masked, rate limited, malformed query). */
export class ServerError extends Error {
  override name = "ServerError";
  constructor(message: string, readonly status: number, readonly code?: string) {
    super(message);
  }
}

/** POSTs one operation. No graphql-js: operations are plain strings. */
export async function graphql<Data>(api: string, query: string, variables?: Record<string, unknown>): Promise<Data> {
  let response: Response;
  try {
    response = await fetch(api, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new NetworkError(String(error));
  }
  const body = await response.json().catch(() => null);
  if (!response.ok || !body || body.errors) {
    const first = body?.errors?.[0];
    throw new ServerError(first?.message ?? `HTTP ${response.status}`, response.status, first?.extensions?.code);
  }
  return body.data as Data;
}

/** Subscribes over server-sent events; returns a function that closes the stream. */
export function subscribe(api: string, query: string, variables: Record<string, unknown>, onData: (data: unknown) => void): () => void {
  const url = new URL(api, location.href);
  url.searchParams.set("query", query);
  url.searchParams.set("variables", JSON.stringify(variables));
  const source = new EventSource(url);
  source.addEventListener("next", (event) => {
    const body = JSON.parse((event as MessageEvent).data);
    if (body.data) onData(body.data);
  });
  source.onmessage = (event) => {
    const body = JSON.parse(event.data);
    if (body.data) onData(body.data);
  };
  return () => source.close();
}
