import { getDatamodel } from "../generated/pothos-prisma-types.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { SqlReader } from "./database.ts";

// A staff list is a tree (employees, their SKPs, RHKs, indicators,
// realisations). Prisma reads it with one statement per level and maps every
// row in JavaScript; PostgreSQL can build the whole tree as JSON in one
// statement. This compiles the findMany arguments Pothos builds from a
// GraphQL selection (where, orderBy, take, skip and nested selects) into that
// statement and revives its JSON into the values Prisma would have returned.
// Anything it does not translate exactly (`every`, `_count`, `distinct`,
// wildcards in a search…) is read by Prisma instead: the result is the same
// either way, which the tests check side by side. Tables and columns carry
// the names of their models and fields: the schema maps none (a test holds it).

/** Arguments this compiler does not translate: the caller falls back to Prisma. */
export class NotCompiled extends Error {}

type Field = ReturnType<typeof getDatamodel>["datamodel"]["models"][string]["fields"][number];
type Model = { name: string; fields: Map<string, Field> };
type Args = Record<string, unknown>;

const models = new Map<string, Model>(
  Object.entries(getDatamodel().datamodel.models).map(([name, model]) => [name, { name, fields: new Map(model.fields.map((field) => [field.name, field])) }]),
);

/** How a level of the JSON turns back into Prisma's values. */
type Shape = { revive: Array<[string, (value: never) => unknown]>; relations: Array<[string, Shape]> };

export interface CompiledRead {
  sql: string;
  params: unknown[];
  shape: Shape;
}

/**
 * Reads `model` with findMany `args` in one SQL statement, or through
 * `fallback` (the same read by Prisma) when the arguments hold something not
 * translated here.
 */
export async function readInOneStatement<Rows extends unknown[]>(sql: SqlReader, model: Prisma.ModelName, args: Args, fallback: () => Promise<Rows>): Promise<Rows> {
  const read = compiled(() => compileRead(model, args));
  if (!read) return fallback();
  const [row] = await sql.query<{ rows: unknown[] }>(read.sql, read.params);
  return reviveAll(row!.rows, read.shape) as Rows;
}

/** Counts the rows of `model` that match `where` in one plain statement, or through `fallback`. */
export async function countInOneStatement(sql: SqlReader, model: Prisma.ModelName, where: unknown, fallback: () => Promise<number>): Promise<number> {
  const count = compiled(() => compileCount(model, where));
  if (!count) return fallback();
  const [row] = await sql.query<{ count: number }>(count.sql, count.params);
  return row!.count;
}

function compiled<T>(compile: () => T): T | null {
  try {
    return compile();
  } catch (error) {
    if (error instanceof NotCompiled) return null;
    throw error;
  }
}

/** The statement for a findMany; throws NotCompiled for what it does not translate. */
export function compileRead(model: string, args: Args): CompiledRead {
  const build: Build = { params: [], aliases: { next: 0 } };
  const { json, shape } = list(modelNamed(model), args, null, build);
  return { sql: `SELECT ${json} AS "rows"`, params: build.params, shape };
}

/** The statement for a count; throws NotCompiled for what it does not translate. */
export function compileCount(model: string, input: unknown): { sql: string; params: unknown[] } {
  // t0 is the counted row; relation filters take the aliases after it.
  const build: Build = { params: [], aliases: { next: 1 } };
  const condition = input === undefined ? "TRUE" : where(modelNamed(model), "t0", input, build);
  return { sql: `SELECT count(*)::int AS "count" FROM ${quote(model)} t0 WHERE ${condition}`, params: build.params };
}

type Build = { params: unknown[]; aliases: { next: number } };

function modelNamed(name: string): Model {
  const model = models.get(name);
  if (!model) throw new NotCompiled(`model ${name}`);
  return model;
}

const quote = (identifier: string) => `"${identifier}"`;

