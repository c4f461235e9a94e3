import { describe, expect, it } from "vitest";
import { computeIkm, gradeOfIkmHundredths, krejcieMorganSample, parseWeight, weightsSumToOne, type ElementTotal } from "../src/domain/ikm.ts";

const uniform = (sum: number, count: number): ElementTotal[] => Array.from({ length: 9 }, () => ({ sum, count }));

describe("IKM", () => {
  it("uses exactly 1/9: all answers 4 give 100.00, grade A", () => {
    expect(computeIkm(uniform(400, 100))).toMatchObject({ skmValue: 4, ikm: 100, grade: "A", label: "Sangat Baik", responseCount: 100 });
  });

  it("all answers 1 give 25.00, grade D", () => {
    expect(computeIkm(uniform(100, 100))).toMatchObject({ ikm: 25, grade: "D", label: "Tidak Baik" });
  });

  it("computes per-element NRR and the weighted sum (worked example)", () => {
    // NRR per element for 10 respondents.
    const sums = [32, 30, 28, 35, 31, 33, 34, 29, 30];
    const result = computeIkm(sums.map((sum) => ({ sum, count: 10 })))!;
    expect(result.elements[0]).toMatchObject({ element: "U1", nrr: 3.2 });
    expect(result.elements[0]!.weightedNrr).toBeCloseTo(3.2 / 9, 12);
    // Σ sums = 282 → SKM = 282 / 90 = 3.1333…, IKM = 78.333… → 78.33, B.
    expect(result.skmValue).toBeCloseTo(282 / 90, 12);
    expect(result).toMatchObject({ ikm: 78.33, grade: "B", label: "Baik" });
  });

  it("grades on two decimals at every boundary", () => {
    expect(gradeOfIkmHundredths(6499)).toBe("D");
    expect(gradeOfIkmHundredths(6500)).toBe("C");
    expect(gradeOfIkmHundredths(7660)).toBe("C");
    expect(gradeOfIkmHundredths(7661)).toBe("B");
    expect(gradeOfIkmHundredths(8830)).toBe("B");
    expect(gradeOfIkmHundredths(8831)).toBe("A");
  });

  it("rounds the IKM half up before grading", () => {
    // 5000 responses whose sums add up to 116 991: IKM = 116 991 × 25 / 45 000 = 64.995 exactly.
    const sums = [13000, 13000, 13000, 13000, 13000, 13000, 13000, 13000, 12991];
    const result = computeIkm(sums.map((sum) => ({ sum, count: 5000 })))!;
    expect(result.ikm).toBe(65);
    expect(result.grade).toBe("C");
    // One point less: 116990 → 64.99444… → 64.99, D.
    const below = computeIkm([...sums.slice(0, 8), 12990].map((sum) => ({ sum, count: 5000 })))!;
    expect(below).toMatchObject({ ikm: 64.99, grade: "D" });
  });

  it("never caps below 100 as the rounded 0.11 weight would", () => {
    expect(computeIkm(uniform(4, 1))!.ikm).toBe(100);
  });

  it("accepts custom weights that sum to exactly 1 and refuses others", () => {
    const weights = ["0.2", "0.1", "0.1", "0.1", "0.1", "0.1", "0.1", "0.1", "0.1"].map((w) => parseWeight(w)!);
    expect(weightsSumToOne(weights)).toBe(true);
    expect(weightsSumToOne(Array.from({ length: 9 }, () => parseWeight("0.11")!))).toBe(false);
    const sums = [40, 20, 20, 20, 20, 20, 20, 20, 20];
    // SKM = 0.2·4 + 0.8·2 = 2.4 → IKM 60.00.
    expect(computeIkm(sums.map((sum) => ({ sum, count: 10 })), weights)).toMatchObject({ ikm: 60, grade: "D" });
  });

  it("has no result before the first response", () => {
    expect(computeIkm(uniform(0, 0))).toBeNull();
  });
});

describe("Krejcie–Morgan sample size", () => {
  it.each([
    [0, 0],
    [10, 10],
    [100, 80],
    [500, 218],
    [1000, 278],
    [10_000, 370],
    [100_000, 383],
    [1_000_000, 384],
  ])("N = %i needs %i responses", (n, sample) => {
    expect(krejcieMorganSample(n)).toBe(sample);
  });
});
