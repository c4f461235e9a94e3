import { generateToken, hashToken } from "../auth/tokens.ts";
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
  await tx.apiToken.create({ data: { accountId: account.id, tokenHash: hashToken(token), label: grant.label } });
  return { accountId: account.id, token };
}
