import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/access/viewer.ts";
import { visibleEmployees, visibleSkps } from "../src/access/visibility.ts";
import type { Database } from "../src/db/database.ts";
import { compileCount, compileRead, countInOneStatement, NotCompiled, readInOneStatement } from "../src/db/one-statement-read.ts";
import { Prisma } from "../src/generated/prisma/client.ts";
import { databaseKinds, openTestDatabase } from "./support/databases.ts";
import { seedOrganisation, type Organisation } from "./support/organisation.ts";

// A staff list is read in one SQL statement built from the findMany
// arguments Pothos computes. Side by side with Prisma on the same rows, every
// translated read must return exactly what Prisma returns (values, types,
// order, nulls), and what is not translated must fall back to Prisma.

type Case = [name: string, model: Prisma.ModelName, args: Record<string, unknown>];

const delegateOf = (db: Database, model: Prisma.ModelName) =>
  (db.prisma as unknown as Record<string, { findMany(args: unknown): Promise<unknown[]>; count(args: unknown): Promise<number> }>)[model[0]!.toLowerCase() + model.slice(1)]!;

it("can name tables and columns after the models and fields: the schema maps none", async () => {
  const schema = await readFile(new URL("../prisma/schema.prisma", import.meta.url), "utf8");
  expect(schema).not.toMatch(/@@?map\(/);
});

describe.each(databaseKinds)("one-statement reads on %s", (kind) => {
  let db: Database;
  let org: Organisation;
  const viewers: Record<string, Viewer> = {};
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    org = await seedOrganisation(db.prisma, "kota-salatiga");
    await seedOrganisation(db.prisma, "kota-kupang");
    // A second realisation, reviewed with a comment, and one with nothing optional filled in.
    await db.prisma.realisation.create({
      data: { instansiId: org.instansi.id, indicatorId: org.indicator.id, periodId: org.q2.id, value: "80.1250", status: "APPROVED", reviewedAt: new Date(Date.UTC(2026, 6, 2, 3, 4, 5, 678)), reviewComment: "Baik" },
    });
    await db.prisma.realisation.create({ data: { instansiId: org.instansi.id, indicatorId: org.indicator.id, periodId: org.annual.id, value: 0 } });
    await db.prisma.employee.update({ where: { id: org.people.staff!.id }, data: { creditCoefficient: "12.5", positionKind: "FUNGSIONAL" } });
    const viewer = (role: Viewer["role"], employeeId: string | null): Viewer => ({ accountId: "a", tokenId: "t", instansiId: org.instansi.id, role, employeeId });
    viewers.admin = viewer("ADMIN", null);
    viewers.kasi = viewer("SUPERVISOR", org.people.kasi!.id);
    viewers.kepala = viewer("SUPERVISOR", org.people.kepala!.id);
    viewers.staff = viewer("EMPLOYEE", org.people.staff!.id);
    viewers.anonymous = null as never;
  });
  afterAll(() => db?.close());

  const staffList = (viewer: string) => ({
    where: { AND: [visibleEmployees(viewers[viewer] ?? null), {}, {}] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 4,
    skip: viewer === "admin" ? 2 : 0,
    select: {
      id: true,
      name: true,
      nip: true,
      supervisor: { where: visibleEmployees(viewers[viewer] ?? null), select: { id: true, name: true } },
      creditCoefficient: true,
      createdAt: true,
      skps: {
        where: { AND: [visibleSkps(viewers[viewer] ?? null), { year: { year: 2026 } }] },
        orderBy: { year: { year: "desc" } },
        select: {
          id: true,
          status: true,
          resourceSupport: true,
          rhks: {
            orderBy: [{ kind: "asc" }, { position: "asc" }, { createdAt: "asc" }],
            select: {
              id: true,
              kind: true,
              description: true,
              indicators: {
                orderBy: { createdAt: "asc" },
                select: {
                  id: true,
                  targetValue: true,
                  weight: true,
                  perspective: true,
                  realisations: { orderBy: [{ period: { startsOn: "asc" } }, { period: { endsOn: "asc" } }], select: { value: true, status: true, submittedAt: true, reviewedAt: true, reviewComment: true, period: true } },
                },
              },
            },
          },
        },
      },
    },
  });

  const translated = (): Case[] => [
    ...["admin", "kasi", "kepala", "staff", "anonymous"].map((viewer): Case => [`the staff list as ${viewer}`, "Employee", staffList(viewer)]),
    ...["kasi", "staff"].map((viewer): Case => [
      `the SKP list as ${viewer}`,
      "Skp",
      { where: { AND: [visibleSkps(viewers[viewer]!), { year: { year: 2026 } }, {}] }, orderBy: [{ employee: { name: "asc" } }, { id: "asc" }], take: 21, select: { id: true, status: true, employee: { select: { id: true, name: true } }, year: true } },
    ]),
    ["every column, with to-one relations either side and a self-relation", "Employee", { include: { supervisor: true, unit: { include: { head: true } }, headOf: true, subordinates: { orderBy: { name: "desc" } } }, orderBy: { nip: "asc" } }],
    ["a search by name, any case", "Employee", { where: { name: { contains: "KASI", mode: "insensitive" } }, orderBy: { name: "asc" } }],
    ["a search by NIP prefix", "Employee", { where: { nip: { startsWith: "19" }, unit: { slug: "dinas-sosial" } }, select: { id: true, unitId: true } }],
    ["scalar filters", "Realisation", { where: { value: { gt: new Prisma.Decimal(10), lte: 96.5 }, reviewedAt: { not: null }, status: { in: ["APPROVED", "SUBMITTED"], notIn: [] } }, orderBy: { value: "desc" } }],
    ["null, NOT and empty lists", "Realisation", { where: { OR: [{ submittedAt: null }, { NOT: [{ status: "APPROVED" }] }, { id: { in: [] } }] }, orderBy: [{ status: "asc" }, { value: "asc" }] }],
    ["nothing matches", "Realisation", { where: { OR: [] } }],
    ["the page after a cursor", "Employee", { ...staffList("admin"), cursor: { id: org.people.kepala!.id }, skip: 1, take: 3 }],
    ["a cursor in a descending and mixed order", "Employee", { orderBy: [{ name: "desc" }, { id: "asc" }], cursor: { id: org.people.kasi!.id }, take: 3, select: { id: true, name: true } }],
    ["a cursor whose row the filter leaves out", "Employee", { where: { unitId: org.otherUnit.id }, orderBy: [{ nip: "asc" }, { id: "asc" }], cursor: { id: org.people.staff!.id }, select: { id: true, nip: true } }],
    ["a cursor that matches no row", "Employee", { orderBy: { id: "asc" }, cursor: { id: "no-such-employee" }, skip: 1, take: 2 }],
    ["dates compared", "Period", { where: { startsOn: { gte: new Date(Date.UTC(2026, 3, 1)) }, endsOn: { lt: new Date(Date.UTC(2026, 11, 31)) } }, orderBy: { startsOn: "asc" } }],
    ["relation filters: some, none, is null", "Employee", { where: { subordinates: { some: {} }, skps: { none: { status: "AGREED" } }, supervisor: { is: null } }, orderBy: { name: "asc" } }],
    ["a to-one filter through two relations", "Indicator", { where: { rhk: { skp: { employee: { supervisorId: org.people.kasi!.id } } } }, orderBy: { description: "asc" }, include: { rhk: true } }],
  ];

  it("returns what Prisma returns, for every translated read", async () => {
    for (const [name, model, args] of translated()) {
      expect(() => compileRead(model, args), name).not.toThrow();
      const expected = await delegateOf(db, model).findMany(args);
      const actual = await readInOneStatement(db.sql, model, args, () => Promise.reject(new Error(`${name}: fell back`)));
      expect(actual, name).toEqual(expected);
    }
    // The staff list reads rows all the way down, not only empty lists.
    const admins = (await readInOneStatement(db.sql, "Employee", staffList("admin"), async () => [])) as Array<{ skps: Array<{ rhks: Array<{ indicators: Array<{ realisations: unknown[] }> }> }> }>;
    expect(admins.flatMap((e) => e.skps.flatMap((s) => s.rhks.flatMap((r) => r.indicators.flatMap((i) => i.realisations))))).toHaveLength(3);
    // The page after kepala: other, peer, staff.
    const next = (await readInOneStatement(db.sql, "Employee", { ...staffList("admin"), cursor: { id: org.people.kepala!.id }, skip: 1, take: 3 }, async () => [])) as Array<{ name: string }>;
    expect(next.map((e) => e.name)).toEqual(["other kota-salatiga", "peer kota-salatiga", "staff kota-salatiga"]);
    // A supervisor the viewer may not see is null, as Prisma has it: the staff member sees kasi, not kasi's superior.
    const staffs = (await readInOneStatement(db.sql, "Employee", staffList("staff"), async () => [])) as Array<{ name: string; supervisor: { name: string } | null }>;
    expect(staffs.map((e) => [e.name, e.supervisor?.name ?? null])).toEqual([["kasi kota-salatiga", null], ["staff kota-salatiga", "kasi kota-salatiga"]]);
  });

  it("counts what Prisma counts", async () => {
    for (const [name, model, args] of translated()) {
      expect(() => compileCount(model, args.where), name).not.toThrow();
      const expected = await delegateOf(db, model).count({ where: args.where });
      expect(await countInOneStatement(db.sql, model, args.where, () => Promise.reject(new Error(`${name}: fell back`))), name).toBe(expected);
    }
  });

  it("leaves to Prisma what it does not translate, with Prisma's answer", async () => {
    const untranslated: Case[] = [
      ["a cursor in an order that is not total", "Employee", { cursor: { id: org.people.kasi!.id }, take: 2, orderBy: { name: "asc" } }],
      ["a cursor in an order by a nullable column", "Employee", { cursor: { id: org.people.kasi!.id }, orderBy: [{ supervisorId: "asc" }, { id: "asc" }] }],
      ["a page before a cursor", "Employee", { cursor: { id: org.people.kasi!.id }, take: -2, skip: 1, orderBy: { id: "asc" } }],
      ["every", "Employee", { where: { subordinates: { every: { active: true } } } }],
      ["a relation count", "Employee", { select: { id: true, _count: { select: { subordinates: true } } } }],
      ["a wildcard in a search", "Employee", { where: { name: { contains: "kasi_" } } }],
      ["distinct", "Employee", { distinct: ["unitId"], select: { unitId: true } }],
    ];
    for (const [name, model, args] of untranslated) {
      expect(() => compileRead(model, args), name).toThrow(NotCompiled);
      const expected = await delegateOf(db, model).findMany(args);
      expect(await readInOneStatement(db.sql, model, args, () => delegateOf(db, model).findMany(args)), name).toEqual(expected);
    }
  });

  it("sends values as parameters, never as SQL", async () => {
    const search = `x' OR '1'='1`;
    const read = compileRead("Employee", { where: { name: { contains: search, mode: "insensitive" } } });
    expect(read.sql).not.toContain(search);
    expect(await readInOneStatement(db.sql, "Employee", { where: { name: { contains: search, mode: "insensitive" } } }, async () => [])).toEqual([]);
  });
});
