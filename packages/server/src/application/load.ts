import type { Prisma } from "../generated/prisma/client.ts";
import { NotFoundError } from "../refusals.ts";
import type { ReadScope } from "./scope.ts";

type Where = { id: string; instansiId: string };

const finders = {
  OrgUnit: (db: Prisma.TransactionClient, where: Where) => db.orgUnit.findFirst({ where }),
  Employee: (db: Prisma.TransactionClient, where: Where) => db.employee.findFirst({ where }),
  Period: (db: Prisma.TransactionClient, where: Where) => db.period.findFirst({ where }),
  Rhk: (db: Prisma.TransactionClient, where: Where) => db.rhk.findFirst({ where }),
  Indicator: (db: Prisma.TransactionClient, where: Where) => db.indicator.findFirst({ where }),
  WorkLogEntry: (db: Prisma.TransactionClient, where: Where) => db.workLogEntry.findFirst({ where }),
  Evaluation: (db: Prisma.TransactionClient, where: Where) => db.evaluation.findFirst({ where }),
  Objection: (db: Prisma.TransactionClient, where: Where) => db.objection.findFirst({ where }),
  DevelopmentRecommendation: (db: Prisma.TransactionClient, where: Where) => db.developmentRecommendation.findFirst({ where }),
  FollowUpAction: (db: Prisma.TransactionClient, where: Where) => db.followUpAction.findFirst({ where }),
  CommunityForum: (db: Prisma.TransactionClient, where: Where) => db.communityForum.findFirst({ where }),
  ForumCommitment: (db: Prisma.TransactionClient, where: Where) => db.forumCommitment.findFirst({ where }),
  Survey: (db: Prisma.TransactionClient, where: Where) => db.survey.findFirst({ where }),
  SurveyPeriod: (db: Prisma.TransactionClient, where: Where) => db.surveyPeriod.findFirst({ where }),
  Account: (db: Prisma.TransactionClient, where: Where) => db.account.findFirst({ where }),
};

type Loaded<E extends keyof typeof finders> = NonNullable<Awaited<ReturnType<(typeof finders)[E]>>>;

/**
 * A record of the viewer's instansi by ID, or NotFoundError. A foreign
 * instansi's record is refused exactly like a missing one, so IDs reveal
 * nothing across tenants.
 */
export function load<E extends keyof typeof finders>(scope: ReadScope, entity: E, id: string): Promise<Loaded<E>> {
  return loadWith(scope, entity, id, (where) => finders[entity](scope.db, where) as Promise<Loaded<E> | null>);
}

/** `load` with a query of its own (an include, a select). */
export async function loadWith<T>(scope: ReadScope, entity: string, id: string, find: (where: Where) => Promise<T | null>): Promise<T> {
  const record = await find({ id, instansiId: scope.viewer.instansiId });
  if (!record) throw new NotFoundError(entity, id);
  return record;
}

/**
 * Follows a parent chain (unit → parent unit, employee → supervisor) from
 * `start` and tells whether it reaches `target`. Used to refuse edits that
 * would make a tree into a cycle.
 */
export async function chainReaches(start: string, target: string, parentOf: (id: string) => Promise<string | null>): Promise<boolean> {
  const seen = new Set<string>();
  for (let current: string | null = start; current && !seen.has(current); current = await parentOf(current)) {
    if (current === target) return true;
    seen.add(current);
  }
  return false;
}
