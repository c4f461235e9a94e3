import { predikats, type Predikat } from "../domain/predikat.ts";

// Which units' annual predikat counts may be published, so that no published
// count, and no difference between published counts, singles anyone out.
//
// Units nest (a dinas holds its bidang), so the only new sets an attacker can
// form by subtracting published counts are, for a published unit, what it
// holds beyond its published sub-units (its residual), and unions of those.
// Hence the rules, for every unit published:
//   - it counts at least k people, and not all of them share one predikat
//     (then the count would tell each one's predikat);
//   - its residual is empty, or again at least k people not all alike.
// A unit breaking the second rule keeps its own counts and hides its smallest
// published sub-unit (complementary suppression), until the rule holds.
// Decided over every unit of the instansi, published scorecard or not, so a
// scorecard published later cannot open a difference.

export interface UnitMembers {
  id: string;
  parentId: string | null;
  /** Final annual predikat of the people placed directly in the unit. */
  predikats: readonly Predikat[];
}

export type Counts = number[];

const countsOf = (given: readonly Predikat[]): Counts => predikats.map((p) => given.filter((g) => g === p).length);
const total = (counts: Counts) => counts.reduce((a, b) => a + b, 0);
const minus = (a: Counts, b: Counts) => a.map((n, i) => n - b[i]!);
/** Enough people, not all alike. */
const safe = (counts: Counts, k: number) => total(counts) >= k && counts.filter((n) => n > 0).length >= 2;

/** The counts each publishable unit may show, by unit id, in the order of `predikats`. */
export function publishablePredikatCounts(units: readonly UnitMembers[], k: number): Map<string, Counts> {
  const children = new Map<string | null, UnitMembers[]>();
  for (const unit of units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  const subtree = new Map<string, Counts>();
  const sumOf = (unit: UnitMembers): Counts => {
    let counts = countsOf(unit.predikats);
    for (const child of children.get(unit.id) ?? []) {
      const below = sumOf(child);
      counts = counts.map((n, i) => n + below[i]!);
    }
    subtree.set(unit.id, counts);
    return counts;
  };
  const roots = units.filter((unit) => unit.parentId === null || !units.some((u) => u.id === unit.parentId));
  roots.forEach(sumOf);

  const published = new Set(units.filter((unit) => safe(subtree.get(unit.id)!, k)).map((unit) => unit.id));
  /** The published units under `id` with no published unit between. */
  const nearestPublished = (id: string): string[] =>
    (children.get(id) ?? []).flatMap((child) => (published.has(child.id) ? [child.id] : nearestPublished(child.id)));

  // Top-down, so a dinas keeps its counts and its smaller sub-units give way.
  for (const queue = [...roots]; queue.length; ) {
    const unit = queue.shift()!;
    queue.push(...(children.get(unit.id) ?? []));
    if (!published.has(unit.id)) continue;
    for (;;) {
      const below = nearestPublished(unit.id);
      const residual = below.reduce((rest, id) => minus(rest, subtree.get(id)!), subtree.get(unit.id)!);
      if (total(residual) === 0 || safe(residual, k)) break;
      const smallest = below.reduce((a, b) => (total(subtree.get(a)!) <= total(subtree.get(b)!) ? a : b));
      published.delete(smallest);
    }
  }
  return new Map([...published].map((id) => [id, subtree.get(id)!]));
}
