import { z } from "zod";
import { adminsInstansi } from "../access/visibility.ts";
import { RosterImportStatus } from "../generated/prisma/enums.ts";
import { batchSize, parseRoster, runRosterImport, startRosterImport, type RejectedRow } from "../organisation/roster-import.ts";
import { builder } from "./builder.ts";

// Roster import (organisation/roster-import.ts): the mutation starts it and
// answers at once; the client polls the import's node for its progress.

const RosterImportStatusEnum = builder.enumType(RosterImportStatus, { name: "RosterImportStatus" });

const RejectedRowRef = builder.objectRef<RejectedRow>("RosterRejectedRow").implement({
  description: "A row left out of an import, with every reason.",
  fields: (t) => ({
    line: t.exposeInt("line", { description: "Line in the file; the header is line 1." }),
    nip: t.exposeString("nip", { nullable: true }),
    reasons: t.exposeStringList("reasons"),
  }),
});

export const RosterImportRef = builder.prismaNode("RosterImport", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...adminsInstansi(ctx.viewer) }),
  description: "An import of the roster from CSV: progress while it runs, then the report. Poll it by ID.",
  fields: (t) => ({
    status: t.expose("status", { type: RosterImportStatusEnum }),
    totalRows: t.exposeInt("totalRows"),
    processed: t.exposeInt("processed", { description: "Rows checked and, if good, written so far." }),
    created: t.exposeInt("created"),
    updated: t.exposeInt("updated"),
    unchanged: t.exposeInt("unchanged"),
    rejected: t.field({ type: [RejectedRowRef], resolve: (job) => job.rejected as unknown as RejectedRow[] }),
    error: t.exposeString("error", { nullable: true }),
    startedAt: t.expose("startedAt", { type: "DateTime" }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.relayMutationField(
  "importRoster",
  {
    description:
      "The admin imports employees from a CSV (NIP, Nama, Jabatan, Pangkat, Unit Kerja, NIP Atasan, Jenis Pegawai; comma or semicolon). Rows are matched by NIP: a second import of the same file changes nothing. Up to 500 rows it answers when done; a larger file answers at once with the import to poll.",
    inputFields: (t) => ({ csv: t.string({ required: true, validate: z.string().min(1).max(10_000_000) }) }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: async (_root, { input }, ctx) => {
      const rows = parseRoster(input.csv);
      const job = await ctx.perform((scope) => startRosterImport(scope, rows.length));
      const run = runRosterImport(ctx.prisma, ctx.viewer!, job.id, rows);
      // One batch is answered done; a larger file runs on after the answer, its record telling how it ends.
      if (rows.length <= batchSize) await run;
      else run.catch((error) => console.error("[roster import]", error));
      return ctx.prisma.rosterImport.findUniqueOrThrow({ where: { id: job.id } });
    },
  },
  { outputFields: (t) => ({ import: t.field({ type: RosterImportRef, resolve: (job) => job }) }) },
);