function parameter(build: Build, value: unknown): string {
  if (value instanceof Date) build.params.push(value.toISOString());
  else if (Prisma.Decimal.isDecimal(value)) build.params.push(value.toString());
  else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") build.params.push(value);
  else throw new NotCompiled(`value ${typeof value}`);
  return `$${build.params.length}`;
}

/** A JSON array of the rows of `model` that match `args`, joined to `parent` when it is a relation. */
function list(model: Model, args: Args, join: string | null, build: Build) {
  for (const key of Object.keys(args)) {
    if (!["select", "include", "where", "orderBy", "take", "skip", "cursor"].includes(key) && args[key] !== undefined) throw new NotCompiled(key);
  }
  const alias = `t${build.aliases.next++}`;
  const { json, shape } = object(model, alias, args, build);
  const condition = all([
    join?.replaceAll("$row", alias) ?? "TRUE",
    args.where === undefined ? "TRUE" : where(model, alias, args.where, build),
    args.cursor === undefined ? "TRUE" : fromCursor(model, alias, args.cursor, args.orderBy, build),
  ]);
  const { order, joins } = orderBy(model, alias, args.orderBy, build);
  const from = `FROM ${quote(model.name)} ${alias}${joins}${condition === "TRUE" ? "" : ` WHERE ${condition}`}`;
  if (args.take === undefined && args.skip === undefined) {
    return { json: `(SELECT coalesce(json_agg(${json}${order ? ` ORDER BY ${order}` : ""}), '[]'::json) ${from})`, shape };
  }
  // A page: the rows numbered in order, so the aggregate keeps it.
  const page = `${order ? ` ORDER BY ${order}` : ""}${args.take === undefined ? "" : ` LIMIT ${rowCount(args.take)}`}${args.skip === undefined ? "" : ` OFFSET ${rowCount(args.skip)}`}`;
  const rows = `SELECT ${json} AS "j", row_number() OVER (${order ? `ORDER BY ${order}` : ""}) AS "n" ${from}${page}`;
  return { json: `(SELECT coalesce(json_agg(r."j" ORDER BY r."n"), '[]'::json) FROM (${rows}) r)`, shape };
}

function rowCount(value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new NotCompiled("take or skip");
  return value as number;
}

/** json_build_object of the selected fields of the row `alias`. */
function object(model: Model, alias: string, args: Args, build: Build): { json: string; shape: Shape } {
  if (args.select && args.include) throw new NotCompiled("select with include");
  const selection: Array<[string, unknown]> = args.select
    ? Object.entries(args.select as Args)
    : [...[...model.fields.values()].filter((field) => field.kind !== "object").map((field): [string, unknown] => [field.name, true]), ...Object.entries((args.include ?? {}) as Args)];
  const pairs: string[] = [];
  const shape: Shape = { revive: [], relations: [] };
  for (const [name, selected] of selection) {
    if (!selected) continue;
    const field = model.fields.get(name);
    if (!field) throw new NotCompiled(`field ${name}`);
    if (field.kind === "object") {
      const related = relation(model, field, alias, selected === true ? {} : (selected as Args), build);
      pairs.push(`'${name}', ${related.json}`);
      shape.relations.push([name, related.shape]);
    } else {
      const { sql, revive } = scalar(field, `${alias}.${quote(name)}`);
      pairs.push(`'${name}', ${sql}`);
      if (revive) shape.revive.push([name, revive]);
    }
  }
  // json_build_object takes at most 100 arguments.
  if (pairs.length > 50) throw new NotCompiled("too many fields");
  return { json: `json_build_object(${pairs.join(", ")})`, shape };
}

