import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { Viewer } from "../access/viewer.ts";
import { writeAudit } from "../application/audit.ts";
import type { Scope } from "../application/scope.ts";
import { parseNip } from "../domain/nip.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { EmploymentType } from "../generated/prisma/enums.ts";
import { invalidInput } from "../refusals.ts";

// Bringing in an instansi's roster from the CSV a regional HR office exports
// (NIP, name, position, rank, unit, supervisor's NIP, employment type).
// Every row is checked on its own and a bad row is reported with its
// reasons, never stopping the good ones. Rows are matched by NIP, so a
// second import of the same file changes nothing. Rows are written in
// batches, one transaction each, supervisors before the people they
// supervise; progress is kept on the import's record for clients to poll.

export const batchSize = 500;
export const maxRows = 50_000;

/** A CSV column and the headers regional exports give it (compared lower-case, spaces and underscores alike). */
const columns = {
  nip: ["nip"],
  name: ["name", "nama"],
  position: ["position", "jabatan"],
  rank: ["rank", "pangkat", "pangkat golongan", "pangkat/golongan", "golongan"],
  unit: ["unit", "unit kerja", "unit organisasi"],
  supervisorNip: ["supervisor nip", "nip atasan", "nip atasan langsung"],
  employmentType: ["employment type", "jenis pegawai", "status pegawai", "jenis kepegawaian"],
} as const;
type Column = keyof typeof columns;
const required: Column[] = ["nip", "name", "position", "rank", "unit"];

export interface RosterRow {
  /** Line in the file (the header is line 1). */
  line: number;
  nip: string;
  name: string;
  position: string;
  rank: string;
  unit: string;
  supervisorNip: string;
  employmentType: string;
}

export interface RejectedRow {
  line: number;
  nip: string | null;
  reasons: string[];
}

export interface RosterCounts {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
}

const normalHeader = (header: string) => header.trim().toLowerCase().replace(/[_\s]+/g, " ");
/** NIPs are often exported grouped ("19850312 201003 1 001"). */
const normalNip = (value: string) => value.replace(/[\s.-]/g, "");

