import type { Element } from "../domain/ikm.ts";
import { periodLabel } from "../domain/periods.ts";
import { predikats, type Predikat } from "../domain/predikat.ts";
import { dayOf } from "../domain/work-calendar.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { PredikatCount } from "../performance/distribution.ts";
import { latestApprovedRealisation, periodCounted, surveyMeasuredValue } from "../performance/indicator-value.ts";
import { resultOfPeriods, totalColumns, type PeriodTotals, type SurveyResult, type TotalRow } from "../surveys/results.ts";

// A unit's public figures, computed once when something behind them changes
// and served from memory until the next move (snapshot-store.ts).
//
// Survey figures move only by k responses: each period keeps the totals it
// was last published with until at least k new responses have arrived, so
// two published figures never differ by fewer than k people. A period is
// shown from k responses on; a survey's overall figure adds up shown periods
// only. Predikat counts come from the year's frozen publication
// (predikat-suppression.ts). Figures are rounded as the regulation prints
// them: IKM to two decimals, NRR and SKM value to three.

type Db = Prisma.TransactionClient;

/** Totals of one survey period: responses and the sum of each element's scores. */
export interface Totals {
  responseCount: number;
  sums: number[];
}

/** The totals each period was last published with, by period id. */
export type Basis = Record<string, Totals>;

/** One action of the unit's follow-up plan for a period (rencana tindak lanjut). */
export interface PublicFollowUp {
  element: Element;
  action: string;
  responsible: string;
  dueOn: string;
  status: "PLANNED" | "IN_PROGRESS" | "DONE";
}

export interface PublicPeriod {
  /** Internal: names the period's published responses for the respondent profile; never served. */
  periodId?: string;
  label: string;
  startsOn: string;
  endsOn: string;
  result: SurveyResult | null;
  ikmChange: number | null;
  followUp: PublicFollowUp[];
}

export interface PublicSurveyFigures {
  slug: string;
  serviceName: string;
  status: string;
  periods: PublicPeriod[];
  result: SurveyResult | null;
  /** The shown periods of each year together (a period counts in every year it overlaps, as for indicators), for the yearly report. */
  years?: Array<{ year: number; result: SurveyResult | null }>;
}

export interface PublicIndicator {
  description: string;
  aspect: "KUANTITAS" | "KUALITAS" | "WAKTU";
  target: number;
  targetUnit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  realised: number | null;
  periodLabel: string | null;
}

export interface PublicYear {
  year: number;
  /** The head's main indicators of that year ([] when hidden). */
  indicators: PublicIndicator[];
  /** True once the admin closed the year: its predikat are final. */
  closed: boolean;
  /** Published predikat counts; null when hidden, not closed, or suppressed. */
  predikat: PredikatCount[] | null;
}

/** The unit's IKM across its services: overall and per period span the services share. */
export interface PublicUnitResult {
  result: SurveyResult | null;
  periods: Array<{ label: string; result: SurveyResult | null }>;
}

/** What the unit promised at a community forum, with its status (the note says what shows it kept, or why dropped). */
export interface PublicCommitment {
  commitment: string;
  status: "PROMISED" | "IN_PROGRESS" | "DONE" | "DROPPED";
  dueOn: string | null;
  note: string | null;
  aspiration: string | null;
  forum: { title: string; kind: string; heldOn: string; place: string; participants: number };
}

export interface PublicScorecard {
  instansiName: string;
  unitName: string;
  /** Forum commitments, latest forum first. */
  commitments: PublicCommitment[];
  /** Null unless the unit surveys two or more services. */
  unitResult: PublicUnitResult | null;
  /** The performance year shown when none is asked for: the latest with SKPs. */
  defaultYear: number | null;
  years: PublicYear[];
  surveys: PublicSurveyFigures[];
}

/** What a citizen sees of a survey: the form, and the result once public. */
export interface PublicSurveyDefinition {
  slug: string;
  serviceName: string;
  status: string;
  unitName: string;
  unitSlug: string;
  instansiName: string;
  instansiSlug: string;
  extraQuestions: Array<{ position: number; kind: string; textId: string; textEn: string | null }>;
  result: SurveyResult | null;
}

export interface SnapshotBody {
  /** k: how many new responses it takes for survey figures to move. */
  floor: number;
  /** Null until the admin publishes the unit's scorecard. */
  scorecard: PublicScorecard | null;
  /** The unit's surveys that are not drafts, by slug. */
  surveys: Record<string, PublicSurveyDefinition>;
}

export interface ComputedSnapshot {
  unitId: string;
  instansiId: string;
  key: string;
  body: SnapshotBody;
  basis: Basis;
}

const zero = (): Totals => ({ responseCount: 0, sums: totalColumns.map(() => 0) });