/** A scalar column as JSON, and how its JSON value becomes Prisma's. */
function scalar(field: Field, column: string): { sql: string; revive: ((value: never) => unknown) | null } {
  if (field.kind === "enum") return { sql: column, revive: null };
  switch (field.type) {
    case "String":
    case "Int":
    case "Float":
    case "Boolean":
    case "Json":
      return { sql: column, revive: null };
    case "Decimal":
      if (field.isList) break;
      return { sql: `${column}::text`, revive: (value: string | null) => (value === null ? null : new Prisma.Decimal(value)) };
    case "BigInt":
      if (field.isList) break;
      return { sql: `${column}::text`, revive: (value: string | null) => (value === null ? null : BigInt(value)) };
    case "DateTime":
      if (field.isList) break;
      // A date column arrives as 2026-01-31 (read as UTC midnight, as Prisma does); a timestamp without its zone, which Prisma stores in UTC.
      return { sql: column, revive: (value: string | null) => (value === null ? null : new Date(value.length === 10 || /[Z+]/.test(value.slice(19)) ? value : `${value}Z`)) };
  }
  throw new NotCompiled(`type ${field.type}`);
}

/** How the rows of `field`'s model join to the row `alias` of `model`, as a condition on `$row`. */
function joinOf(model: Model, field: Field, alias: string): string {
  const target = modelNamed(field.type);
  if (field.relationFromFields?.length) {
    if (field.relationFromFields.length > 1 || !target.fields.get("id")?.isId) throw new NotCompiled("relation key");
    return `$row."id" = ${alias}.${quote(field.relationFromFields[0]!)}`;
  }
  const back = [...target.fields.values()].find((other) => other.relationName === field.relationName && other !== field && other.relationFromFields?.length);
  if (!back || back.relationFromFields!.length > 1 || !model.fields.get("id")?.isId) throw new NotCompiled("relation key");
  return `$row.${quote(back.relationFromFields![0]!)} = ${alias}."id"`;
}

function relation(model: Model, field: Field, alias: string, args: Args, build: Build): { json: string; shape: Shape } {
  const target = modelNamed(field.type);
  const join = joinOf(model, field, alias);
  if (field.isList) return list(target, args, join, build);
  if (Object.keys(args).some((key) => !["select", "include", "where"].includes(key))) throw new NotCompiled("to-one arguments");
  // A to-one relation with a filter (what the viewer may see of it) is null where the related row does not pass it.
  const inner = `t${build.aliases.next++}`;
  const { json, shape } = object(target, inner, args, build);
  const condition = all([join.replaceAll("$row", inner), args.where === undefined ? "TRUE" : where(target, inner, args.where, build)]);
  return { json: `(SELECT ${json} FROM ${quote(target.name)} ${inner} WHERE ${condition})`, shape };
}

const isPlainObject = (value: unknown): value is Args =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) && !Prisma.Decimal.isDecimal(value);

/** A Prisma where input on the row `alias` as an SQL condition. */
function where(model: Model, alias: string, input: unknown, build: Build): string {
  if (!isPlainObject(input)) throw new NotCompiled("where");
  const parts: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === "AND") parts.push(all((Array.isArray(value) ? value : [value]).map((each) => where(model, alias, each, build))));
    else if (key === "OR") {
      if (!Array.isArray(value)) throw new NotCompiled("OR");
      parts.push(value.length ? `(${value.map((each) => where(model, alias, each, build)).join(" OR ")})` : "FALSE");
    } else if (key === "NOT") {
      const each = Array.isArray(value) ? value : [value];
      if (!each.length) throw new NotCompiled("NOT []");
      parts.push(`NOT (${all(each.map((one) => where(model, alias, one, build)))})`);
    } else {
      const field = model.fields.get(key);
      if (!field) throw new NotCompiled(`field ${key}`);
      parts.push(field.kind === "object" ? relationFilter(model, field, alias, value, build) : scalarFilter(field, `${alias}.${quote(key)}`, value, build));
    }
  }
  return all(parts);
}

function all(conditions: string[]): string {
  const needed = conditions.filter((condition) => condition !== "TRUE");
  return needed.length === 0 ? "TRUE" : needed.length === 1 ? needed[0]! : `(${needed.join(" AND ")})`;
}

