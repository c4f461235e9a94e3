import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { openDatabase } from "../db/database.ts";
import { parseRoster, runRosterImport, startRosterImport } from "../organisation/roster-import.ts";
import { InputValidationError } from "../refusals.ts";

const usage = `Usage: pnpm --filter @kinerja/server import-roster --instansi kota-salatiga roster.csv
The CSV has a header row: NIP, Nama, Jabatan, Pangkat, Unit Kerja, NIP Atasan, Jenis Pegawai (comma or semicolon).
Rows are matched by NIP: importing the same file again changes nothing.`;

const { values, positionals } = parseArgs({ options: { instansi: { type: "string" } }, allowPositionals: true });
if (!values.instansi || positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}

let rows;
try {
  rows = parseRoster(await readFile(positionals[0]!, "utf8"));
} catch (error) {
  const reason = error instanceof InputValidationError ? error.issues.map((issue) => issue.message).join("; ") : (error as Error).message;
  console.error(`Cannot read ${positionals[0]}: ${reason}`);
  process.exit(2);
}

const db = await openDatabase({ url: process.env.DATABASE_URL });
try {
  await db.migrate();
  const instansi = await db.prisma.instansi.findUnique({ where: { slug: values.instansi } });
  // The import is audited as the instansi's first admin account: the CLI runs with the database's authority.
  const admin = instansi && (await db.prisma.account.findFirst({ where: { instansiId: instansi.id, role: "ADMIN" }, orderBy: { createdAt: "asc" } }));
  if (!instansi || !admin) {
    console.error(`No instansi "${values.instansi}" with an admin account.`);
    process.exit(2);
  }
  const viewer = { accountId: admin.id, instansiId: instansi.id, role: admin.role, employeeId: admin.employeeId, tokenId: "cli" };
  const job = await startRosterImport({ db: db.prisma, viewer }, rows.length);
  const bar = new SingleBar({ format: "Importing [{bar}] {value}/{total} rows | {created} new, {updated} changed, {unchanged} same, {rejected} rejected" });
  bar.start(rows.length, 0, { created: 0, updated: 0, unchanged: 0, rejected: 0 });
  const counts = await runRosterImport(db.prisma, viewer, job.id, rows, (c) =>
    bar.update(c.processed, { created: c.created, updated: c.updated, unchanged: c.unchanged, rejected: c.rejected.length }),
  );
  bar.stop();
  for (const row of counts.rejected) console.log(`Line ${row.line}${row.nip ? ` (NIP ${row.nip})` : ""}: ${row.reasons.join("; ")}`);
  console.log(`${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected.length} rejected.`);
  if (counts.rejected.length) process.exitCode = 1;
} finally {
  await db.close();
}
