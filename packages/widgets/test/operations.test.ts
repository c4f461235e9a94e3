import { trustedDocuments } from "@kinerja/server/testing";
import { expect, it } from "vitest";
import { documents } from "../src/shared/operations.ts";

// The widgets send document IDs, not query text (graphql-js would not fit the
// size budget, and IDs keep URLs short). Every ID they send must be one the
// server keeps; the server's tests validate those documents against its schema.

it("sends only document IDs the server knows", () => {
  const ids = Object.values(documents);
  expect(ids.length).toBeGreaterThanOrEqual(5);
  for (const id of ids) expect(Object.keys(trustedDocuments), id).toContain(id);
});
