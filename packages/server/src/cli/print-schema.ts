import { writeFile } from "node:fs/promises";
import { schemaFile, schemaSdl } from "../schema/sdl.ts";

// Writes the schema's SDL to packages/server/schema.graphql, which is
// committed and reviewed like code (a test fails when it is stale).
await writeFile(schemaFile, schemaSdl());
console.log(`Wrote ${schemaFile}`);
