import { describe, expect, it } from "vitest";
import { checkKurva } from "../src/domain/kurva.ts";
import { formatNip, parseNip } from "../src/domain/nip.ts";
import { predikatFor, type Predikat } from "../src/domain/predikat.ts";
import { rateByMajority } from "../src/domain/rating.ts";

describe("predikat matrix", () => {
  it.each([
    ["DI_ATAS_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI", "KURANG"],
    ["DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "BAIK"],
    ["DI_ATAS_EKSPEKTASI", "DI_ATAS_EKSPEKTASI", "SANGAT_BAIK"],
    ["SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI", "KURANG"],
    ["SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI", "BAIK"],
    ["SESUAI_EKSPEKTASI", "DI_ATAS_EKSPEKTASI", "BAIK"],
    ["DI_BAWAH_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI", "SANGAT_KURANG"],
    ["DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI", "BUTUH_PERBAIKAN"],
    ["DI_BAWAH_EKSPEKTASI", "DI_ATAS_EKSPEKTASI", "BUTUH_PERBAIKAN"],
  ] as const)("hasil %s × perilaku %s = %s", (hasil, perilaku, predikat) => {
    expect(predikatFor(hasil, perilaku)).toBe(predikat);
  });
});

describe("hasil kerja by majority", () => {
  it("is above when most exceed and no main result is below", () => {
    expect(rateByMajority([{ outcome: "EXCEEDS", main: true }, { outcome: "EXCEEDS", main: true }, { outcome: "MEETS", main: false }])).toBe("DI_ATAS_EKSPEKTASI");
  });
  it("is not above when a main result is below", () => {
    expect(rateByMajority([{ outcome: "EXCEEDS", main: true }, { outcome: "EXCEEDS", main: true }, { outcome: "BELOW", main: true }])).toBe("SESUAI_EKSPEKTASI");
  });
  it("is below when most fall short", () => {
    expect(rateByMajority([{ outcome: "BELOW", main: true }, { outcome: "BELOW", main: false }, { outcome: "EXCEEDS", main: true }])).toBe("DI_BAWAH_EKSPEKTASI");
  });
  it("has nothing to rate without results", () => {
    expect(rateByMajority([])).toBeNull();
  });
});

const spread = (counts: Partial<Record<Predikat, number>>): Predikat[] =>
  Object.entries(counts).flatMap(([p, n]) => Array<Predikat>(n).fill(p as Predikat));

describe("kurva rules", () => {
  it("Istimewa allows exactly 70% Sangat Baik, not more", () => {
    expect(checkKurva("ISTIMEWA", spread({ SANGAT_BAIK: 7, BAIK: 3 }))).toEqual([]);
    expect(checkKurva("ISTIMEWA", spread({ SANGAT_BAIK: 8, BAIK: 2 }))).toHaveLength(1);
  });
  it("Baik allows at most 70% Baik and needs one Butuh Perbaikan or Kurang", () => {
    expect(checkKurva("BAIK", spread({ BAIK: 7, SANGAT_BAIK: 2, KURANG: 1 }))).toEqual([]);
    expect(checkKurva("BAIK", spread({ BAIK: 8, BUTUH_PERBAIKAN: 2 }))).toHaveLength(1);
    expect(checkKurva("BAIK", spread({ BAIK: 5, SANGAT_BAIK: 5 })).map((v) => v.rule.minimumCount)).toEqual([1]);
  });
  it("Butuh Perbaikan needs 60% Butuh Perbaikan and at most 10% Sangat Baik", () => {
    expect(checkKurva("BUTUH_PERBAIKAN", spread({ BUTUH_PERBAIKAN: 6, BAIK: 3, SANGAT_BAIK: 1 }))).toEqual([]);
    expect(checkKurva("BUTUH_PERBAIKAN", spread({ BUTUH_PERBAIKAN: 5, BAIK: 3, SANGAT_BAIK: 2 }))).toHaveLength(2);
  });
  it("Kurang needs 60% Kurang, 10% Butuh Perbaikan, at most 10% Sangat Baik", () => {
    expect(checkKurva("KURANG", spread({ KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 2, SANGAT_BAIK: 1 }))).toEqual([]);
    expect(checkKurva("KURANG", spread({ KURANG: 6, BAIK: 2, SANGAT_BAIK: 2 }))).toHaveLength(2);
  });
  it("Sangat Kurang needs 60% Sangat Kurang, 10% Kurang or Butuh Perbaikan, no Sangat Baik", () => {
    expect(checkKurva("SANGAT_KURANG", spread({ SANGAT_KURANG: 6, KURANG: 1, BAIK: 3 }))).toEqual([]);
    expect(checkKurva("SANGAT_KURANG", spread({ SANGAT_KURANG: 6, BAIK: 3, SANGAT_BAIK: 1 }))).toHaveLength(2);
  });
});

describe("NIP", () => {
  it("parses a valid NIP", () => {
    const nip = "198503122010012003";
    const parsed = parseNip(nip);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(formatNip(parsed.nip)).toBe(nip);
  });
  it.each(["12345", "19850312201001200X", "198502302010011003", "198503122010131003", "198503122010013003", "198503122010011000", "198503121995011003"])(
    "rejects %s",
    (nip) => expect(parseNip(nip).ok).toBe(false),
  );
});