function relationFilter(model: Model, field: Field, alias: string, value: unknown, build: Build): string {
  const target = modelNamed(field.type);
  const inner = `t${build.aliases.next++}`;
  const exists = (condition: string) =>
    `EXISTS (SELECT 1 FROM ${quote(target.name)} ${inner} WHERE ${all([joinOf(model, field, alias).replaceAll("$row", inner), condition])})`;
  if (field.isList) {
    if (!isPlainObject(value)) throw new NotCompiled("list relation filter");
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    if (keys.length !== 1) throw new NotCompiled("list relation filter");
    if (keys[0] === "some") return exists(where(target, inner, value.some, build));
    if (keys[0] === "none") return `NOT ${exists(where(target, inner, value.none, build))}`;
    throw new NotCompiled(`relation filter ${keys[0]}`);
  }
  if (value === null) return `NOT ${exists("TRUE")}`;
  if (!isPlainObject(value)) throw new NotCompiled("relation filter");
  if ("is" in value || "isNot" in value) {
    if (Object.keys(value).length !== 1 || !("is" in value)) throw new NotCompiled("isNot");
    return value.is === null ? `NOT ${exists("TRUE")}` : exists(where(target, inner, value.is, build));
  }
  return exists(where(target, inner, value, build));
}

const escapesNothing = (text: unknown): text is string => typeof text === "string" && !/[%_\\]/.test(text);

function scalarFilter(field: Field, column: string, value: unknown, build: Build): string {
  if (field.isList) throw new NotCompiled("list filter");
  if (value === null) return `${column} IS NULL`;
  if (!isPlainObject(value)) return `${column} = ${parameter(build, value)}`;
  const insensitive = value.mode === "insensitive";
  if (value.mode !== undefined && value.mode !== "insensitive" && value.mode !== "default") throw new NotCompiled("mode");
  const like = insensitive ? "ILIKE" : "LIKE";
  const parts: string[] = [];
  for (const [op, operand] of Object.entries(value)) {
    if (op === "mode" || operand === undefined) continue;
    if (insensitive && !["contains", "startsWith", "endsWith"].includes(op)) throw new NotCompiled("insensitive comparison");
    switch (op) {
      case "equals":
        parts.push(operand === null ? `${column} IS NULL` : `${column} = ${parameter(build, operand)}`);
        break;
      case "not":
        if (isPlainObject(operand)) throw new NotCompiled("nested not");
        parts.push(operand === null ? `${column} IS NOT NULL` : `${column} <> ${parameter(build, operand)}`);
        break;
      case "in":
      case "notIn": {
        if (!Array.isArray(operand)) throw new NotCompiled(op);
        const values = operand.map((each) => parameter(build, each)).join(", ");
        if (op === "in") parts.push(operand.length ? `${column} IN (${values})` : "FALSE");
        else parts.push(operand.length ? `${column} NOT IN (${values})` : "TRUE");
        break;
      }
      case "lt":
      case "lte":
      case "gt":
      case "gte":
        if (operand === null) throw new NotCompiled("comparison with null");
        parts.push(`${column} ${{ lt: "<", lte: "<=", gt: ">", gte: ">=" }[op]} ${parameter(build, operand)}`);
        break;
      case "contains":
      case "startsWith":
      case "endsWith": {
        // A search with a wildcard character is left to Prisma, which knows how it treats them.
        if (!escapesNothing(operand)) throw new NotCompiled("wildcard in search");
        const pattern = op === "contains" ? `%${operand}%` : op === "startsWith" ? `${operand}%` : `%${operand}`;
        parts.push(`${column} ${like} ${parameter(build, pattern)}`);
        break;
      }
      default:
        throw new NotCompiled(`filter ${op}`);
    }
  }
  return all(parts);
}

/**
 * The rows from the cursor's row on, in the list's order (the page after a
 * cursor skips that row itself). Translated when the cursor is an ID and the
 * list is ordered by required columns of its own that include the ID, so the
 * order is total; anything else is left to Prisma. A cursor row that does
 * not exist leaves nothing, as with Prisma.
 */
