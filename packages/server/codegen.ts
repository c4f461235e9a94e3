import type { CodegenConfig } from "@graphql-codegen/cli";

// The tests' operations as typed documents: every graphql(`…`) literal in
// test/ is checked against the committed schema and typed (result and
// variables). Operations a test builds at run time (the matrices) stay text.
const config: CodegenConfig = {
  emitLegacyCommonJSImports: false,
  schema: "schema.graphql",
  documents: ["test/**/*.ts", "!test/generated/**"],
  generates: {
    "test/generated/": {
      preset: "client",
      config: { documentMode: "string", useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: "string", Date: "string" } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
