import { GraphQLClient } from "graphql-request";
import type { TypedDocumentString } from "./generated/graphql.ts";

export * from "./generated/graphql.ts";

export interface KinerjaClientOptions {
  /** The GraphQL endpoint, e.g. https://kinerja.example.go.id/graphql */
  endpoint: string;
  /** A bearer token (knj_…); omit for public queries. */
  token?: string;
}

/** A typed client: pass a generated document, get its result type back. */
export function createKinerjaClient({ endpoint, token }: KinerjaClientOptions) {
  const client = new GraphQLClient(endpoint, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return {
    request<Result, Variables extends Record<string, unknown>>(
      document: TypedDocumentString<Result, Variables>,
      ...[variables]: Variables extends Record<string, never> ? [] : [Variables]
    ): Promise<Result> {
      return client.request<Result>(document.toString(), variables as Variables);
    },
  };
}

export type KinerjaClient = ReturnType<typeof createKinerjaClient>;
