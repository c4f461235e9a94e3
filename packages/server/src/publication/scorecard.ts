import { periodLabel } from "../domain/periods.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { annualPredikats, countPredikats, type PredikatCount } from "../performance/distribution.ts";
import { latestApprovedRealisation, realisedValue } from "../performance/indicator-value.ts";
import { resultOfPeriods, surveyResult, type SurveyResult } from "../surveys/results.ts";

// Public scorecards: what a unit publishes on the regional website. Nothing
// is public until the admin publishes it; a unit figure needs at least
// `publicFloor` responses (or rated employees) behind it; no figure about a
// single person is ever public.

type Db = Prisma.TransactionClient;

/** The k-anonymity floor of the product's domain rules (docs/domain.md). */
export const publicFloor = 5;

/** A result the public may see: with enough responses behind it. */
const aboveFloor = (result: SurveyResult | null) => (result && result.responseCount >= publicFloor ? result : null);

/** A survey result as the public may see it: the unit's scorecard published with surveys shown, and enough responses. */
export async function publicSurveyResult(db: Db, surveyId: string, unitId: string): Promise<SurveyResult | null> {
  const scorecard = await db.scorecard.findUnique({ where: { unitId } });
  if (!scorecard?.published || !scorecard.showSurveys) return null;
  return aboveFloor(await surveyResult(db, surveyId));
}

export interface PublicUnit {
  unitId: string;
  instansiId: string;
  unitName: string;
  instansiName: string;
  showSurveys: boolean;
  showIndicators: boolean;
  showPredikat: boolean;
  year: number | null;
  /** The latest year with final annual evaluations (a year's predikat exist only once it is over). */
  predikatYear: number | null;
}

/** The published scorecard of a unit found by slugs, or null. */
export async function loadScorecard(db: Db, instansiSlug: string, unitSlug: string, year?: number | null): Promise<PublicUnit | null> {
  const unit = await db.orgUnit.findFirst({
    where: { slug: unitSlug, instansi: { slug: instansiSlug } },
    select: { id: true, name: true, instansiId: true, instansi: { select: { name: true } }, scorecard: true },
  });
  if (!unit?.scorecard?.published) return null;
  const latestYear = year
    ? year
    : ((await db.performanceYear.findFirst({ where: { instansiId: unit.instansiId, skps: { some: {} } }, orderBy: { year: "desc" } }))?.year ?? null);
  const predikatYear =
    (
      await db.performanceYear.findFirst({
        where: {
          instansiId: unit.instansiId,
          ...(latestYear ? { year: { lte: latestYear } } : {}),
          periods: { some: { kind: "YEAR", evaluations: { some: { status: "FINAL" } } } },
        },
        orderBy: { year: "desc" },
      })
    )?.year ?? null;
  return {
    unitId: unit.id,
    instansiId: unit.instansiId,
    unitName: unit.name,
    instansiName: unit.instansi.name,
    showSurveys: unit.scorecard.showSurveys,
    showIndicators: unit.scorecard.showIndicators,
    showPredikat: unit.scorecard.showPredikat,
    year: latestYear,
    predikatYear,
  };
}

export interface PeriodFigure {
  label: string;
  startsOn: Date;
  endsOn: Date;
  result: SurveyResult | null;
  previousIkm: number | null;
}

export interface SurveyFigure {
  slug: string;
  serviceName: string;
  status: string;
  periods: PeriodFigure[];
  overall: SurveyResult | null;
}

/** Every shown survey's results per period and overall, from one read of the running totals. */
export async function surveyFigures(db: Db, unitId: string): Promise<SurveyFigure[]> {
  const surveys = await db.survey.findMany({
    where: { unitId, status: { not: "DRAFT" } },
    orderBy: { createdAt: "asc" },
    select: {
      slug: true,
      serviceName: true,
      status: true,
      weights: true,
      periods: { orderBy: { startsOn: "asc" }, select: { label: true, startsOn: true, endsOn: true, serviceUsers: true, total: true } },
    },
  });
  return surveys.map((survey) => {
    let previousIkm: number | null = null;
    const periods = survey.periods.map(({ label, startsOn, endsOn, ...totals }): PeriodFigure => {
      const result = aboveFloor(resultOfPeriods(survey.weights, [totals]));
      const figure = { label, startsOn, endsOn, result, previousIkm };
      if (result) previousIkm = result.ikm;
      return figure;
    });
    return { ...survey, periods, overall: aboveFloor(resultOfPeriods(survey.weights, survey.periods)) };
  });
}

export interface IndicatorFigure {
  description: string;
  aspect: "KUANTITAS" | "KUALITAS" | "WAKTU";
  target: number;
  targetUnit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  realised: number | null;
  periodLabel: string | null;
}

/** The unit's own indicators: its head's main results with what they achieved so far. */
export async function indicatorFigures(db: Db, unitId: string, year: number): Promise<IndicatorFigure[]> {
  const unit = await db.orgUnit.findUnique({ where: { id: unitId }, select: { headId: true } });
  if (!unit?.headId) return [];
  const indicators = await db.indicator.findMany({
    where: { rhk: { kind: "UTAMA", skp: { employeeId: unit.headId, year: { year } } } },
    orderBy: { createdAt: "asc" },
    include: { realisations: latestApprovedRealisation() },
  });
  return Promise.all(
    indicators.map(async (indicator) => {
      const latest = indicator.sourceSurveyId ? undefined : indicator.realisations[0];
      return {
        description: indicator.description,
        aspect: indicator.aspect,
        target: indicator.targetValue.toNumber(),
        targetUnit: indicator.targetUnit,
        direction: indicator.direction,
        realised: await realisedValue(db, indicator, { year }, publicFloor),
        periodLabel: latest ? periodLabel(latest.period.kind, latest.period.number, year) : null,
      };
    }),
  );
}

/** How many of the unit's members got each annual predikat in a year; null below the floor. */
export async function predikatFigures(db: Db, unit: { unitId: string; instansiId: string }, year: number): Promise<PredikatCount[] | null> {
  const performanceYear = await db.performanceYear.findUnique({ where: { instansiId_year: { instansiId: unit.instansiId, year } } });
  if (!performanceYear) return null;
  const given = (await annualPredikats(db, { id: unit.unitId, instansiId: unit.instansiId }, performanceYear.id)).flatMap((m) => m.predikat ?? []);
  return given.length < publicFloor ? null : countPredikats(given);
}
