import { randomBytes } from "node:crypto";
import type { AnonymousOperations } from "./http/trusted-documents.ts";

/** Deployment settings, read once from the environment. */
export interface Config {
  /** ALTCHA proof-of-work on public survey submissions; null turns it off. */
  proofOfWork: { hmacKey: string; maxNumber: number } | null;
  /** Per-client limit on survey submissions. */
  submissionRateLimit: { max: number; windowSeconds: number };
  /** Live scorecard subscriptions one anonymous client address may keep open. */
  liveSubscriptionsPerAddress: number;
  /** Shared Redis for rate-limit counters and live updates across processes. */
  redisUrl: string | null;
  /**
   * Reverse proxies in front of the server that append to X-Forwarded-For:
   * the client's address is that many entries from the right. 0 ignores the header.
   */
  trustedProxies: number;
  /**
   * What anonymous callers may send: "trusted", only the public widgets'
   * documents (by documentId); "any", any query (a development setting).
   */
  anonymousOperations: AnonymousOperations;
  /** Days a token issued through the API works before it must be renewed. */
  tokenLifetimeDays: number;
  /** GraphiQL at /graphql and schema introspection: for development, off in production. */
  developerTools: boolean;
  /** The widget bundle served at /widgets/kinerja-widgets.js; unset: the workspace's build. */
  widgetFile?: string;
  /** The API's public address, printed in documents' verification QR codes; unset: the address the document was requested at. */
  publicUrl?: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    proofOfWork:
      env.KINERJA_PROOF_OF_WORK === "off"
        ? null
        : {
            // Processes behind one load balancer must share the key; a single process may make its own.
            hmacKey: env.KINERJA_ALTCHA_HMAC_KEY ?? randomBytes(32).toString("hex"),
            maxNumber: Number(env.KINERJA_POW_MAX_NUMBER ?? 50_000),
          },
    submissionRateLimit: {
      max: Number(env.KINERJA_SUBMISSIONS_PER_WINDOW ?? 30),
      windowSeconds: Number(env.KINERJA_SUBMISSION_WINDOW_SECONDS ?? 600),
    },
    liveSubscriptionsPerAddress: Number(env.KINERJA_LIVE_SUBSCRIPTIONS_PER_ADDRESS ?? 32),
    redisUrl: env.REDIS_URL ?? null,
    trustedProxies: Number(env.KINERJA_TRUSTED_PROXIES ?? (env.KINERJA_TRUST_PROXY === "1" ? 1 : 0)),
    anonymousOperations: env.KINERJA_ANONYMOUS_OPERATIONS === "any" ? "any" : "trusted",
    developerTools: env.KINERJA_DEVELOPER_TOOLS === "1",
    tokenLifetimeDays: Number(env.KINERJA_TOKEN_DAYS ?? 180),
    ...(env.KINERJA_WIDGET_FILE ? { widgetFile: env.KINERJA_WIDGET_FILE } : {}),
    ...(env.KINERJA_PUBLIC_URL ? { publicUrl: env.KINERJA_PUBLIC_URL.replace(/\/$/, "") } : {}),
  };
}
