import fc from 'fast-check';
import type { RouteEntry } from '../../http/gate.ts';
import { BODY_VARIANTS, EDGE_STRINGS, mutate } from './mutations.ts';
import { type ArbitraryContext, arbitraryFor, type JsonSchema, jsonSchemaOf } from './schema-arbitrary.ts';

/** Ids that exist, by table, and the link tokens handed out so far. */
export interface Pools {
  byTable: Record<string, string[]>;
  all: string[];
  tokens: { survey: string[]; visiting: string[] };
}

/** One request to send. The session is named, not carried: cookies change when a role logs in again. */
export interface FuzzRequest {
  /** The route it was built from, `METHOD /api/…/:param` (or `unrouted`), for the report. */
  route: string;
  method: string;
  url: string;
  /** `socket` for raw paths that app.inject would normalise (it parses the URL with WHATWG rules). */
  transport: 'inject' | 'socket';
  session: string;
  csrf: 'ok' | 'missing' | 'wrong' | 'other' | 'n/a';
  contentType?: string;
  payload?: string | Buffer;
  variant: string;
}

/** The resource a path parameter names: the segment before it (`/api/teams/:id/notes/:noteId` → notes). */
const TABLE_OF_SEGMENT: Record<string, string> = {
  teams: 'team',
  staff: 'staff',
  recipients: 'recipient',
  'emergency-accesses': 'emergency_access',
  measures: 'measure',
  visits: 'visit',
  'condition-changes': 'condition_change',
  'service-decisions': 'service_decision',
  notes: 'team_note',
  runs: 'plan_run',
  locks: 'plan_lock',
  rota: 'rota_entry',
  absences: 'absence',
};

/** Body and query fields holding ids, by name. */
function tableOfField(name: string | undefined): string | undefined {
  const n = (name ?? '').toLowerCase();
  if (n.includes('team')) return 'team';
  if (n.includes('staff') || n.includes('helper')) return 'staff';
  if (n.includes('recipient')) return 'recipient';
  if (n.includes('measure')) return 'measure';
  if (n.includes('visit')) return 'visit';
  if (n.includes('goal')) return 'goal';
  if (n.includes('nextofkin')) return 'next_of_kin';
  if (n.includes('user')) return 'user_account';
  if (n.includes('decision')) return 'service_decision';
  return undefined;
}

function idArbitrary(pools: Pools, table: string | undefined): fc.Arbitrary<string> {
  const own = table ? pools.byTable[table] : undefined;
  const options: fc.WeightedArbitrary<string>[] = [{ arbitrary: fc.uuid(), weight: 1 }];
  if (own?.length) options.push({ arbitrary: fc.constantFrom(...own), weight: 8 });
  if (pools.all.length) options.push({ arbitrary: fc.constantFrom(...pools.all), weight: own?.length ? 2 : 8 });
  return fc.oneof(...options);
}

export function contextFor(pools: Pools, today: string): ArbitraryContext {
  return { idFor: (name) => idArbitrary(pools, tableOfField(name)), today };
}

/**
 * Percent-encodes any string, lone surrogates too (encodeURIComponent throws on them): those
 * go as the three bytes a careless UTF-8 encoder writes, which are not valid UTF-8.
 */
export function encodeLoose(s: string): string {
  return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]|[\s\S]/g, (c) => {
    if (c.length === 2 || c.charCodeAt(0) < 0xd800 || c.charCodeAt(0) > 0xdfff) return encodeURIComponent(c);
    const u = c.charCodeAt(0);
    return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)]
      .map((b) => `%${b.toString(16).toUpperCase()}`)
      .join('');
  });
}

/** Broken path parameter values, already percent-encoded as they go on the wire. */
const BAD_PARAMS = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'abc',
  '1',
  '-1',
  '%27%20OR%201%3D1--',
  '%00',
  'abc%00def',
  '%zz',
  '%ED%A0%80', // a lone surrogate, UTF-8 encoded
  '%C0%AF', // an overlong "/"
  '%FF',
  '..',
  '%2e%2e',
  'a'.repeat(5000),
  '%EF%BB%BF',
  '%E2%80%AE',
];

function paramArbitrary(
  pools: Pools,
  template: string,
  name: string,
  broken: boolean,
): fc.Arbitrary<{ value: string; kind: string }> {
  const segments = template.split('/');
  const before = segments[segments.indexOf(`:${name}`) - 1] ?? '';
  let real: fc.Arbitrary<string>;
  if (name === 'token') {
    const tokens = before === 'surveys' ? pools.tokens.survey : pools.tokens.visiting;
    const fake = fc.stringMatching(/^[A-Za-z0-9_-]{20,64}$/);
    real = tokens.length ? fc.oneof(fc.constantFrom(...tokens), fake) : fake;
  } else real = idArbitrary(pools, TABLE_OF_SEGMENT[before]);
  if (!broken) return real.map((value) => ({ value: encodeURIComponent(value), kind: 'real' }));
  return fc.oneof(
    { arbitrary: real.map((value) => ({ value: encodeURIComponent(value), kind: 'real' })), weight: 1 },
    { arbitrary: fc.constantFrom(...BAD_PARAMS).map((value) => ({ value, kind: value.slice(0, 20) })), weight: 3 },
    {
      arbitrary: fc.constantFrom(...EDGE_STRINGS).map((s) => ({ value: encodeLoose(s), kind: 'unicode' })),
      weight: 2,
    },
  );
}

