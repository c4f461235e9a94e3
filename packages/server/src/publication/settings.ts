import { load } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";

export interface ScorecardSettings {
  unitId: string;
  published: boolean;
  showSurveys?: boolean | null;
  showIndicators?: boolean | null;
  showPredikat?: boolean | null;
}

/** The admin decides what a unit shows on its public scorecard; nothing is public until published. */
export async function publishScorecard(scope: Scope, input: ScorecardSettings) {
  const unit = await load(scope, "OrgUnit", input.unitId);
  const settings = {
    published: input.published,
    showSurveys: input.showSurveys ?? true,
    showIndicators: input.showIndicators ?? true,
    showPredikat: input.showPredikat ?? true,
  };
  await scope.db.scorecard.upsert({
    where: { unitId: unit.id },
    create: { instansiId: unit.instansiId, unitId: unit.id, ...settings },
    update: settings,
  });
  scope.changes.unit(unit.id);
  return unit;
}
