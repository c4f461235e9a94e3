import { describe, expect, it } from "vitest";
import type { Predikat } from "../src/domain/predikat.ts";
import { publishablePredikatCounts, type UnitMembers } from "../src/publication/predikat-suppression.ts";

// Which units' predikat counts may be published (k = 5): every published
// count, and every difference between published counts, stands on at least
// k people who do not all share one predikat.

const people = (spec: Partial<Record<Predikat, number>>): Predikat[] =>
  Object.entries(spec).flatMap(([predikat, n]) => Array<Predikat>(n!).fill(predikat as Predikat));

const unit = (id: string, parentId: string | null, spec: Partial<Record<Predikat, number>> = {}): UnitMembers => ({ id, parentId, predikats: people(spec) });

describe("predikat count suppression", () => {
  it("publishes a unit of at least k people with more than one predikat, in the form's order", () => {
    const counts = publishablePredikatCounts([unit("dinas", null, { BAIK: 4, SANGAT_BAIK: 1 })], 5);
    expect([...counts]).toEqual([["dinas", [1, 4, 0, 0, 0]]]);
  });

  it("hides fewer than k people, and k people who all share one predikat", () => {
    expect(publishablePredikatCounts([unit("small", null, { BAIK: 3, KURANG: 1 })], 5).size).toBe(0);
    expect(publishablePredikatCounts([unit("alike", null, { BAIK: 7 })], 5).size).toBe(0);
  });

  it("keeps the dinas and hides a bidang that differs from it by its head alone", () => {
    const counts = publishablePredikatCounts([unit("dinas", null, { BAIK: 1 }), unit("bidang", "dinas", { BAIK: 3, SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 1 })], 5);
    expect([...counts.keys()]).toEqual(["dinas"]);
  });

  it("publishes parent and child when what the parent holds beyond the child is k people, not all alike", () => {
    const counts = publishablePredikatCounts(
      [unit("dinas", null, { BAIK: 4, KURANG: 1 }), unit("bidang", "dinas", { BAIK: 3, SANGAT_BAIK: 2 })],
      5,
    );
    expect(new Set(counts.keys())).toEqual(new Set(["dinas", "bidang"]));
  });

  it("publishes both when the parent holds nothing beyond its child (the difference is nobody)", () => {
    const counts = publishablePredikatCounts([unit("dinas", null), unit("bidang", "dinas", { BAIK: 3, SANGAT_BAIK: 2 })], 5);
    expect(new Set(counts.keys())).toEqual(new Set(["dinas", "bidang"]));
  });

  it("hides the smallest sibling until the parent's remainder is safe", () => {
    // Parent − (a + b + c) = 1 person. Hiding c (5) leaves a remainder of 6 mixed people.
    const counts = publishablePredikatCounts(
      [
        unit("dinas", null, { KURANG: 1 }),
        unit("a", "dinas", { BAIK: 5, SANGAT_BAIK: 2 }),
        unit("b", "dinas", { BAIK: 4, BUTUH_PERBAIKAN: 2 }),
        unit("c", "dinas", { BAIK: 4, SANGAT_BAIK: 1 }),
      ],
      5,
    );
    expect(new Set(counts.keys())).toEqual(new Set(["dinas", "a", "b"]));
  });

  it("never lets any published unit minus its published sub-units isolate fewer than k people", () => {
    // A random tree, checked against the rule itself.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const all: Predikat[] = ["SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"];
    let checked = 0;
    for (let round = 0; round < 50; round++) {
      const units: UnitMembers[] = [];
      for (let i = 0; i < 12; i++) {
        const parentId = i === 0 ? null : `u${Math.floor(random() * i)}`;
        units.push({ id: `u${i}`, parentId, predikats: Array.from({ length: Math.floor(random() * 6) }, () => all[Math.floor(random() * 3)]!) });
      }
      const published = publishablePredikatCounts(units, 5);
      const total = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
      const kinds = (counts: number[]) => counts.filter((n) => n > 0).length;
      for (const [id, counts] of published) {
        expect(total(counts)).toBeGreaterThanOrEqual(5);
        expect(kinds(counts)).toBeGreaterThan(1);
        const nearest = (parent: string): string[] =>
          units.filter((u) => u.parentId === parent).flatMap((u) => (published.has(u.id) ? [u.id] : nearest(u.id)));
        const rest = nearest(id).reduce((left, child) => left.map((n, i) => n - published.get(child)![i]!), counts);
        expect(total(rest) === 0 || (total(rest) >= 5 && kinds(rest) > 1), `${id} minus its published sub-units`).toBe(true);
        if (nearest(id).length) checked++;
      }
    }
    // The trees were rich enough to publish parents above published sub-units.
    expect(checked).toBeGreaterThan(20);
  });
});