/** Reads the file's rows; a file whose header lacks a required column is refused whole. */
export function parseRoster(csv: string): RosterRow[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, delimiter: [",", ";"], relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw invalidInput(["input", "csv"], `The file is not readable as CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header) throw invalidInput(["input", "csv"], "The file is empty.");
  const index = new Map<Column, number>();
  for (const [column, names] of Object.entries(columns) as Array<[Column, readonly string[]]>) {
    const at = header.findIndex((cell) => names.includes(normalHeader(cell)));
    if (at >= 0) index.set(column, at);
  }
  const missing = required.filter((column) => !index.has(column));
  if (missing.length) throw invalidInput(["input", "csv"], `The header has no column for ${missing.join(", ")} (expected e.g. NIP, Nama, Jabatan, Pangkat, Unit Kerja, NIP Atasan, Jenis Pegawai).`);
  if (body.length > maxRows) throw invalidInput(["input", "csv"], `At most ${maxRows} rows per import.`);
  const cell = (record: string[], column: Column) => (index.has(column) ? (record[index.get(column)!] ?? "") : "");
  return body.map((record, i) => ({
    line: i + 2,
    nip: normalNip(cell(record, "nip")),
    name: cell(record, "name"),
    position: cell(record, "position"),
    rank: cell(record, "rank"),
    unit: cell(record, "unit"),
    supervisorNip: normalNip(cell(record, "supervisorNip")),
    employmentType: cell(record, "employmentType").toUpperCase(),
  }));
}

/** Records an import about to run (its rows already read), for the client to follow. */
export async function startRosterImport(scope: Pick<Scope, "db" | "viewer">, totalRows: number) {
  return scope.db.rosterImport.create({ data: { instansiId: scope.viewer.instansiId, actorId: scope.viewer.accountId, totalRows } });
}

interface Existing {
  id: string;
  name: string;
  position: string;
  rank: string;
  unitId: string;
  supervisorId: string | null;
  employmentType: EmploymentType;
}

interface Planned {
  row: RosterRow;
  id: string;
  unitId: string;
  employmentType: EmploymentType;
  existing: Existing | null;
}

/**
 * Runs an import: checks every row, writes the good ones in batches (each
 * in its own transaction), and keeps the counts on the import's record as
 * it goes. `onProgress` hears the same counts (the CLI draws a bar).
 */
export async function runRosterImport(
  prisma: PrismaClient,
  viewer: Viewer,
  importId: string,
  rows: RosterRow[],
  onProgress: (counts: RosterCounts) => void = () => {},
): Promise<RosterCounts> {
  const counts: RosterCounts = { processed: 0, created: 0, updated: 0, unchanged: 0, rejected: [] };
  try {
    const { planned, rejected, idOfNip } = await plan(prisma, viewer.instansiId, rows);
    counts.rejected = rejected;
    counts.processed = rejected.length;
    const supervisorOf = (p: Planned) => (p.row.supervisorNip ? idOfNip.get(p.row.supervisorNip)! : null);
    for (let start = 0; start < planned.length; start += batchSize) {
      const batch = planned.slice(start, start + batchSize);
      const outcome = await prisma.$transaction((tx) => writeBatch(tx, viewer.instansiId, batch, supervisorOf));
      counts.created += outcome.created;
      counts.updated += outcome.updated;
      counts.unchanged += outcome.unchanged;
      counts.processed += batch.length;
      await record(prisma, importId, counts, "RUNNING");
      onProgress(counts);
    }
    await prisma.$transaction(async (tx) => {
      await record(tx, importId, counts, "DONE");
      const { rejected: rejectedRows, ...totals } = counts;
      await writeAudit(tx, viewer, { entity: "RosterImport", entityId: importId, action: "import", after: { ...totals, rejected: rejectedRows.length } });
    });
    onProgress(counts);
    return counts;
  } catch (error) {
    await prisma.rosterImport.update({ where: { id: importId }, data: { status: "FAILED", error: "The import stopped unexpectedly; rows already written stay.", finishedAt: new Date() } });
    throw error;
  }
}

function record(db: Prisma.TransactionClient, importId: string, counts: RosterCounts, status: "RUNNING" | "DONE") {
  return db.rosterImport.update({
    where: { id: importId },
    data: {
      status,
      processed: counts.processed,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejected as unknown as Prisma.InputJsonValue,
      finishedAt: status === "DONE" ? new Date() : null,
    },
  });
}

/** New rows in one statement; changed ones one by one; the same ones not at all. */
async function writeBatch(db: Prisma.TransactionClient, instansiId: string, batch: Planned[], supervisorOf: (p: Planned) => string | null) {
  const fieldsOf = (p: Planned) => ({
    name: p.row.name,
    position: p.row.position,
    rank: p.row.rank,
    unitId: p.unitId,
    supervisorId: supervisorOf(p),
    employmentType: p.employmentType,
  });
  const fresh = batch.filter((p) => !p.existing);
  if (fresh.length) await db.employee.createMany({ data: fresh.map((p) => ({ id: p.id, instansiId, nip: p.row.nip, ...fieldsOf(p) })) });
  let updated = 0;
  for (const p of batch) {
    if (!p.existing) continue;
    const fields = fieldsOf(p);
    const same = (Object.keys(fields) as Array<keyof typeof fields>).every((key) => fields[key] === p.existing![key]);
    if (same) continue;
    await db.employee.update({ where: { id: p.id }, data: fields });
    updated++;
  }
  return { created: fresh.length, updated, unchanged: batch.length - fresh.length - updated };
}

/** Checks every row; returns the good ones with supervisors before their reports, and the bad ones with reasons. */
async function plan(prisma: PrismaClient, instansiId: string, rows: RosterRow[]) {
  const units = await prisma.orgUnit.findMany({ where: { instansiId }, select: { id: true, slug: true, name: true } });
  const unitByName = new Map<string, string>();
  for (const unit of units) {
    unitByName.set(unit.slug.toLowerCase(), unit.id);
    unitByName.set(unit.name.trim().toLowerCase(), unit.id);
  }
  const employees = await prisma.employee.findMany({
    where: { instansiId },
    select: { id: true, nip: true, name: true, position: true, rank: true, unitId: true, supervisorId: true, employmentType: true },
  });
  const existingByNip = new Map(employees.map((e) => [e.nip, e]));
  const nipOfId = new Map(employees.map((e) => [e.id, e.nip]));

  const reasonsByLine = new Map<number, string[]>();
  const reject = (row: RosterRow, reason: string) => reasonsByLine.set(row.line, [...(reasonsByLine.get(row.line) ?? []), reason]);
  const firstLineOfNip = new Map<string, number>();
  for (const row of rows) {
    const nip = parseNip(row.nip);
    if (!nip.ok) reject(row, `NIP: ${nip.reason}`);
    else if (firstLineOfNip.has(row.nip)) reject(row, `NIP ${row.nip} appears already on line ${firstLineOfNip.get(row.nip)}`);
    else firstLineOfNip.set(row.nip, row.line);
    for (const [field, label] of [["name", "Name"], ["position", "Position"], ["rank", "Rank"]] as const) {
      if (row[field].length < 2 || row[field].length > 200) reject(row, `${label} must be 2 to 200 characters`);
    }
    if (!unitByName.has(row.unit.toLowerCase())) reject(row, `Unit "${row.unit}" is not a unit of this instansi (create it first)`);
    if (row.employmentType && row.employmentType !== "PNS" && row.employmentType !== "PPPK") reject(row, `Employment type "${row.employmentType}" is neither PNS nor PPPK`);
    if (row.supervisorNip) {
      const supervisor = parseNip(row.supervisorNip);
      if (!supervisor.ok) reject(row, `Supervisor NIP: ${supervisor.reason}`);
      else if (row.supervisorNip === row.nip) reject(row, "An employee cannot supervise themselves");
    }
  }
  // Supervisors: in the file (a good row) or already on the roster; chains must not loop.
  // Repeated, since rejecting a supervisor's row can leave their reports without one.
  for (let changed = true; changed; ) {
    changed = false;
    const good = new Map(rows.filter((r) => !reasonsByLine.has(r.line)).map((r) => [r.nip, r]));
    const supervisorNipOf = (nip: string): string | null => {
      const row = good.get(nip);
      if (row) return row.supervisorNip || null;
      const existing = existingByNip.get(nip);
      return existing?.supervisorId ? (nipOfId.get(existing.supervisorId) ?? null) : null;
    };
    for (const row of good.values()) {
      if (!row.supervisorNip) continue;
      if (!good.has(row.supervisorNip) && !existingByNip.has(row.supervisorNip)) {
        reject(row, `Supervisor NIP ${row.supervisorNip} is neither in the file nor on the roster`);
        changed = true;
        continue;
      }
      const seen = new Set([row.nip]);
      for (let up = supervisorNipOf(row.nip); up; up = supervisorNipOf(up)) {
        if (seen.has(up)) {
          reject(row, "The supervisor chain loops back to this employee");
          changed = true;
          break;
        }
        seen.add(up);
      }
    }
  }

  const rejected: RejectedRow[] = rows
    .filter((row) => reasonsByLine.has(row.line))
    .map((row) => ({ line: row.line, nip: row.nip || null, reasons: reasonsByLine.get(row.line)! }));
  const accepted = rows.filter((row) => !reasonsByLine.has(row.line));
  const byNip = new Map(accepted.map((row) => [row.nip, row]));
  // Supervisors first: a row's depth is how many of its superiors are in the file.
  const depth = new Map<string, number>();
  const depthOf = (nip: string): number => {
    if (depth.has(nip)) return depth.get(nip)!;
    const up = byNip.get(nip)?.supervisorNip;
    const d = up && byNip.has(up) ? depthOf(up) + 1 : 0;
    depth.set(nip, d);
    return d;
  };
  const planned: Planned[] = accepted
    .map((row) => {
      const existing = existingByNip.get(row.nip) ?? null;
      return {
        row,
        id: existing?.id ?? randomUUID(),
        unitId: unitByName.get(row.unit.toLowerCase())!,
        // No column (or an empty cell) keeps what the roster holds.
        employmentType: (row.employmentType || existing?.employmentType || "PNS") as EmploymentType,
        existing,
      };
    })
    .sort((a, b) => depthOf(a.row.nip) - depthOf(b.row.nip) || a.row.line - b.row.line);
  // Every NIP a good row may name as supervisor: on the roster already, or about to be.
  const idOfNip = new Map([...employees.map((e) => [e.nip, e.id] as const), ...planned.map((p) => [p.row.nip, p.id] as const)]);
  return { planned, rejected, idOfNip };
}
