import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql 16 has no "exports" map: Node loads its CommonJS entry for every
  // package, while Vite would pick the ESM one for our files. Two copies of
  // graphql cannot share a schema, so point Vite at the one Node uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
