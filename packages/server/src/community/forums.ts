import { actsPubliclyFor, recordsForums } from "../access/policy.ts";
import { writeAudit } from "../application/audit.ts";
import { givenFields } from "../application/given-fields.ts";
import { load, loadWith } from "../application/load.ts";
import type { Scope } from "../application/scope.ts";
import { dayIn, dayOf } from "../domain/work-calendar.ts";
import type { CommitmentStatus, ForumKind } from "../generated/prisma/enums.ts";
import { ForbiddenError, invalidInput } from "../refusals.ts";

// Community forums (musyawarah desa, musrenbang, forum konsultasi publik):
// citizens judge services and ask for things; units promise and report
// back. The admin records the forum and what it asked; each unit's head
// (or the admin) records what the unit promised and tracks it to done. The
// unit's public scorecard shows its commitments with their status.

export interface NewForum {
  title: string;
  kind: ForumKind;
  heldOn: Date;
  place: string;
  participants: number;
  summary?: string | null;
  /** What citizens asked for, in the order of the minutes. */
  aspirations: string[];
}

export async function recordForum(scope: Scope, input: NewForum) {
  if (!recordsForums(scope.viewer)) throw new ForbiddenError("Only the admin records community forums.");
  const { timeZone } = await scope.db.instansi.findUniqueOrThrow({ where: { id: scope.viewer.instansiId }, select: { timeZone: true } });
  if (dayOf(input.heldOn) > dayIn(scope.now, timeZone)) throw invalidInput(["input", "heldOn"], "Record a forum once it has been held.");
  const { aspirations, ...forum } = input;
  const instansiId = scope.viewer.instansiId;
  const created = await scope.db.communityForum.create({
    data: { ...forum, summary: forum.summary ?? null, instansiId, aspirations: { create: aspirations.map((text, position) => ({ instansiId, position, text })) } },
  });
  await writeAudit(scope.db, scope.viewer, { entity: "CommunityForum", entityId: created.id, action: "record", after: { ...created, aspirations } });
  return created;
}

/** The unit that made a commitment, checked to be the viewer's to speak for. */
async function unitToCommit(scope: Scope, unitId: string) {
  const unit = await load(scope, "OrgUnit", unitId);
  if (!actsPubliclyFor(scope.viewer, unit)) throw new ForbiddenError("Only the unit's head or the admin records the unit's commitments.");
  return unit;
}

/** An indicator that tracks a commitment: in the SKP of someone who works in the unit. */
async function checkIndicator(scope: Scope, indicatorId: string, unitId: string) {
  const indicator = await loadWith(scope, "Indicator", indicatorId, (where) =>
    scope.db.indicator.findFirst({ where, select: { rhk: { select: { skp: { select: { employee: { select: { unitId: true } } } } } } } }),
  );
  if (indicator.rhk.skp.employee.unitId !== unitId) throw invalidInput(["input", "indicatorId"], "Choose an indicator of an SKP in the unit that made the commitment.");
}

export interface NewCommitment {
  forumId: string;
  unitId: string;
  commitment: string;
  dueOn?: Date | null;
  /** The aspiration of this forum it answers. */
  aspirationId?: string | null;
  indicatorId?: string | null;
}

export async function addForumCommitment(scope: Scope, input: NewCommitment) {
  const forum = await load(scope, "CommunityForum", input.forumId);
  const unit = await unitToCommit(scope, input.unitId);
  if (input.aspirationId) {
    const aspiration = await scope.db.forumAspiration.findFirst({ where: { id: input.aspirationId, forumId: forum.id } });
    if (!aspiration) throw invalidInput(["input", "aspirationId"], "Choose an aspiration recorded at this forum.");
  }
  if (input.indicatorId) await checkIndicator(scope, input.indicatorId, unit.id);
  const created = await scope.db.forumCommitment.create({
    data: { ...input, instansiId: scope.viewer.instansiId, dueOn: input.dueOn ?? null, aspirationId: input.aspirationId ?? null, indicatorId: input.indicatorId ?? null },
  });
  await writeAudit(scope.db, scope.viewer, { entity: "ForumCommitment", entityId: created.id, action: "commit", after: created });
  scope.changes.unit(unit.id);
  return created;
}

export interface CommitmentChange {
  id: string;
  status?: CommitmentStatus | null;
  note?: string | null;
  commitment?: string | null;
  dueOn?: Date | null;
  indicatorId?: string | null;
}

/** Reports progress; done needs what shows it, dropped needs why (both are published). */
export async function updateForumCommitment(scope: Scope, input: CommitmentChange) {
  const before = await load(scope, "ForumCommitment", input.id);
  await unitToCommit(scope, before.unitId);
  if (input.indicatorId) await checkIndicator(scope, input.indicatorId, before.unitId);
  const status = input.status ?? before.status;
  if ((status === "DONE" || status === "DROPPED") && !(input.note ?? before.note)) {
    throw invalidInput(["input", "note"], status === "DONE" ? "Say what shows the commitment was kept." : "Say why the commitment was dropped.");
  }
  const { id, ...change } = input;
  const after = await scope.db.forumCommitment.update({
    where: { id },
    data: givenFields(change),
  });
  await writeAudit(scope.db, scope.viewer, { entity: "ForumCommitment", entityId: id, action: "update", before, after });
  scope.changes.unit(before.unitId);
  return after;
}
