import type { RatingLevel } from "./rating.ts";

export const predikats = ["SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"] as const;
export type Predikat = (typeof predikats)[number];

/** Rows: hasil kerja; columns: perilaku kerja (PermenPANRB 6/2022). */
const matrix: Record<RatingLevel, Record<RatingLevel, Predikat>> = {
  DI_ATAS_EKSPEKTASI: {
    DI_BAWAH_EKSPEKTASI: "KURANG",
    SESUAI_EKSPEKTASI: "BAIK",
    DI_ATAS_EKSPEKTASI: "SANGAT_BAIK",
  },
  SESUAI_EKSPEKTASI: {
    DI_BAWAH_EKSPEKTASI: "KURANG",
    SESUAI_EKSPEKTASI: "BAIK",
    DI_ATAS_EKSPEKTASI: "BAIK",
  },
  DI_BAWAH_EKSPEKTASI: {
    DI_BAWAH_EKSPEKTASI: "SANGAT_KURANG",
    SESUAI_EKSPEKTASI: "BUTUH_PERBAIKAN",
    DI_ATAS_EKSPEKTASI: "BUTUH_PERBAIKAN",
  },
};

export function predikatFor(hasilKerja: RatingLevel, perilakuKerja: RatingLevel): Predikat {
  return matrix[hasilKerja][perilakuKerja];
}

/** Display names as they appear on the official form. */
export const predikatLabel: Record<Predikat, string> = {
  SANGAT_BAIK: "Sangat Baik",
  BAIK: "Baik",
  BUTUH_PERBAIKAN: "Butuh Perbaikan",
  KURANG: "Kurang/Misconduct",
  SANGAT_KURANG: "Sangat Kurang",
};
