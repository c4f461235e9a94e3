import { load } from "../application/load.ts";
import { invalidInput } from "../refusals.ts";
import type { Scope } from "../application/scope.ts";
import { generateToken, hashToken } from "./tokens.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Role } from "../generated/prisma/enums.ts";

export interface Grant {
  instansiId: string;
  role: Role;
  /** The employee the account belongs to; admins may have none. */
  employee?: { id: string; name: string };
  /** Account name when there is no employee (e.g. "Admin BKPSDM"). */
  name?: string;
  label: string;
  /** Only demo data passes a fixed token; everything else gets a random one. */
  token?: string;
  /** When the token stops working; none for the first admin token (the command line can always make another). */
  expiresAt?: Date | null;
}

/**
 * Gives someone API access: creates their account (or sets the role of the
 * existing one) and a new bearer token. Returns the token, which is stored
 * only as a hash and cannot be shown again.
 */
export async function grantAccess(tx: Prisma.TransactionClient, grant: Grant): Promise<{ accountId: string; token: string }> {
  const token = grant.token ?? generateToken();
  const existing = grant.employee ? await tx.account.findUnique({ where: { employeeId: grant.employee.id } }) : null;
  const account = existing
    ? await tx.account.update({ where: { id: existing.id }, data: { role: grant.role } })
    : await tx.account.create({
        data: {
          instansiId: grant.instansiId,
          employeeId: grant.employee?.id ?? null,
          name: grant.employee?.name ?? grant.name ?? "Admin",
          role: grant.role,
        },
      });
  await tx.apiToken.create({ data: { accountId: account.id, tokenHash: hashToken(token), label: grant.label, expiresAt: grant.expiresAt ?? null } });
  return { accountId: account.id, token };
}

/** Revokes every live token of an account at once; returns how many were revoked. */
async function revokeTokensOfAccount(db: Prisma.TransactionClient, accountId: string): Promise<number> {
  const { count } = await db.apiToken.updateMany({ where: { revokedAt: null, accountId }, data: { revokedAt: new Date() } });
  return count;
}

/** When a token issued now expires. */
export const expiryFrom = (lifetimeDays: number, now = new Date()) => new Date(now.getTime() + lifetimeDays * 86_400_000);

/** The admin gives an employee API access (creating their account) with a new token, shown once, valid `lifetimeDays`. */
export async function issueAccessToken(scope: Scope, input: { employeeId: string; role: Role; label?: string | null }, lifetimeDays: number) {
  const employee = await load(scope, "Employee", input.employeeId);
  const expiresAt = expiryFrom(lifetimeDays);
  const { token } = await grantAccess(scope.db, { instansiId: employee.instansiId, employee, role: input.role, label: input.label ?? "api", expiresAt });
  return { token, employee, expiresAt };
}

/**
 * Anyone signed in swaps the token they call with for a new one, valid
 * `lifetimeDays` from now; the old one stops working at once.
 */
export async function renewAccessToken(scope: Scope, lifetimeDays: number, label: string | null = null) {
  const { db, viewer } = scope;
  const current = await db.apiToken.update({ where: { id: viewer.tokenId }, data: { revokedAt: new Date() } });
  const token = generateToken();
  const expiresAt = expiryFrom(lifetimeDays);
  await db.apiToken.create({ data: { accountId: viewer.accountId, tokenHash: hashToken(token), label: label ?? current.label, expiresAt } });
  return { token, expiresAt };
}

/**
 * The admin revokes every token of an account (a lost phone, a leaked token,
 * someone who left), named by its employee or, for an account without one
 * (another admin), by the account itself.
 */
export async function revokeAccessTokens(scope: Scope, input: { employeeId?: string | null; accountId?: string | null }) {
  if (Boolean(input.employeeId) === Boolean(input.accountId)) throw invalidInput(["input"], "Name either the employee or the account.");
  const employee = input.employeeId ? await load(scope, "Employee", input.employeeId) : null;
  const account = employee
    ? await scope.db.account.findUnique({ where: { employeeId: employee.id } })
    : await load(scope, "Account", input.accountId!);
  return { employee, account, revoked: account ? await revokeTokensOfAccount(scope.db, account.id) : 0 };
}
