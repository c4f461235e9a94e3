import type { SqlReader } from "../db/database.ts";
import type { Role } from "../generated/prisma/enums.ts";
import { hashToken } from "./tokens.ts";

/** The authenticated caller of a request. */
export interface Viewer {
  accountId: string;
  instansiId: string;
  role: Role;
  /** The caller's own employee record; admins may have none. */
  employeeId: string | null;
  /** The token this request came with (renewal replaces it). */
  tokenId: string;
}

interface TokenRow {
  id: string;
  revoked: boolean;
  expired: boolean;
  accountId: string;
  instansiId: string;
  role: Role;
  employeeId: string | null;
  /** Null for an account without an employee (an admin's). */
  active: boolean | null;
}

export class InvalidTokenError extends Error {
  override name = "InvalidTokenError";
}

/**
 * Resolves the `Authorization: Bearer …` header. No header means an
 * anonymous visitor; a header with an unknown or revoked token is an error,
 * so that a client with a broken token learns it instead of silently
 * seeing public data only.
 */
export async function viewerFromAuthorization(sql: SqlReader, header: string | null): Promise<Viewer | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new InvalidTokenError("The Authorization header must be 'Bearer <token>'.");
  // Every signed-in request asks this: one plain statement, past Prisma. Timestamps are stored in UTC.
  const [token] = await sql.query<TokenRow>(
    `SELECT t.id, t."revokedAt" IS NOT NULL AS revoked, coalesce(t."expiresAt" <= now() AT TIME ZONE 'UTC', false) AS expired,
       a.id AS "accountId", a."instansiId", a.role::text AS role, a."employeeId", e.active
     FROM "ApiToken" t JOIN "Account" a ON a.id = t."accountId" LEFT JOIN "Employee" e ON e.id = a."employeeId"
     WHERE t."tokenHash" = $1`,
    [hashToken(match[1]!)],
  );
  if (!token || token.revoked) throw new InvalidTokenError("The access token is unknown or revoked.");
  if (token.expired) throw new InvalidTokenError("The access token has expired: renew tokens before they expire (renewAccessToken), or ask the admin for a new one.");
  // An employee who left (deactivated) keeps no access, whatever tokens they still hold.
  if (token.active === false) throw new InvalidTokenError("The access token belongs to a deactivated employee.");
  return { accountId: token.accountId, instansiId: token.instansiId, role: token.role, employeeId: token.employeeId, tokenId: token.id };
}

/**
 * The viewer of an HTTP request, authenticated once however many parts of
 * the server ask (the GraphQL context, the export routes).
 */
export function requestAuthenticator(sql: SqlReader) {
  const viewers = new WeakMap<Request, Promise<Viewer | null>>();
  return (request: Request): Promise<Viewer | null> => {
    let viewer = viewers.get(request);
    if (!viewer) viewers.set(request, (viewer = viewerFromAuthorization(sql, request.headers.get("authorization"))));
    return viewer;
  };
}

export type RequestAuthenticator = ReturnType<typeof requestAuthenticator>;
