// @kinerja/server: the Kinerja API as a library. `createKinerja` assembles
// and starts it; the schema is printed in schema.graphql.
export { createKinerja, type Kinerja, type KinerjaOptions, type Config, type Database, type DatabaseOptions } from "./kinerja.ts";
export { configFromEnv } from "./config.ts";
export { openDatabase } from "./db/database.ts";
export { createInstansi, type NewInstansi } from "./organisation/instansi.ts";
export { seedDemo } from "./setup/demo.ts";
