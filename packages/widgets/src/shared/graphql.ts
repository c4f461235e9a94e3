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

/**
 * Runs one of the server's trusted documents by its ID (see operations.ts):
 * reads as a plain GET (a CORS simple request with no preflight, and
 * cacheable by the browser and any proxy), writes as a POST.
 */
export async function graphql<Data>(api: string, documentId: string, variables: Record<string, unknown> = {}, method: "GET" | "POST" = "GET"): Promise<Data> {
  let response: Response;
  try {
    response =
      method === "GET"
        ? await fetch(withDocument(api, documentId, variables))
        : await fetch(api, {
            method: "POST",
            headers: { "content-type": "application/json", accept: "application/json" },
            body: JSON.stringify({ documentId, variables }),
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

function withDocument(api: string, documentId: string, variables: Record<string, unknown>): URL {
  const url = new URL(api, location.href);
  url.searchParams.set("documentId", documentId);
  url.searchParams.set("variables", JSON.stringify(variables));
  return url;
}

/** Subscribes over server-sent events; returns a function that closes the stream. */
export function subscribe(api: string, documentId: string, variables: Record<string, unknown>, onData: (data: unknown) => void): () => void {
  const source = new EventSource(withDocument(api, documentId, variables));
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
