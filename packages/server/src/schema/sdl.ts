import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./index.ts";

export const schemaFile = fileURLToPath(new URL("../../schema.graphql", import.meta.url));

/** The printed schema, sorted so that moving code around does not change it. */
export function schemaSdl(): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
