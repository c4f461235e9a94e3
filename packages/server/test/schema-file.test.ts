import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { schemaFile, schemaSdl } from "../src/schema/sdl.ts";

it("schema.graphql is up to date (run `pnpm --filter @kinerja/server print-schema`)", async () => {
  expect(await readFile(schemaFile, "utf8")).toBe(schemaSdl());
});
