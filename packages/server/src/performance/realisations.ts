import { isAssessorOf, reportsRealisationsOf } from "../access/policy.ts";
import { writeAudit } from "../application/audit.ts";
import { load, loadWith } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import { ConflictError, ForbiddenError, invalidInput } from "../refusals.ts";
import { loadSkp } from "./skps.ts";

// Monitoring (pemantauan): the employee reports what an indicator achieved by
// the end of a period; the assessor approves it or returns it with a comment.

export interface RealisationReport {
  indicatorId: string;
  periodId: string;
  value: number;
  evidenceUrl?: string | null;
  note?: string | null;
  /** Keep it as a draft instead of submitting it for review. */
  draft?: boolean | null;
}

/** The employee reports (or saves) a realisation: DRAFT or SUBMITTED, never over one under review or approved. */
export async function submitRealisation(scope: Scope, input: RealisationReport) {
  const { db, viewer } = scope;
  const indicator = await loadWith(scope, "Indicator", input.indicatorId, (where) =>
    db.indicator.findFirst({ where, include: { rhk: { select: { skpId: true } } } }),
  );
  const skp = await loadSkp(scope, indicator.rhk.skpId);
  if (!reportsRealisationsOf(viewer, skp)) throw new ForbiddenError("Only the SKP's owner reports its realisations.");
  if (skp.status !== "AGREED") throw new ConflictError("Realisations are reported once the assessor has agreed the SKP.");
  if (indicator.sourceSurveyId) throw new ConflictError("This indicator is measured by a citizen survey; its realisation is computed.");
  const period = await load(scope, "Period", input.periodId);
  if (period.yearId !== skp.yearId || period.kind === "YEAR") throw invalidInput(["input", "periodId"], "Choose a month or quarter of the SKP's year.");

  const before = await db.realisation.findUnique({ where: { indicatorId_periodId: { indicatorId: indicator.id, periodId: period.id } } });
  if (before?.status === "SUBMITTED") throw new ConflictError("This realisation is awaiting review.");
  if (before?.status === "APPROVED") throw new ConflictError("This realisation is approved and can no longer change.");
  const fields = {
    value: input.value,
    evidenceUrl: input.evidenceUrl ?? null,
    note: input.note ?? null,
    status: input.draft ? "DRAFT" : "SUBMITTED",
    submittedAt: input.draft ? null : new Date(),
  } as const;
  const after = before
    ? await db.realisation.update({ where: { id: before.id }, data: fields })
    : await db.realisation.create({ data: { instansiId: viewer.instansiId, indicatorId: indicator.id, periodId: period.id, ...fields } });
  await writeAudit(db, viewer, { entity: "Realisation", entityId: after.id, action: input.draft ? "save" : "submit", before, after });
  return after;
}

/** The assessor approves a submitted realisation or returns it with a comment. */
export async function reviewRealisation(scope: Scope, input: { realisationId: string; decision: "APPROVE" | "RETURN"; comment?: string | null }) {
  const { db, viewer } = scope;
  const realisation = await loadWith(scope, "Realisation", input.realisationId, (where) =>
    db.realisation.findFirst({ where, include: { indicator: { select: { rhk: { select: { skpId: true } } } } } }),
  );
  const skp = await loadSkp(scope, realisation.indicator.rhk.skpId);
  if (!isAssessorOf(viewer, skp)) throw new ForbiddenError("Only the SKP's assessor reviews its realisations.");
  if (input.decision === "RETURN" && !input.comment) throw invalidInput(["input", "comment"], "Say why the realisation is returned.");

  // Conditional on SUBMITTED, so two concurrent reviews cannot both succeed.
  const { count } = await db.realisation.updateMany({
    where: { id: realisation.id, status: "SUBMITTED" },
    data: {
      status: input.decision === "APPROVE" ? "APPROVED" : "RETURNED",
      reviewerId: viewer.employeeId,
      reviewedAt: new Date(),
      reviewComment: input.comment ?? null,
    },
  });
  if (count === 0) throw new ConflictError(`Only a submitted realisation can be reviewed; this one is ${realisation.status.toLowerCase()}.`);
  const after = await db.realisation.findUniqueOrThrow({ where: { id: realisation.id } });
  const { indicator: _indicator, ...before } = realisation;
  await writeAudit(db, viewer, { entity: "Realisation", entityId: after.id, action: input.decision.toLowerCase(), before, after });
  // A head of unit's approved results are the unit's published indicators.
  if (after.status === "APPROVED") await scope.changes.headsResult(db, skp.employeeId);
  return after;
}
