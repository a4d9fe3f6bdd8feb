import fc from 'fast-check';
import { z } from 'zod';

/** The subset of JSON Schema (draft 2020-12) that zod's `toJSONSchema` gives for our endpoints. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** What generation needs from the world: ids that exist (chosen by field name) and today's date. */
export interface ArbitraryContext {
  /** An id for a field or path parameter of this name (`teamId`, `staffId`, …); real ids mostly. */
  idFor(name: string | undefined): fc.Arbitrary<string>;
  /** YYYY-MM-DD: generated dates fall around it, where the app does its work. */
  today: string;
}

/** The JSON Schema of a route's zod schema, or undefined when the route has none for that part. */
export function jsonSchemaOf(schema: unknown): JsonSchema | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  if (ref === '#') return root;
  const name = ref.replace(/^#\/\$defs\//, '');
  return root.$defs?.[name] ?? {};
}

function stringArbitrary(s: JsonSchema, name: string | undefined, ctx: ArbitraryContext): fc.Arbitrary<string> {
  if (s.format === 'uuid') return ctx.idFor(name);
  if (s.format === 'date') return fc.integer({ min: -45, max: 45 }).map((d) => addDays(ctx.today, d));
  if (s.format === 'date-time')
    return fc.integer({ min: -45 * 24, max: 45 * 24 }).map((h) => new Date(Date.now() + h * 3_600_000).toISOString());
  if (s.format === 'email') return fc.emailAddress();
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
  if (s.pattern) {
    try {
      const re = new RegExp(s.pattern);
      return fc.stringMatching(re).filter((v) => v.length >= min && v.length <= (s.maxLength ?? 10_000));
    } catch {
      // A pattern JavaScript cannot compile: plain strings below.
    }
  }
  return fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1000);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1000);
  if (integer) return fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) });
  return fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(s: JsonSchema, ctx: ArbitraryContext, root: JsonSchema, depth: number) {
  const props = s.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(props)) model[key] = arbitraryFor(sub, ctx, key, root, depth + 1);
  const fixed = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
  const extra = s.additionalProperties;
  if (!extra || extra === true) return fixed;
  const keys = s.propertyNames?.enum?.length
    ? fc.constantFrom(...(s.propertyNames.enum as string[]))
    : fc.string({ minLength: 1, maxLength: 12 });
  const dict = fc.dictionary(keys, arbitraryFor(extra, ctx, undefined, root, depth + 1), { maxKeys: 6 });
  return fc.tuple(fixed, dict).map(([a, b]) => ({ ...b, ...a }));
}

/**
 * A fast-check arbitrary of values that mostly pass the schema: "valid-ish", since zod's
 * refinements (check digits, cross-field rules) are not in the JSON Schema. Lengths and
 * collection sizes are kept small; the broken variants (mutations.ts) go large.
 */
export function arbitraryFor(
  s: JsonSchema | boolean | undefined,
  ctx: ArbitraryContext,
  name?: string,
  root: JsonSchema = typeof s === 'object' ? s : {},
  depth = 0,
): fc.Arbitrary<unknown> {
  if (s === undefined || s === true || (typeof s === 'object' && Object.keys(s).length === 0))
    return fc.jsonValue({ maxDepth: 2 });
  if (s === false || depth > 8) return fc.constant(null);
  if (s.$ref) return arbitraryFor(resolveRef(s.$ref, root), ctx, name, root, depth + 1);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const choices = s.anyOf ?? s.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((c) => arbitraryFor(c, ctx, name, root, depth + 1)));
  if (s.allOf?.length) return arbitraryFor(s.allOf[0], ctx, name, root, depth + 1);
  if (Array.isArray(s.type))
    return fc.oneof(...s.type.map((type) => arbitraryFor({ ...s, type }, ctx, name, root, depth + 1)));
  switch (s.type) {
    case 'string':
      return stringArbitrary(s, name, ctx);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 4, 4));
      return fc.array(arbitraryFor(s.items, ctx, name, root, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectArbitrary(s, ctx, root, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
