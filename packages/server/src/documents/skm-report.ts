import { elements } from "../domain/ikm.ts";
import { skmTemplate } from "../domain/skm-template.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { SnapshotStore } from "../publication/snapshot-store.ts";
import type { PublicPeriod } from "../publication/snapshot.ts";
import { respondentProfile, type RespondentProfile } from "../surveys/respondent-profile.ts";
import type { SurveyResult } from "../surveys/results.ts";

// The SKM report a unit files and publishes for a survey period, in the
// chapters regional units use (PermenPANRB 14/2017, its annex's report
// format): background, data collection, respondents and results, analysis
// with the follow-up plan and the trend, conclusion, and the previous
// period's follow-up report attached. Built from the published figures
// only, so it says nothing the scorecard would not.

export interface SkmReport {
  instansiName: string;
  unitName: string;
  serviceName: string;
  period: { label: string; startsOn: string; endsOn: string };
  result: SurveyResult;
  profile: RespondentProfile | null;
  elements: Array<{ code: string; name: string; nrr: number; weightedNrr: number }>;
  strengths: Array<{ code: string; name: string; nrr: number }>;
  weaknesses: Array<{ code: string; name: string; nrr: number }>;
  followUp: PublicPeriod["followUp"];
  trend: Array<{ label: string; ikm: number | null; change: number | null }>;
  previous: { label: string; actions: Array<{ element: string; action: string; responsible: string; dueOn: string; status: string; evidence: string | null }> } | null;
}

/** The report for a survey's period (by label; the latest shown when none is named), or null when nothing is published. */
export async function skmReportOf(prisma: PrismaClient, publication: SnapshotStore, slug: string, periodLabel: string | null): Promise<SkmReport | null> {
  const snapshot = await publication.bySurvey(slug);
  const card = snapshot?.body.scorecard;
  const survey = card?.surveys.find((s) => s.slug === slug);
  if (!snapshot || !card || !survey) return null;
  const shown = survey.periods.filter((p) => p.result);
  const period = periodLabel === null ? shown.at(-1) : shown.find((p) => p.label === periodLabel);
  if (!period?.result) return null;
  const index = survey.periods.indexOf(period);
  const before = survey.periods.slice(0, index).reverse().find((p) => p.periodId);
  const named = period.result.elements.map((e) => ({ code: e.element, name: skmTemplate[elements.indexOf(e.element)]!.name.id, nrr: e.nrr, weightedNrr: e.weightedNrr }));
  const ranked = [...named].sort((a, b) => b.nrr - a.nrr || a.code.localeCompare(b.code));
  const previousActions = before?.periodId
    ? await prisma.followUpAction.findMany({ where: { surveyPeriodId: before.periodId }, orderBy: [{ element: "asc" }, { createdAt: "asc" }] })
    : [];
  return {
    instansiName: card.instansiName,
    unitName: card.unitName,
    serviceName: survey.serviceName,
    period: { label: period.label, startsOn: period.startsOn, endsOn: period.endsOn },
    result: period.result,
    profile: period.periodId ? await respondentProfile(prisma, period.periodId, period.result.responseCount, snapshot.body.floor) : null,
    elements: named,
    strengths: ranked.slice(0, 3),
    weaknesses: ranked.slice(-3).reverse(),
    followUp: period.followUp,
    trend: survey.periods.slice(0, index + 1).map((p) => ({ label: p.label, ikm: p.result?.ikm ?? null, change: p.ikmChange })),
    previous: before
      ? {
          label: before.label,
          actions: previousActions.map((a) => ({ element: a.element, action: a.action, responsible: a.responsible, dueOn: a.dueOn.toISOString().slice(0, 10), status: a.status, evidence: a.evidence })),
        }
      : null,
  };
}