/** The totals a period publishes now: the live ones once k responses arrived since the last publication. */
export function nextPublished(previous: Totals | undefined, live: Totals, k: number): Totals {
  const published = previous ?? zero();
  return live.responseCount - published.responseCount >= k ? live : published;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A result as the public sees it: at the regulation's precision, or nothing below the floor. */
export function publicResult(result: SurveyResult | null, k: number): SurveyResult | null {
  if (!result || result.responseCount < k) return null;
  return {
    ...result,
    skmValue: round(result.skmValue, 3),
    elements: result.elements.map((e) => ({ ...e, nrr: round(e.nrr, 3), weightedNrr: round(e.weightedNrr, 3), weight: round(e.weight, 4) })),
  };
}

const asPeriodTotals = (totals: Totals, serviceUsers: number): PeriodTotals => ({
  serviceUsers,
  total: { responseCount: totals.responseCount, ...Object.fromEntries(totalColumns.map((column, i) => [column, totals.sums[i]!])) } as TotalRow,
});

/**
 * Computes a unit's public figures against what it last published. Returns
 * null when the unit no longer exists.
 */
export async function computeSnapshot(db: Db, unitId: string, previous: Basis): Promise<ComputedSnapshot | null> {
  const unit = await db.orgUnit.findUnique({
    where: { id: unitId },
    select: {
      id: true,
      slug: true,
      name: true,
      instansiId: true,
      headId: true,
      scorecard: true,
      instansi: { select: { slug: true, name: true, anonymityFloor: true } },
      forumCommitments: {
        orderBy: [{ forum: { heldOn: "desc" } }, { createdAt: "asc" }],
        select: {
          commitment: true,
          status: true,
          dueOn: true,
          note: true,
          aspiration: { select: { text: true } },
          forum: { select: { title: true, kind: true, heldOn: true, place: true, participants: true } },
        },
      },
      surveys: {
        where: { status: { not: "DRAFT" } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          slug: true,
          serviceName: true,
          status: true,
          weights: true,
          questions: { orderBy: { position: "asc" }, select: { position: true, kind: true, textId: true, textEn: true } },
          periods: {
            orderBy: { startsOn: "asc" },
            select: {
              id: true,
              label: true,
              startsOn: true,
              endsOn: true,
              serviceUsers: true,
              total: true,
              followUps: { orderBy: [{ element: "asc" }, { createdAt: "asc" }], select: { element: true, action: true, responsible: true, dueOn: true, status: true } },
            },
          },
        },
      },
    },
  });
  if (!unit) return null;
  const k = unit.instansi.anonymityFloor;
  const basis: Basis = {};
  for (const survey of unit.surveys) {
    for (const period of survey.periods) {
      const live = period.total ? { responseCount: period.total.responseCount, sums: totalColumns.map((c) => period.total![c]) } : zero();
      basis[period.id] = nextPublished(previous[period.id], live, k);
    }
  }

  const figures = unit.surveys.map((survey): PublicSurveyFigures => {
    const shown = survey.periods.filter((period) => basis[period.id]!.responseCount >= k);
    let previousIkm: number | null = null;
    const periods = survey.periods.map((period): PublicPeriod => {
      const result = publicResult(resultOfPeriods(survey.weights, [asPeriodTotals(basis[period.id]!, period.serviceUsers)]), k);
      const ikmChange = result && previousIkm !== null ? round(result.ikm - previousIkm, 2) : null;
      if (result) previousIkm = result.ikm;
      const followUp = period.followUps.map((f) => ({ ...f, dueOn: dayOf(f.dueOn) }));
      return { periodId: period.id, label: period.label, startsOn: dayOf(period.startsOn), endsOn: dayOf(period.endsOn), result, ikmChange, followUp };
    });
    const totalsOf = (of: typeof shown) => of.map((period) => asPeriodTotals(basis[period.id]!, period.serviceUsers));
    const overall = resultOfPeriods(survey.weights, totalsOf(shown));
    const years = [...new Set(survey.periods.flatMap((period) => [period.startsOn.getUTCFullYear(), period.endsOn.getUTCFullYear()]))].map((year) => ({
      year,
      result: publicResult(resultOfPeriods(survey.weights, totalsOf(shown.filter((period) => periodCounted(period, year)))), k),
    }));
    return { slug: survey.slug, serviceName: survey.serviceName, status: survey.status, periods, result: publicResult(overall, k), years };
  });

  const settings = unit.scorecard?.published ? unit.scorecard : null;
  const unitResult = unit.surveys.length > 1 ? pooledResult(unit.surveys, basis, k) : null;
  const surveys: Record<string, PublicSurveyDefinition> = {};
  unit.surveys.forEach((survey, i) => {
    surveys[survey.slug] = {
      slug: survey.slug,
      serviceName: survey.serviceName,
      status: survey.status,
      unitName: unit.name,
      unitSlug: unit.slug,
      instansiName: unit.instansi.name,
      instansiSlug: unit.instansi.slug,
      extraQuestions: survey.questions,
      result: settings?.showSurveys ? figures[i]!.result : null,
    };
  });

  const scorecard = settings
    ? {
        instansiName: unit.instansi.name,
        unitName: unit.name,
        commitments: unit.forumCommitments.map(({ aspiration, forum, dueOn, ...c }) => ({
          ...c,
          dueOn: dueOn ? dayOf(dueOn) : null,
          aspiration: aspiration?.text ?? null,
          forum: { ...forum, heldOn: dayOf(forum.heldOn) },
        })),
        unitResult: settings.showSurveys ? unitResult : null,
        ...(await yearsOf(db, unit, settings, basis, k)),
        surveys: settings.showSurveys ? figures : [],
      }
    : null;
  return { unitId: unit.id, instansiId: unit.instansiId, key: `${unit.instansi.slug}/${unit.slug}`, body: { floor: k, scorecard, surveys }, basis };
}

/**
 * A unit's IKM across its services: every respondent of every service counts
 * once (each element's NRR is the sum of its scores over the unit's
 * respondents, as the regulation computes it for one service), with the
 * standard weights. Only published period totals enter, so the unit figure
 * moves only when a service's figure does, by k respondents at least.
 */
function pooledResult(surveys: Array<{ periods: Array<{ id: string; label: string; startsOn: Date; endsOn: Date; serviceUsers: number }> }>, basis: Basis, k: number): PublicUnitResult {
  const shown = surveys.flatMap((survey) => survey.periods.filter((period) => basis[period.id]!.responseCount >= k));
  const totalsOf = (periods: typeof shown) => periods.map((period) => asPeriodTotals(basis[period.id]!, period.serviceUsers));
  const spans = new Map<string, typeof shown>();
  for (const period of shown) {
    const span = `${dayOf(period.startsOn)}/${dayOf(period.endsOn)}`;
    spans.set(span, [...(spans.get(span) ?? []), period]);
  }
  return {
    result: publicResult(resultOfPeriods([], totalsOf(shown)), k),
    periods: [...spans.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, periods]) => ({ label: periods[0]!.label, result: publicResult(resultOfPeriods([], totalsOf(periods)), k) })),
  };
}