function fromCursor(model: Model, alias: string, cursor: unknown, input: unknown, build: Build): string {
  if (!isPlainObject(cursor) || Object.keys(cursor).length !== 1 || cursor.id === undefined || !model.fields.get("id")?.isId) throw new NotCompiled("cursor");
  const keys = sortEntries(input).map(([name, direction]) => {
    const field = model.fields.get(name);
    if (!field || field.kind === "object" || field.isList || !field.isRequired || (direction !== "asc" && direction !== "desc")) throw new NotCompiled("cursor order");
    return { column: quote(name), after: direction === "asc" ? ">" : "<" };
  });
  if (!keys.some((key) => key.column === quote("id"))) throw new NotCompiled("cursor order");
  const at = parameter(build, cursor.id);
  const value = (column: string) => `(SELECT c.${column} FROM ${quote(model.name)} c WHERE c."id" = ${at})`;
  // (k1, k2, …) at or after the cursor's, key by key in each key's direction.
  const ways = keys.map((key, i) => {
    const same = keys.slice(0, i).map((earlier) => `${alias}.${earlier.column} = ${value(earlier.column)}`);
    const op = i === keys.length - 1 ? `${key.after}=` : key.after;
    return all([...same, `${alias}.${key.column} ${op} ${value(key.column)}`]);
  });
  return `(${ways.join(" OR ")})`;
}

function sortEntries(input: unknown): Array<[string, unknown]> {
  if (input === undefined) return [];
  return (Array.isArray(input) ? input : [input]).flatMap((each) => {
    if (!isPlainObject(each)) throw new NotCompiled("orderBy");
    return Object.entries(each).filter(([, direction]) => direction !== undefined);
  });
}

/** ORDER BY for a findMany's `orderBy`, and the LEFT JOINs of the to-one relations it sorts by. */
function orderBy(model: Model, alias: string, input: unknown, build: Build): { order: string; joins: string } {
  const entries = sortEntries(input);
  const joined = new Map<string, { alias: string; sql: string }>();
  const order = entries.map(([name, direction]) => sortKey(model, alias, name, direction, joined, build)).join(", ");
  return { order, joins: [...joined.values()].map((join) => join.sql).join("") };
}

/** `column DIRECTION`; a to-one relation's column is read through a join (one per relation, however many of its columns sort). */
function sortKey(model: Model, alias: string, name: string, direction: unknown, joined: Map<string, { alias: string; sql: string }>, build: Build): string {
  const field = model.fields.get(name);
  if (!field) throw new NotCompiled(`orderBy ${name}`);
  if (field.kind !== "object") {
    if (direction !== "asc" && direction !== "desc") throw new NotCompiled("orderBy direction");
    return `${alias}.${quote(name)} ${direction === "asc" ? "ASC" : "DESC"}`;
  }
  if (field.isList || !isPlainObject(direction) || Object.keys(direction).length !== 1) throw new NotCompiled("orderBy relation");
  let join = joined.get(`${alias}.${name}`);
  if (!join) {
    const inner = `t${build.aliases.next++}`;
    join = { alias: inner, sql: ` LEFT JOIN ${quote(field.type)} ${inner} ON ${joinOf(model, field, alias).replaceAll("$row", inner)}` };
    joined.set(`${alias}.${name}`, join);
  }
  const [[column, innerDirection]] = Object.entries(direction) as [[string, unknown]];
  return sortKey(modelNamed(field.type), join.alias, column, innerDirection, joined, build);
}

function reviveAll(rows: unknown[], shape: Shape): unknown[] {
  if (shape.revive.length || shape.relations.length) for (const row of rows) revive(row as Args, shape);
  return rows;
}

function revive(row: Args | null, shape: Shape) {
  if (row === null) return;
  for (const [name, convert] of shape.revive) row[name] = convert(row[name] as never);
  for (const [name, inner] of shape.relations) {
    const value = row[name];
    if (Array.isArray(value)) reviveAll(value, inner);
    else revive(value as Args | null, inner);
  }
}
