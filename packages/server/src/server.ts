import { createGraphQLError, createLogger, createYoga, maskError, type YogaLogger } from "graphql-yoga";
import { InvalidTokenError, viewerFromAuthorization } from "./auth/viewer.ts";
import type { RequestContext } from "./context.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { schema } from "./schema/index.ts";

export interface ServerOptions {
  prisma: PrismaClient;
  logger?: YogaLogger;
}

export function createServer({ prisma, logger = createLogger("info") }: ServerOptions) {
  return createYoga<Record<string, unknown>, RequestContext>({
    schema,
    logging: logger,
    graphiql: { title: "Kinerja API" },
    landingPage: false,
    context: async ({ request }) => ({
      prisma,
      viewer: await authenticate(prisma, request.headers.get("authorization")),
    }),
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
async function authenticate(prisma: PrismaClient, header: string | null) {
  try {
    return await viewerFromAuthorization(prisma, header);
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
