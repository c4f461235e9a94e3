import { visibleSkps } from "../access/visibility.ts";
import type { ReadScope } from "../application/scope.ts";
import { kurvaRules, type UnitPredikat } from "../domain/kurva.ts";
import { periodLabel } from "../domain/periods.ts";
import { predikatLabel, type Predikat } from "../domain/predikat.ts";
import type { RatingLevel } from "../domain/rating.ts";
import {
  aspectLabel,
  creditPoints,
  creditShare,
  listsPerspectives,
  perspectiveLabel,
  ratingLabel,
  unitPredikatLabel,
  type PositionKind,
} from "../domain/skp-form.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { NotFoundError } from "../refusals.ts";
import { latestApprovedRealisation, realisedValue } from "../performance/indicator-value.ts";

// What an SKP or an evaluation document prints, gathered once: the same
// facts render the PDF and, hashed, tell the verification endpoint whether
// the record changed since the document was issued.

export interface Party {
  role: string;
  name: string;
  nip: string;
  rank: string;
  position: string;
  unit: string;
}

export interface IndicatorLine {
  /** The aspect (Kuantitas…) or, on a JPT's SKP, the perspective. */
  group: string;
  description: string;
  target: string;
  /** On evaluation documents: what was achieved by the period's end. */
  realised?: string;
}

export interface ResultBlock {
  kind: "Utama" | "Tambahan";
  description: string;
  /** The assessor's result it cascades from. */
  supports: string | null;
  indicators: IndicatorLine[];
}

interface Common {
  instansi: string;
  year: number;
  parties: Party[];
  /** "Aspek" or "Perspektif": what the indicator column groups by. */
  groupedBy: "Aspek" | "Perspektif";
  results: ResultBlock[];
}

export interface SkpDocument extends Common {
  kind: "SKP";
  title: string;
  status: string;
  attachment: { resourceSupport: string[]; accountability: string[]; consequences: string[] };
}

export interface EvaluationDocument extends Common {
  kind: "EVALUATION";
  title: string;
  period: string;
  annual: boolean;
  status: string;
  organisation: { unit: string; predikat: string | null; distribution: string[] };
  hasilKerja: string | null;
  perilakuKerja: string | null;
  predikat: string | null;
  /** Functional positions' credit points on the annual document. */
  credit: { coefficient: string; share: string; points: string } | null;
  finalisedOn: string | null;
}

const party = { select: { unitId: true, name: true, nip: true, rank: true, position: true, positionKind: true, creditCoefficient: true, supervisorId: true, unit: { select: { name: true } } } } as const;
type PartyRow = Prisma.EmployeeGetPayload<typeof party>;

const partyOf = (role: string, row: PartyRow): Party => ({ role, name: row.name, nip: row.nip, rank: row.rank, position: row.position, unit: row.unit.name });

const number = (value: number) => value.toLocaleString("id-ID", { maximumFractionDigits: 2 });

/** The SKP with its parties, plan and attachment, if the viewer may read it. */
async function loadSkpForDocument(scope: ReadScope, skpId: string, realisedUpTo?: Date) {
  const skp = await scope.db.skp.findFirst({
    where: { id: skpId, AND: [visibleSkps(scope.viewer)] },
    include: {
      employee: party,
      assessor: party,
      year: true,
      rhks: {
        orderBy: [{ kind: "asc" }, { position: "asc" }, { createdAt: "asc" }],
        include: { parentRhk: { select: { description: true } }, indicators: { orderBy: { createdAt: "asc" }, include: { realisations: latestApprovedRealisation(realisedUpTo) } } },
      },
    },
  });
  if (!skp) throw new NotFoundError("Skp", skpId);
  const assessor = skp.assessor ?? (skp.employee.supervisorId ? await scope.db.employee.findUnique({ where: { id: skp.employee.supervisorId }, ...party }) : null);
  const reviewer = assessor?.supervisorId ? await scope.db.employee.findUnique({ where: { id: assessor.supervisorId }, ...party }) : null;
  const instansi = await scope.db.instansi.findUniqueOrThrow({ where: { id: skp.instansiId }, select: { name: true } });
  const parties = [
    partyOf("Pegawai yang dinilai", skp.employee),
    ...(assessor ? [partyOf("Pejabat Penilai Kinerja", assessor)] : []),
    ...(reviewer ? [partyOf("Atasan Pejabat Penilai Kinerja", reviewer)] : []),
  ];
  return { skp, instansi: instansi.name, parties };
}

type LoadedForDocument = Awaited<ReturnType<typeof loadSkpForDocument>>;

