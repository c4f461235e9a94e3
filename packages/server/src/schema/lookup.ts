import type { Context } from "../context.ts";
import { NotFoundError } from "./errors.ts";

/**
 * Loads a record of the caller's instansi by ID, or fails with NotFoundError.
 * A foreign instansi's record is reported exactly like a missing one, so IDs
 * reveal nothing across tenants.
 */
export async function loadInInstansi<T>(
  ctx: Context,
  entity: string,
  id: string,
  find: (where: { id: string; instansiId: string }) => Promise<T | null>,
): Promise<T> {
  const instansiId = ctx.viewer?.instansiId;
  const record = instansiId ? await find({ id, instansiId }) : null;
  if (!record) throw new NotFoundError(entity, id);
  return record;
}

/**
 * Follows a parent chain (unit → parent unit, employee → supervisor) from
 * `start` and tells whether it reaches `target`. Used to refuse edits that
 * would make a tree into a cycle.
 */
export async function chainReaches(
  start: string,
  target: string,
  parentOf: (id: string) => Promise<string | null>,
): Promise<boolean> {
  const seen = new Set<string>();
  for (let current: string | null = start; current && !seen.has(current); current = await parentOf(current)) {
    if (current === target) return true;
    seen.add(current);
  }
  return false;
}
