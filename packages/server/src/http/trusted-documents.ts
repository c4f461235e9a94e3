import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import { trustedDocuments } from "../publication/trusted-documents.ts";

export type AnonymousOperations = "trusted" | "any";

/**
 * Runs a trusted document named by `documentId` (in a POST body or a GET
 * query string), and decides who may send query text instead.
 *
 * Anonymous callers send only the public widgets' documents unless the
 * deployment opens the API (`anonymous: "any"`): each public document reads
 * one snapshot or submits one response, so an anonymous request's cost is
 * known in advance, with no aliases to multiply it. Signed-in callers, who
 * are accountable for what they send, may send any query; the complexity
 * limit still bounds it.
 */
export function useTrustedDocuments(anonymous: AnonymousOperations): Plugin {
  const refused = (message: string, code: string, status: number) => ({ message, extensions: { code, http: { status } } });
  return usePersistedOperations({
    getPersistedOperation: (id) => trustedDocuments[id] ?? null,
    extractPersistedOperationId: (params, request) => documentIdOf(params) ?? new URL(request.url).searchParams.get("documentId"),
    allowArbitraryOperations: (request) => anonymous === "any" || request.headers.has("authorization"),
    customErrors: {
      notFound: refused("No trusted document is known by this documentId.", "DOCUMENT_NOT_FOUND", 400),
      keyNotFound: refused("Send a query, or the documentId of a trusted document.", "BAD_REQUEST", 400),
      persistedQueryOnly: refused(
        "Anonymous callers may send only the public widgets' documents (documentId); sign in with a bearer token to send a query.",
        "TRUSTED_DOCUMENTS_ONLY",
        403,
      ),
    },
  }) as Plugin;
}

function documentIdOf(params: GraphQLParams): string | null {
  const id = (params as { documentId?: unknown }).documentId;
  return typeof id === "string" ? id : null;
}
