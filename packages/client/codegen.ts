import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed operations from the server's committed schema: each .graphql file in
// src/operations becomes a typed document string (no graphql-js at runtime).
const config: CodegenConfig = {
  // ESM import paths with extensions, as NodeNext requires.
  emitLegacyCommonJSImports: false,
  schema: "../server/schema.graphql",
  documents: ["src/operations/*.graphql"],
  generates: {
    "src/generated/": {
      preset: "client",
      config: { documentMode: "string", useTypeImports: true, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
