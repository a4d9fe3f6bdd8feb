/**
 * Broken variants of a request body. Each takes a valid-ish value and gives the raw text
 * (or bytes) to send, with a short label for the report. Raw text, because some of the
 * breakage cannot be expressed as a JavaScript value (a 100,000-deep array, a duplicated
 * `__proto__` key, invalid UTF-8, numbers JSON.stringify would round).
 */
export interface Payload {
  raw: string | Buffer;
  variant: string;
}

type Path = (string | number)[];

/** Strings people and attackers type that break naive code: NUL, lone surrogates, BOM, RTL overrides… */
export const EDGE_STRINGS: readonly string[] = [
  'Nul\u0000byte',
  '\u0000',
  'lone \uD800 high',
  'lone \uDC00 low',
  '\uDBFF\uDFFF\uD800',
  '\uFEFFbom',
  '\u202Eevil\u202C',
  '\uFFFF\uFFFE',
  'e\u0301'.repeat(500),
  '🧑🏽‍⚕️'.repeat(200),
  '\r\n\t\v\f',
  '   ',
  "'; DROP TABLE recipient; --",
  '%00%27%22',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0024{7*7}{{7*7}}',
  '\\u0000',
  'Ø'.repeat(10_001),
];

const WRONG_TYPES: readonly unknown[] = [0, -1, 1.5, 1e308, true, false, null, [], {}, '', 'x', [1, 2], { a: 1 }];

/** Raw JSON number texts at the edges of what parsers and PostgreSQL accept. */
const NUMBER_EDGES = ['1e400', '-1e400', '-0', '9007199254740993', '1e-400', '2147483648', '-2147483649', '0.1e1'];

const NOT_JSON: readonly (string | Buffer)[] = [
  '',
  '{',
  '{"a":',
  '}{',
  'null',
  '[]',
  '"text"',
  '0',
  'true',
  '\u0000',
  '{"a":1}garbage',
  "{'single':'quotes'}",
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), // {"a":"<invalid UTF-8>"}
  Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), // a UTF-8 BOM, then {}
];

const MARK = '\u0001FUZZ\u0001';
const MARK_JSON = JSON.stringify(MARK);

/** Every path into a JSON value, the root included. */
export function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) pathsOf(v, [...prefix, i], out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** A copy of `value` with the node at `path` replaced (or removed, for `undefined`). */
export function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, next);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = setAt(copy[head as string], rest, next);
  return copy;
}

/** JSON of `value` with the node at `path` replaced by raw text (which need not be valid JSON). */
function withRaw(value: unknown, path: Path, rawText: string): string {
  return JSON.stringify(setAt(value, path, MARK)).replace(MARK_JSON, rawText);
}

const pick = <T>(list: readonly T[], n: number) => list[n % list.length];

function deep(depth: number, kind: number): string {
  return kind % 2 === 0 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** All the ways `mutate` breaks a body; `valid` sends the value as it is. */
export const BODY_VARIANTS = [
  'valid',
  'wrong-type',
  'missing-field',
  'huge-string',
  'unicode',
  'deep-nesting',
  'proto-keys',
  'number-edge',
  'not-json',
  'extra-field',
] as const;
export type BodyVariant = (typeof BODY_VARIANTS)[number];

/** Applies one variant to a valid-ish value; `n` picks the path and the replacement. */
export function mutate(value: unknown, variant: BodyVariant, n: number): Payload {
  const paths = pathsOf(value);
  const path = pick(paths, n);
  const leafPaths = paths.filter((p) => p.length > 0);
  const field = leafPaths.length ? pick(leafPaths, n) : [];
  const label = (detail: string) => `${variant}${detail ? `:${detail}` : ''}`;
  switch (variant) {
    case 'valid':
      return { raw: JSON.stringify(value), variant };
    case 'wrong-type':
      return { raw: JSON.stringify(setAt(value, path, pick(WRONG_TYPES, n >> 4))), variant: label(path.join('.')) };
    case 'missing-field':
      return { raw: JSON.stringify(setAt(value, field, undefined) ?? {}), variant: label(field.join('.')) };
    case 'huge-string': {
      const size = pick([10_000, 100_000, 1_100_000], n >> 3);
      return { raw: JSON.stringify(setAt(value, field, 'x'.repeat(size))), variant: label(String(size)) };
    }
    case 'unicode': {
      const s = pick(EDGE_STRINGS, n >> 2);
      const stringPaths = paths.filter((p) => typeof getAt(value, p) === 'string');
      const target = stringPaths.length ? pick(stringPaths, n) : field;
      return { raw: JSON.stringify(setAt(value, target, s)), variant: label(target.join('.')) };
    }
    case 'deep-nesting': {
      const depth = pick([100, 1_000, 10_000, 100_000], n >> 2);
      return { raw: withRaw(value, path, deep(depth, n)), variant: label(String(depth)) };
    }
    case 'proto-keys': {
      const key = pick(['__proto__', 'constructor', 'prototype'], n);
      const inner = key === 'constructor' ? '{"prototype":{"isAdmin":true}}' : '{"isAdmin":true,"role":"admin"}';
      const obj = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
      return { raw: `{"${key}":${inner},${JSON.stringify(obj).slice(1)}`.replace(',}', '}'), variant: label(key) };
    }
    case 'number-edge':
      return { raw: withRaw(value, field, pick(NUMBER_EDGES, n >> 2)), variant: label(field.join('.')) };
    case 'not-json': {
      const raw = pick(NOT_JSON, n);
      return { raw, variant: label(String(n % NOT_JSON.length)) };
    }
    case 'extra-field': {
      const obj = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
      return { raw: JSON.stringify({ ...obj, unexpected: pick(WRONG_TYPES, n) }), variant };
    }
  }
}

function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const key of path) v = (v as Record<string | number, unknown>)?.[key];
  return v;
}
