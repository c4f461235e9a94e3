import type { YogaLogger } from "graphql-yoga";
import { configFromEnv, createKinerja, type Config } from "../../src/index.ts";
import type { TypedDocumentString } from "../generated/graphql.ts";
import { openTestDatabase, type DatabaseKind } from "./databases.ts";

export interface GraphQLResponse<Data = any> {
  status: number;
  data?: Data;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  text: string;
}

/**
 * A Yoga server on a fresh database, called through real HTTP requests
 * (`yoga.fetch`, no socket). Counts the SQL statements each request sends
 * and keeps what the server logged as unexpected errors.
 */
export async function startApi(kind: DatabaseKind, overrides: Partial<Config> = {}, options: { clock?: () => Date } = {}) {
  let statements: string[] | null = null;
  const db = await openTestDatabase(kind, { onQuery: (sql) => statements?.push(sql) });
  const loggedErrors: unknown[] = [];
  const logger: YogaLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: (...args) => loggedErrors.push(...args) };
  // Tests run many submissions from one address and solve easy proofs of work.
  const config: Config = {
    ...configFromEnv({}),
    proofOfWork: { hmacKey: "test-hmac-key", maxNumber: 200 },
    submissionRateLimit: { max: 1_000_000, windowSeconds: 60 },
    trustedProxies: 1,
    ...overrides,
  };
  const { yoga, services, publication, close } = await createKinerja({ database: db, config, logger, ...options });

  /**
   * Sends an operation: a typed document (`graphql(…)` from test/generated,
   * checked against the schema, its answer typed) or, for operations a test
   * builds at run time, text.
   */
  function request<Data, Variables>(token: string | null, query: TypedDocumentString<Data, Variables>, variables?: Variables, headers?: Record<string, string>): Promise<GraphQLResponse<Data>>;
  function request<Data = any>(token: string | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<Data>>;
  function request(token: string | null, query: string | TypedDocumentString<unknown, unknown>, variables?: unknown, headers: Record<string, string> = {}) {
    return send(token, { query: String(query), variables }, headers);
  }

  async function send<Data>(token: string | null, body: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQLResponse<Data>> {
    const response = await yoga.fetch("http://kinerja.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, ...JSON.parse(text) };
  }

  /** Sends a trusted document by its ID, as the widgets do (POST). */
  async function document<Data = any>(token: string | null, documentId: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
    return send<Data>(token, { documentId, variables }, headers);
  }

  /** Runs `work` and returns the SQL statements it sent. */
  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    statements = [];
    try {
      await work();
      return statements;
    } finally {
      statements = null;
    }
  }

  return {
    db,
    prisma: db.prisma,
    yoga,
    config,
    services,
    publication,
    request,
    document,
    statementsOf,
    loggedErrors,
    close,
  };
}

export type Api = Awaited<ReturnType<typeof startApi>>;
