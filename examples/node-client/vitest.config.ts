import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql 16 has no "exports" map: make Vite use the same (CommonJS) copy Node loads.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
