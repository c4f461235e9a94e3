import type { IncomingMessage } from "node:http";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { createGraphQLError, createLogger, createYoga, maskError, type YogaLogger } from "graphql-yoga";
import { InvalidTokenError, requestAuthenticator, type RequestAuthenticator } from "./access/viewer.ts";
import { perform, signedIn } from "./application/scope.ts";
import type { Config } from "./config.ts";
import type { RequestContext } from "./context.ts";
import type { SqlReader } from "./db/database.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { clientAddressOf } from "./http/client-address.ts";
import { useCompression } from "./http/compression.ts";
import { usePublicReads } from "./http/public-reads.ts";
import { useTrustedDocuments } from "./http/trusted-documents.ts";
import { registeredOriginsCors } from "./http/cors.ts";
import { useSurveyExport } from "./http/survey-export.ts";
import { useTppExport } from "./http/tpp-export.ts";
import { useDocuments } from "./http/documents.ts";
import { useSkmReport } from "./http/skm-report.ts";
import { useSurveyPage } from "./http/survey-page.ts";
import { useWidgetFile } from "./http/widget-file.ts";
import { schema } from "./schema/index.ts";
import { ResponseRecorder } from "./surveys/response-recorder.ts";
import { subscriptionLimit } from "./live/subscription-limit.ts";
import type { SnapshotStore } from "./publication/snapshot-store.ts";
import type { Services } from "./services.ts";

export interface ServerOptions {
  prisma: PrismaClient;
  sql: SqlReader;
  config: Config;
  services: Services;
  publication: SnapshotStore;
  logger?: YogaLogger;
  /** What time it is (tests set it; deadlines and "today" follow it). */
  clock?: () => Date;
}

type ServerContext = { req?: IncomingMessage };

export function createServer({ prisma, sql, config, services, publication, logger = createLogger("info"), clock = () => new Date() }: ServerOptions) {
  const viewerOf = requestAuthenticator(sql);
  const runtime = { prisma, publication, clock };
  const liveSubscriptions = subscriptionLimit(config.liveSubscriptionsPerAddress);
  const responses = new ResponseRecorder(prisma);
  return createYoga<ServerContext, RequestContext>({
    schema,
    logging: logger,
    graphiql: config.developerTools ? { title: "Kinerja API" } : false,
    landingPage: false,
    cors: registeredOriginsCors(prisma),
    context: async ({ request, req }) => {
      const viewer = await authenticate(viewerOf, request);
      return {
        prisma,
        sql,
        config,
        publication,
        liveSubscriptions,
        clientAddress: clientAddressOf(request, { req }, config.trustedProxies),
        submissionLimit: services.submissionLimit,
        responses,
        viewer,
        perform: (work) => perform(runtime, signedIn(viewer), work),
        read: (work) => work({ db: prisma, viewer: signedIn(viewer), now: clock() }),
      };
    },
    plugins: [
      usePublicReads(publication),
      useTrustedDocuments(config.anonymousOperations),
      ...(config.developerTools ? [] : [useDisableIntrospection()]),
      useSurveyExport(prisma, viewerOf),
      useTppExport(prisma, viewerOf),
      useDocuments(prisma, viewerOf, clock, config.publicUrl),
      useSurveyPage(publication, config.publicUrl),
      useSkmReport(prisma, publication),
      useWidgetFile(config.widgetFile),
      useCompression(),
    ],
    maskedErrors: {
      // Anything not thrown on purpose is logged in full here and reaches the
      // client as "Unexpected error." with no stack, SQL or path, in every
      // environment.
      maskError: (error, message) => {
        // Checked by name, not instanceof: graphql ships CommonJS and ESM copies.
        const unexpected = isGraphQLError(error) ? error.originalError : error;
        if (unexpected && !isGraphQLError(unexpected)) logger.error(unexpected);
        return maskError(error, message, false);
      },
    },
  });
}

export type KinerjaServer = ReturnType<typeof createServer>;

/** A wrong token is a 401, not a silent downgrade to anonymous. */
async function authenticate(viewerOf: RequestAuthenticator, request: Request) {
  try {
    return await viewerOf(request);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    throw createGraphQLError(error.message, {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: { "WWW-Authenticate": "Bearer" } } },
    });
  }
}

function isGraphQLError(value: unknown): value is Error & { originalError?: unknown } {
  return value instanceof Error && value.name === "GraphQLError";
}
