import { z } from "zod";

// Validation rules shared by several input types.

export const slugSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens");

export const nameSchema = z.string().trim().min(2).max(200);

/** Years a performance plan can be written for. */
export const yearSchema = z.number().int().min(2000).max(2100);

/** Decimal(14,4) columns: what PostgreSQL can store without rounding the integer part. */
export const measureSchema = z.number().finite().min(0).max(9_999_999_999);

/** A calendar month, "YYYY-MM". */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month is written YYYY-MM.");
