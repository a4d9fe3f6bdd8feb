import fc from 'fast-check';
import type { RouteEntry } from '../../http/route-table.ts';
import { EDGE_STRINGS, type Payload, payloadArbitrary } from './mutations.ts';
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
  encodeURIComponent('\uFEFF'),
  '%E2%80%AE',
];

function paramArbitrary(pools: Pools, template: string, name: string): fc.Arbitrary<{ value: string; kind: string }> {
  const segments = template.split('/');
  const before = segments[segments.indexOf(`:${name}`) - 1] ?? '';
  let real: fc.Arbitrary<string>;
  if (name === 'token') {
    const tokens = before === 'surveys' ? pools.tokens.survey : pools.tokens.visiting;
    const fake = fc.stringMatching(/^[A-Za-z0-9_-]{20,64}$/);
    real = tokens.length ? fc.oneof(fc.constantFrom(...tokens), fake) : fake;
  } else real = idArbitrary(pools, TABLE_OF_SEGMENT[before]);
  return fc.oneof(
    { arbitrary: real.map((value) => ({ value: encodeURIComponent(value), kind: 'real' })), weight: 12 },
    { arbitrary: fc.constantFrom(...BAD_PARAMS).map((value) => ({ value, kind: 'bad-param' })), weight: 2 },
    {
      arbitrary: fc.constantFrom(...EDGE_STRINGS).map((s) => ({ value: encodeURIComponent(s), kind: 'unicode-param' })),
      weight: 1,
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

function queryArbitrary(schema: JsonSchema | undefined, ctx: ArbitraryContext): fc.Arbitrary<string> {
  if (!schema) return fc.constant('');
  const valid = arbitraryFor(schema, ctx).map((v) => {
    const q = new URLSearchParams();
    for (const [k, val] of Object.entries((v ?? {}) as Record<string, unknown>)) q.append(k, String(val));
    return q.toString();
  });
  const keys = Object.keys(schema.properties ?? {});
  const broken = fc.tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), fc.nat()).map(([k, n]) => {
    const bad = ['%00', 'not-a-value', '-1', '1e400', 'x'.repeat(10_000), '%ED%A0%80', `a&${k}=b`, '%zz'][n % 8];
    return `${k}=${bad}`;
  });
  return fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: broken, weight: 2 }, { arbitrary: fc.constant(''), weight: 1 });
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

/** Builds the arbitrary of requests for one route: schema-shaped input, then the broken variants. */
export function routeRequests(
  route: RouteEntry,
  pools: Pools,
  ctx: ArbitraryContext,
  sessions: string[],
): fc.Arbitrary<FuzzRequest> {
  const schema = route.schema as Record<string, unknown> | undefined;
  const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const bodySchema = jsonSchemaOf(schema?.body);
  const body: fc.Arbitrary<Payload | undefined> = UNSAFE.has(route.method)
    ? payloadArbitrary(bodySchema ? arbitraryFor(bodySchema, ctx) : fc.constant({}))
    : fc.constant(undefined);
  const unsafe = UNSAFE.has(route.method);
  return fc
    .record({
      session: fc.oneof(
        { arbitrary: fc.constantFrom(...sessions), weight: 7 },
        { arbitrary: fc.constantFrom('anonymous', 'bogus', 'ended'), weight: 1 },
      ),
      csrf: unsafe
        ? fc.oneof(
            { arbitrary: fc.constant('ok' as const), weight: 10 },
            { arbitrary: fc.constantFrom('missing' as const, 'wrong' as const, 'other' as const), weight: 2 },
          )
        : fc.constant('n/a' as const),
      form: fc.oneof(
        { arbitrary: fc.constant('plain' as const), weight: 14 },
        { arbitrary: fc.constantFrom(...PATH_FORMS), weight: 2 },
      ),
      n: fc.nat(),
      values: fc.tuple(...params.map((p) => paramArbitrary(pools, route.url, p))),
      query: queryArbitrary(jsonSchemaOf(schema?.querystring), ctx),
      body,
      contentType: fc.oneof(
        { arbitrary: fc.constant('application/json'), weight: 14 },
        { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 2 },
      ),
    })
    .map(({ session, csrf, form, n, values, query, body: payload, contentType }) => {
      let path = route.url;
      params.forEach((p, i) => {
        path = path.replace(`:${p}`, values[i].value);
      });
      if (form !== 'plain') path = reshapePath(path, form, n);
      const url = query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
      const variants = [
        form === 'plain' ? '' : `path:${form}`,
        ...values.filter((v) => v.kind !== 'real').map((v) => v.kind),
        query && !/^[\w=&.-]*$/.test(query) ? 'query:odd' : '',
        payload && payload.variant !== 'valid' ? `body:${payload.variant}` : '',
        payload && contentType !== 'application/json' ? `content-type:${contentType ?? 'none'}` : '',
        csrf !== 'ok' && csrf !== 'n/a' ? `csrf:${csrf}` : '',
        sessions.includes(session) ? '' : `session:${session}`,
      ].filter(Boolean);
      return {
        route: `${route.method} ${route.url}`,
        method: route.method,
        url,
        transport: form === 'plain' ? 'inject' : 'socket',
        session,
        csrf,
        contentType: payload ? contentType : undefined,
        payload: payload?.raw,
        variant: variants.join(' ') || 'valid',
      } satisfies FuzzRequest;
    });
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
