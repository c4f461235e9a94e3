import { openDatabase } from "../db/database.ts";

// Applies pending migrations without starting the server.
// DATABASE_URL selects a PostgreSQL server; without it, the embedded database.
const db = await openDatabase({ url: process.env.DATABASE_URL });
try {
  const applied = await db.migrate();
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await db.close();
}
