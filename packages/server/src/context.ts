import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./auth/viewer.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";

export interface Context extends YogaInitialContext {
  prisma: PrismaClient;
  viewer: Viewer | null;
}