/** Ways to write a path that a careless gate and the router may read differently. */
export const PATH_FORMS = [
  'encoded-letter',
  'double-encoded',
  'double-slash',
  'leading-double-slash',
  'trailing-slash',
  'dot-segment',
  'encoded-dot-segment',
  'encoded-slash',
  'upper-case',
  'semicolon',
  'backslash',
  'long-path',
  'query-junk',
] as const;

const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** Rewrites `path` (which has no query yet) in one of the PATH_FORMS; `n` picks the place. */
export function reshapePath(path: string, form: (typeof PATH_FORMS)[number], n: number): string {
  const letters = [...path].map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
  const slashes = [...path].map((c, i) => (c === '/' ? i : -1)).filter((i) => i >= 0);
  const at = (list: number[]) => list[n % list.length] ?? 0;
  switch (form) {
    case 'encoded-letter': {
      const i = at(letters);
      return path.slice(0, i) + hex(path[i]) + path.slice(i + 1);
    }
    case 'double-encoded': {
      const i = at(letters);
      return `${path.slice(0, i)}%25${hex(path[i]).slice(1)}${path.slice(i + 1)}`;
    }
    case 'double-slash': {
      const i = at(slashes);
      return `${path.slice(0, i)}/${path.slice(i)}`;
    }
    case 'leading-double-slash':
      return `/${path}`;
    case 'trailing-slash':
      return `${path}/`;
    case 'dot-segment':
      return n % 2 ? `/api/x/..${path.slice(4)}` : path.replace('/api/', '/api/./');
    case 'encoded-dot-segment':
      return n % 2 ? `/api/x/%2e%2e${path.slice(4)}` : `/static/%2e%2e${path}`;
    case 'encoded-slash': {
      const i = at(slashes.slice(1));
      return `${path.slice(0, i)}%2F${path.slice(i + 1)}`;
    }
    case 'upper-case':
      return path.toUpperCase();
    case 'semicolon':
      return `${path};jsessionid=fuzz`;
    case 'backslash':
      return path.replace(/\//g, (s, i: number) => (i === at(slashes) ? '\\' : s));
    case 'long-path':
      return `${path}/${'a'.repeat(n % 2 ? 3_000 : 20_000)}`;
    case 'query-junk':
      return `${path}?__proto__[isAdmin]=1&constructor[prototype][x]=1&a=%00&a=%zz&b=${'b'.repeat(5000)}`;
  }
}

function queryArbitrary(schema: JsonSchema | undefined, ctx: ArbitraryContext, broken: boolean): fc.Arbitrary<string> {
  if (!schema) return broken ? fc.constantFrom('x=%00', 'a=1&a=2', `q=${'q'.repeat(10_000)}`) : fc.constant('');
  const valid = arbitraryFor(schema, ctx).map((v) => {
    const q = new URLSearchParams();
    for (const [k, val] of Object.entries((v ?? {}) as Record<string, unknown>)) q.append(k, String(val));
    return q.toString();
  });
  const keys = Object.keys(schema.properties ?? {});
  const bad = fc.tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), fc.nat()).map(([k, n]) => {
    const bad = ['%00', 'not-a-value', '-1', '1e400', 'x'.repeat(10_000), '%ED%A0%80', `a&${k}=b`, '%zz'][n % 8];
    return `${k}=${bad}`;
  });
  return broken ? fc.oneof(bad, fc.constant('')) : valid;
}

