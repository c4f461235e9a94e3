import type { Viewer } from "../access/viewer.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export type AuditedEntity = "Realisation" | "Evaluation" | "EvaluationInput" | "BehaviourRating" | "UnitPerformance" | "WorkLogEntry" | "Instansi" | "Holiday" | "RosterImport" | "DevelopmentRecommendation" | "Objection" | "TppInput" | "TppRun" | "FollowUpAction" | "Survey" | "CommunityForum" | "ForumCommitment";

/** Records one change (to a rating, a realisation, a work log entry, a setting), inside the transaction that makes it. */
export async function writeAudit(
  db: Prisma.TransactionClient,
  viewer: Viewer,
  change: { entity: AuditedEntity; entityId: string; action: string; before?: unknown; after?: unknown },
): Promise<void> {
  await db.auditLog.create({
    data: {
      instansiId: viewer.instansiId,
      actorId: viewer.accountId,
      entity: change.entity,
      entityId: change.entityId,
      action: change.action,
      before: toJson(change.before),
      after: toJson(change.after),
    },
  });
}

// Dates and decimals become strings, as they would in any JSON export.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : JSON.parse(JSON.stringify(value));
}
