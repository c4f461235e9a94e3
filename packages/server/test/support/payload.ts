import { expect } from "vitest";

/** The one field of a mutation's answer, checked to be its payload (not an error). */
export function payloadOf<T extends { __typename?: string; message?: string }>(result: { errors?: unknown; data?: Record<string, T> | null }): T {
  expect(result.errors).toBeUndefined();
  const payload = Object.values(result.data ?? {})[0]!;
  expect(payload.__typename, payload.message).toMatch(/Payload$/);
  return payload;
}