async function yearsOf(
  db: Db,
  unit: { id: string; instansiId: string; headId: string | null },
  settings: { showIndicators: boolean; showPredikat: boolean },
  basis: Basis,
  k: number,
): Promise<{ defaultYear: number | null; years: PublicYear[] }> {
  const years = await db.performanceYear.findMany({
    where: { instansiId: unit.instansiId },
    orderBy: { year: "asc" },
    select: {
      year: true,
      closedAt: true,
      _count: { select: { skps: true } },
      predikatPublications: { where: { unitId: unit.id }, select: { counts: true } },
      skps: {
        where: { employeeId: unit.headId ?? "", ...(settings.showIndicators ? {} : { id: { in: [] } }) },
        select: {
          rhks: {
            where: { kind: "UTAMA" },
            select: {
              indicators: {
                orderBy: { createdAt: "asc" },
                include: { realisations: latestApprovedRealisation(), sourceSurvey: { select: { weights: true, periods: { select: { id: true, startsOn: true, endsOn: true, serviceUsers: true } } } } },
              },
            },
          },
        },
      },
    },
  });
  const withSkps = years.filter((y) => y._count.skps > 0);
  return {
    defaultYear: withSkps.at(-1)?.year ?? null,
    years: await Promise.all(
      years.map(async (y) => ({
        year: y.year,
        closed: y.closedAt !== null,
        predikat:
          settings.showPredikat && y.predikatPublications[0]
            ? predikats.map((predikat: Predikat, i) => ({ predikat, count: y.predikatPublications[0]!.counts[i]! }))
            : null,
        indicators: await Promise.all(
          y.skps.flatMap((skp) => skp.rhks.flatMap((rhk) => rhk.indicators)).map(async (indicator) => {
            const latest = indicator.realisations[0];
            return {
              description: indicator.description,
              aspect: indicator.aspect,
              target: indicator.targetValue.toNumber(),
              targetUnit: indicator.targetUnit,
              direction: indicator.direction,
              realised: indicator.sourceSurvey
                ? await publishedSurveyValue(db, indicator.sourceSurvey, indicator.sourceElement, y.year, basis, k)
                : (latest?.value.toNumber() ?? null),
              periodLabel: latest && !indicator.sourceSurvey ? periodLabel(latest.period.kind, latest.period.number, y.year) : null,
            };
          }),
        ),
      })),
    ),
  };
}

/**
 * A survey-measured indicator as the public sees it: from the survey's
 * published totals (this unit's, or the survey's own unit's snapshot), shown
 * periods of the year only.
 */
async function publishedSurveyValue(
  db: Db,
  survey: { weights: string[]; periods: Array<{ id: string; startsOn: Date; endsOn: Date; serviceUsers: number }> },
  element: Element | null,
  year: number,
  basis: Basis,
  k: number,
): Promise<number | null> {
  const inYear = survey.periods.filter((p) => periodCounted(p, year));
  let published = basis;
  if (inYear.some((p) => !(p.id in basis))) {
    const owner = await db.surveyPeriod.findUnique({ where: { id: inYear[0]!.id }, select: { survey: { select: { unit: { select: { snapshot: { select: { basis: true } } } } } } } });
    published = (owner?.survey.unit.snapshot?.basis ?? {}) as unknown as Basis;
  }
  const shown = inYear.flatMap((p) => (published[p.id] && published[p.id]!.responseCount >= k ? [asPeriodTotals(published[p.id]!, p.serviceUsers)] : []));
  return surveyMeasuredValue(survey.weights, shown, element, k);
}
