import { readFile } from "node:fs/promises";
import { buildSchema, parse, validate } from "graphql";
import { expect, it } from "vitest";
import * as operations from "../src/shared/operations.ts";

// The widgets carry their operations as plain strings (graphql-js would not
// fit the size budget). This keeps them honest against the server's schema.

it("sends only operations that are valid against schema.graphql", async () => {
  const schema = buildSchema(await readFile(new URL("../../server/schema.graphql", import.meta.url), "utf8"));
  const documents = Object.entries(operations).filter(([, value]) => typeof value === "string");
  expect(documents.length).toBeGreaterThanOrEqual(5);
  for (const [name, source] of documents) {
    expect(validate(schema, parse(source as string)).map((e) => e.message), name).toEqual([]);
  }
});
