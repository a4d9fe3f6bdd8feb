/**
 * The one reader of Postgres arrays. node-postgres parses `text[]`, `uuid[]` and `smallint[]`
 * into arrays; PGlite (and raw `execute` results of either) may hand back the literal text
 * ("{a,b}"). Tillit's arrays hold ids, codes and numbers: no element needs quoting, so the
 * literal is split on commas; NULL elements and the empty array give nothing.
 */
export function pgArray<T = string>(value: unknown, map: (element: string) => T = (s) => s as T): T[] {
  if (Array.isArray(value)) return value.map((x) => (typeof x === 'string' ? map(x) : (x as T)));
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter((x) => x !== '' && x !== 'NULL')
    .map(map);
}