const CONTENT_TYPES = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/json; charset=utf-16',
  'Application/JSON',
  'application/json, text/html',
  'application/octet-stream',
];

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** A logged-in role, with the ids its requests mostly use (its own team's, for a member). */
export interface Role {
  name: string;
  pools: Pools;
  ctx: ArbitraryContext;
}

/**
 * The one part of a request that is broken, or none. Breaking one part at a time keeps
 * about half the requests valid-ish (so they reach the code behind validation and access)
 * and tells, for any 5xx, which breakage caused it.
 */
const BROKEN_PARTS = ['session', 'csrf', 'path', 'param', 'query', 'body', 'content-type'] as const;

function routeRequestsAs(route: RouteEntry, role: Role): fc.Arbitrary<FuzzRequest> {
  const schema = route.schema as Record<string, unknown> | undefined;
  const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const bodySchema = jsonSchemaOf(schema?.body);
  const unsafe = UNSAFE.has(route.method);
  const valid = bodySchema ? arbitraryFor(bodySchema, role.ctx) : fc.constant({});
  const realParam = (p: string) => paramArbitrary(role.pools, route.url, p, false);
  return fc
    .record({
      broken: fc.oneof(
        { arbitrary: fc.constant('none' as const), weight: 7 },
        { arbitrary: fc.constantFrom(...BROKEN_PARTS), weight: 7 },
      ),
      badSession: fc.constantFrom('anonymous', 'bogus', 'ended'),
      badCsrf: fc.constantFrom('missing' as const, 'wrong' as const, 'other' as const),
      form: fc.constantFrom(...PATH_FORMS),
      n: fc.nat(),
      values: fc.tuple(...params.map(realParam)),
      badValues: fc.tuple(...params.map((p) => paramArbitrary(role.pools, route.url, p, true))),
      query: queryArbitrary(jsonSchemaOf(schema?.querystring), role.ctx, false),
      badQuery: queryArbitrary(jsonSchemaOf(schema?.querystring), role.ctx, true),
      value: valid,
      bodyVariant: fc.constantFrom(...BODY_VARIANTS.filter((v) => v !== 'valid')),
      badContentType: fc.constantFrom(...CONTENT_TYPES),
    })
    .map((g) => {
      const b = g.broken;
      const values = b === 'param' && params.length ? g.badValues : g.values;
      let path = route.url;
      params.forEach((p, i) => {
        path = path.replace(`:${p}`, values[i].value);
      });
      if (b === 'path') path = reshapePath(path, g.form, g.n);
      const query = b === 'query' ? g.badQuery : g.query;
      const url = query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
      const payload = unsafe ? mutate(g.value, b === 'body' ? g.bodyVariant : 'valid', g.n) : undefined;
      const contentType = unsafe ? (b === 'content-type' ? g.badContentType : 'application/json') : undefined;
      const session = b === 'session' ? g.badSession : role.name;
      const csrf = !unsafe ? ('n/a' as const) : b === 'csrf' ? g.badCsrf : ('ok' as const);
      const variant =
        {
          none: 'valid',
          session: `session:${session}`,
          csrf: unsafe ? `csrf:${csrf}` : 'valid',
          path: `path:${g.form}`,
          param: params.length ? `param:${values.map((v) => v.kind).join(',')}` : 'valid',
          query: query ? `query:${query.slice(0, 40)}` : 'valid',
          body: unsafe ? `body:${payload?.variant}` : 'valid',
          'content-type': unsafe ? `content-type:${contentType ?? 'none'}` : 'valid',
        }[b] ?? 'valid';
      return {
        route: `${route.method} ${route.url}`,
        method: route.method,
        url,
        // app.inject parses the URL with WHATWG rules (dot segments resolved, `\\` made `/`): raw paths go by socket.
        transport: b === 'path' ? 'socket' : 'inject',
        session,
        csrf,
        contentType,
        payload: payload?.raw,
        variant,
      } satisfies FuzzRequest;
    });
}

/** Builds the arbitrary of requests for one route, as any of the roles. */
export function routeRequests(route: RouteEntry, roles: Role[]): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...roles.map((role) => routeRequestsAs(route, role)));
}

/** Requests to paths and methods no route has, and to the web app's static files. */
export function unroutedRequests(sessions: string[]): fc.Arbitrary<FuzzRequest> {
  const paths = [
    '/api/',
    '/api/nope',
    '/api/recipients',
    '/api/teams/../audit',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/index.html%00.js',
    '/',
    '/api/health/../../data/tillit.lock',
    '/API/AUTH/ME',
  ];
  return fc
    .record({
      method: fc.constantFrom('GET', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'),
      path: fc.constantFrom(...paths),
      session: fc.constantFrom('anonymous', ...sessions),
    })
    .map(({ method, path, session }) => ({
      route: 'unrouted',
      method,
      url: path,
      transport: 'socket' as const,
      session,
      csrf: 'ok' as const,
      variant: `unrouted:${method}`,
    }));
}

/** Every string in a JSON value replaced by `s`. */
function replaceStrings(value: unknown, s: string): unknown {
  if (typeof value === 'string') return s;
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, s));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, s)]));
  return value;
}

/**
 * Two requests per route that a random sample of a few hundred could miss, sent first: a
 * valid-ish request as `role` with a NUL byte in every string (body and query), and the
 * route's path with the `a` of `/api/` percent-encoded and no session (a gate comparing the
 * raw URL lets it through; the router decodes it).
 */
export function cornerRequests(routes: readonly RouteEntry[], role: Role, seed: number): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  for (const route of routes) {
    if (route.method === 'HEAD') continue;
    const base = fc.sample(routeRequestsAs(route, role), { seed, numRuns: 40 }).find((r) => r.variant === 'valid');
    if (!base) continue;
    const [path, query] = base.url.split('?');
    let payload = base.payload;
    if (typeof payload === 'string') {
      try {
        payload = JSON.stringify(replaceStrings(JSON.parse(payload), 'Nul\u0000byte'));
      } catch {
        // not JSON: left as it is
      }
    }
    const nulQuery = query ? query.replace(/=([^&]*)/g, '=Nul%00byte') : '';
    out.push({ ...base, url: nulQuery ? `${path}?${nulQuery}` : path, payload, variant: 'corner:nul-everywhere' });
    out.push({
      ...base,
      url: base.url.replace(/^\/api\//, '/%61pi/'),
      transport: 'socket',
      session: 'anonymous',
      variant: 'corner:encoded-api-no-session',
    });
  }
  return out;
}
