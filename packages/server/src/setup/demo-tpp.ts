import { runTpp, recordTppInputs, setTppRules } from "../allowance/tpp.ts";
import type { Scope } from "../application/scope.ts";
import type { TppPreset } from "../domain/tpp.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { PublicFigureChanges } from "../publication/changes.ts";

// Demo TPP: each region runs October 2026 under one of the presets, with
// base amounts by level and a few absences and late arrivals, as its admin
// would on 10 November. No draws from the demo's generator: the rest of the
// demo stays as it was.

const presetOfRegion: TppPreset[] = ["KEPAHIANG", "BANGKA_BELITUNG", "KUTAI_KARTANEGARA", "KEPAHIANG"];
const baseOfLevel = { head: 12_500_000, section: 7_250_000, staff: 3_750_000 };

export async function seedDemoTpp(prisma: PrismaClient, instansiId: string, regionIndex: number, staff: Array<{ nip: string; level: keyof typeof baseOfLevel }>) {
  const admin = await prisma.account.findFirstOrThrow({ where: { instansiId, role: "ADMIN" } });
  const viewer = { accountId: admin.id, instansiId, role: admin.role, employeeId: null, tokenId: "" };
  const rows = staff.map(({ nip, level }, i) => ({
    nip,
    baseAmount: baseOfLevel[level] + (level === "staff" ? 250_000 * (i % 4) : 0),
    absentDays: i % 9 === 4 ? 1 : i % 17 === 5 ? 3 : 0,
    lateArrivals: i % 5 === 2 ? 2 : 0,
  }));
  await prisma.$transaction(async (db) => {
    const scope: Scope = { db, viewer, changes: new PublicFigureChanges(), now: new Date("2026-11-10T02:00:00Z") };
    await setTppRules(scope, { preset: presetOfRegion[regionIndex % presetOfRegion.length]! });
    await recordTppInputs(scope, { month: "2026-10", rows });
    await runTpp(scope, { month: "2026-10" });
  });
}