async function resultsOf(scope: ReadScope, skp: LoadedForDocument["skp"], realisedUpTo: Date | null): Promise<ResultBlock[]> {
  const perspectives = listsPerspectives(skp.employee.positionKind as PositionKind);
  return Promise.all(
    skp.rhks.map(async (rhk) => ({
      kind: rhk.kind === "UTAMA" ? ("Utama" as const) : ("Tambahan" as const),
      description: rhk.description,
      supports: rhk.parentRhk?.description ?? null,
      indicators: await Promise.all(
        rhk.indicators.map(async (indicator) => {
          const realised = realisedUpTo ? await realisedValue(scope.db, indicator, { year: skp.year.year, upTo: realisedUpTo }) : undefined;
          return {
            group: perspectives ? (indicator.perspective ? perspectiveLabel[indicator.perspective] : "Perspektif belum ditetapkan") : aspectLabel[indicator.aspect],
            description: indicator.description,
            target: `${number(indicator.targetValue.toNumber())} ${indicator.targetUnit}`,
            ...(realised === undefined ? {} : { realised: realised === null ? "belum ada" : `${number(realised)} ${indicator.targetUnit}` }),
          };
        }),
      ),
    })),
  );
}

export async function skpDocument(scope: ReadScope, skpId: string): Promise<SkpDocument> {
  const { skp, instansi, parties } = await loadSkpForDocument(scope, skpId);
  return {
    kind: "SKP",
    title: `Sasaran Kinerja Pegawai ${skp.year.year}`,
    instansi,
    year: skp.year.year,
    status: skp.status === "AGREED" ? "Disepakati" : "Draf",
    parties,
    groupedBy: listsPerspectives(skp.employee.positionKind as PositionKind) ? "Perspektif" : "Aspek",
    results: await resultsOf(scope, skp, null),
    attachment: { resourceSupport: skp.resourceSupport, accountability: skp.accountability, consequences: skp.consequences },
  };
}

/** Each bound of the kurva a unit predikat allows, in words. */
function distributionOf(predikat: UnitPredikat): string[] {
  return kurvaRules[predikat].map((rule) => {
    const names = rule.predikats.map((p) => predikatLabel[p]).join(" atau ");
    const amount = rule.minimumCount !== undefined ? `${rule.minimumCount} pegawai` : `${rule.percent}%`;
    return `${rule.bound === "AT_MOST" ? "Paling banyak" : "Paling sedikit"} ${amount} ${names}`;
  });
}

export async function evaluationDocument(scope: ReadScope, evaluationId: string): Promise<EvaluationDocument> {
  const evaluation = await scope.db.evaluation.findFirst({
    where: { id: evaluationId, skp: { AND: [visibleSkps(scope.viewer)] } },
    include: { period: true },
  });
  if (!evaluation) throw new NotFoundError("Evaluation", evaluationId);
  const { skp, instansi, parties } = await loadSkpForDocument(scope, evaluation.skpId, evaluation.period.endsOn);
  const unitPerformance = await scope.db.unitPerformance.findFirst({ where: { unitId: skp.employee.unitId, yearId: skp.yearId } });
  const annual = evaluation.period.kind === "YEAR";
  const predikat = evaluation.predikat as Predikat | null;
  const coefficient = skp.employee.creditCoefficient?.toNumber() ?? null;
  return {
    kind: "EVALUATION",
    title: annual ? `Dokumen Evaluasi Kinerja Pegawai Tahunan ${skp.year.year}` : `Dokumen Evaluasi Kinerja Pegawai ${periodLabel(evaluation.period.kind, evaluation.period.number, skp.year.year)}`,
    instansi,
    year: skp.year.year,
    period: periodLabel(evaluation.period.kind, evaluation.period.number, skp.year.year),
    annual,
    status: { OPEN: "Terbuka", IN_REVIEW: "Menunggu reviu atasan pejabat penilai", FINAL: "Final" }[evaluation.status],
    parties,
    groupedBy: listsPerspectives(skp.employee.positionKind as PositionKind) ? "Perspektif" : "Aspek",
    results: await resultsOf(scope, skp, evaluation.period.endsOn),
    organisation: {
      unit: skp.employee.unit.name,
      predikat: unitPerformance ? unitPredikatLabel[unitPerformance.predikat as UnitPredikat] : null,
      distribution: unitPerformance ? distributionOf(unitPerformance.predikat as UnitPredikat) : [],
    },
    hasilKerja: evaluation.hasilKerja ? ratingLabel[evaluation.hasilKerja as RatingLevel] : null,
    perilakuKerja: evaluation.perilakuKerja ? ratingLabel[evaluation.perilakuKerja as RatingLevel] : null,
    predikat: predikat ? predikatLabel[predikat] : null,
    credit:
      annual && predikat && coefficient !== null && skp.employee.positionKind === "FUNGSIONAL"
        ? { coefficient: number(coefficient), share: `${creditShare[predikat]}%`, points: number(creditPoints(coefficient, predikat)) }
        : null,
    finalisedOn: evaluation.finalisedAt ? evaluation.finalisedAt.toISOString().slice(0, 10) : null,
  };
}
