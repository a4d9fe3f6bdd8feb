import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import type { Db } from '../../db/client.ts';
import { type RouteEntry, routeTable } from '../../http/gate.ts';
import {
  contextFor,
  cornerRequests,
  type FuzzRequest,
  type Pools,
  type Role,
  routeRequests,
  unroutedRequests,
} from './requests.ts';
import { installWriteLog, WriteLog } from './writes.ts';

/** A role to log in as; its name labels the session in the report. */
export interface Login {
  name: string;
  username: string;
  password: string;
}

/**
 * Keeps the cause of the last error the app handled, for the report of a 5xx. Add it before
 * `app.ready()`. Only the database's own message is kept (drizzle's wrapper repeats the
 * query and its parameters); the fuzzer runs on synthetic data only.
 */
export function watchErrors(app: FastifyInstance) {
  let last: string | undefined;
  app.addHook('onError', async (_request, _reply, error) => {
    const cause = (error as { cause?: { message?: string; code?: string } }).cause;
    last = cause?.message ? `${cause.code ?? ''} ${cause.message}` : `${error.name}: ${error.message}`;
    last = last.replace(/\s+/g, ' ').slice(0, 300);
  });
  return {
    take() {
      const value = last;
      last = undefined;
      return value;
    },
  };
}

export interface FuzzOptions {
  /** A built app on a throw-away database (the write log's triggers are added to it). */
  app: FastifyInstance;
  /** From `watchErrors(app)`: gives each 5xx in the report its cause. */
  errors?: ReturnType<typeof watchErrors>;
  db: Db;
  logins: Login[];
  /** YYYY-MM-DD, the app's today: generated dates fall around it. */
  today: string;
  requests: number;
  seed: number;
  /** Requests generated at a time; the id pools are read again between chunks. */
  chunk?: number;
  onProgress?: (done: number, result: FuzzResult) => void;
}

interface Example {
  method: string;
  url: string;
  session: string;
  variant: string;
  status: number;
  detail: string;
  cause?: string;
}

export interface FuzzResult {
  seed: number;
  requests: number;
  errors5xx: number;
  /** Rows (insert, update or delete; EXPECTED_ON_REFUSAL tables aside) committed by requests answered 4xx. */
  rowsWrittenByRefused: number;
  /** Audit rows committed by requests answered 4xx: expected, every refusal is logged. */
  auditRowsByRefused: number;
  /** Rows of EXPECTED_ON_REFUSAL tables written by requests answered 4xx, per `table:OP`. */
  expectedWritesByRefused: Record<string, number>;
  /** Rows written by requests answered 2xx: shows the write log sees writes at all. */
  rowsWrittenByAccepted: number;
  /** Non-public routes that answered 2xx to a request without a live session (anonymous, made-up or ended). */
  okWithoutSession: number;
  okWithoutSessionByRoute: Record<string, { count: number; examples: Example[] }>;
  /** Requests the server closed without an answer (Node's own parser refusals on the socket). */
  noAnswer: number;
  noAnswerExamples: Example[];
  /** The slowest requests, with their time in `detail` (a bench figure: tests never assert it). */
  slowest: (Example & { ms: number })[];
  byStatus: Record<string, number>;
  byRoute: Record<string, { requests: number; ok: number; refused: number; errors5xx: number }>;
  errors5xxByRoute: Record<string, { count: number; examples: Example[] }>;
  writesByRefusedByRoute: Record<string, { rows: number; tables: Record<string, number>; examples: Example[] }>;
}

/**
 * Tables a refused request writes by design, counted apart in expectedWritesByRefused: the
 * audit log and its chain head (every refusal is logged: who tried what, on which basis), and
 * the failed log-in counters (`login_throttle`, where a limit per username and address must
 * remember a wrong password).
 */
const EXPECTED_ON_REFUSAL = new Set(['audit_log', 'audit_head', 'login_throttle']);

const POOL_TABLES = [
  'team',
  'staff',
  'recipient',
  'emergency_access',
  'measure',
  'visit',
  'condition_change',
  'service_decision',
  'team_note',
  'plan_run',
  'plan_lock',
  'rota_entry',
  'absence',
  'goal',
  'next_of_kin',
  'user_account',
];

/**
 * Ids that exist, read again between chunks (requests create rows). With `teamIds`, only the
 * rows of those teams (by a team_id column, or a recipient_id or staff_id of theirs), so that a
 * member's requests mostly reach past the access check into the code behind it.
 */
async function readPools(db: Db, tokens: Pools['tokens'], teamIds?: string[]): Promise<Pools> {
  const byTable: Record<string, string[]> = {};
  const cols = await db.execute(
    sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name IN ('team_id', 'recipient_id', 'staff_id')`,
  );
  const has = (table: string, column: string) =>
    cols.rows.some(
      (r) =>
        (r as { table_name: string }).table_name === table && (r as { column_name: string }).column_name === column,
    );
  const teams = sql.join(
    (teamIds ?? []).map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const served = sql`SELECT recipient_id FROM recipient_team WHERE team_id IN (${teams})`;
  const members = sql`SELECT staff_id FROM team_membership WHERE team_id IN (${teams})`;
  for (const table of POOL_TABLES) {
    let where = sql`true`;
    if (teamIds?.length) {
      if (table === 'team') where = sql`id IN (${teams})`;
      else if (table === 'recipient') where = sql`id IN (${served})`;
      else if (table === 'staff') where = sql`id IN (${members})`;
      else if (has(table, 'team_id')) where = sql`team_id IN (${teams})`;
      else if (has(table, 'recipient_id')) where = sql`recipient_id IN (${served})`;
      else if (has(table, 'staff_id')) where = sql`staff_id IN (${members})`;
    }
    const result = await db.execute(
      sql`SELECT id::text AS id FROM ${sql.identifier(table)} WHERE ${where} ORDER BY id LIMIT 300`,
    );
    byTable[table] = result.rows.map((r) => (r as { id: string }).id);
  }
  return { byTable, all: Object.values(byTable).flat(), tokens };
}

interface Session {
  cookie?: string;
  csrf?: string;
  teamIds?: string[];
}

async function logIn(app: FastifyInstance, login: Login): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: login.username, password: login.password },
  });
  if (res.statusCode !== 200) throw new Error(`fuzz: log-in as ${login.username} failed (${res.statusCode})`);
  const cookie = res.cookies.find((c) => c.name === 'tillit_session')?.value;
  const me = res.json() as { csrfToken: string; teamIds: string[] };
  return { cookie, csrf: me.csrfToken, teamIds: me.teamIds };
}

async function openSessions(app: FastifyInstance, logins: Login[]) {
  const sessions = new Map<string, Session>();
  for (const login of logins) sessions.set(login.name, await logIn(app, login));
  // A session that existed and was ended by logging out.
  const ended = await logIn(app, logins[0]);
  await app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    cookies: { tillit_session: ended.cookie! },
    headers: { 'x-csrf-token': ended.csrf! },
  });
  sessions.set('ended', ended);
  sessions.set('bogus', { cookie: 'bm90LWEtcmVhbC1zZXNzaW9uLXRva2VuLWF0LWFsbC0xMjM', csrf: 'bogus' });
  sessions.set('anonymous', {});
  return sessions;
}

function headersFor(req: FuzzRequest, session: Session, other: Session): Record<string, string> {
  const headers: Record<string, string> = {};
  if (session.cookie) headers.cookie = `tillit_session=${session.cookie}`;
  const csrf = { ok: session.csrf, wrong: 'x'.repeat(32), other: other.csrf, missing: undefined, 'n/a': undefined }[
    req.csrf
  ];
  if (csrf) headers['x-csrf-token'] = csrf;
  if (req.contentType) headers['content-type'] = req.contentType;
  return headers;
}

interface Answer {
  status: number;
  body: string;
}

function sendOverSocket(port: number, req: FuzzRequest, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve) => {
    let r: http.ClientRequest;
    try {
      r = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent: false });
    } catch (err) {
      // Node's client refuses some paths before sending: nothing reached the server.
      resolve({ status: -1, body: (err as Error).message });
      return;
    }
    r.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    r.on('error', (err) => resolve({ status: 0, body: err.message }));
    r.end(req.payload);
  });
}

async function send(app: FastifyInstance, port: number, req: FuzzRequest, headers: Record<string, string>) {
  if (req.transport === 'socket') return sendOverSocket(port, req, headers);
  const res = await app.inject({ method: req.method as 'GET', url: req.url, headers, payload: req.payload });
  return { status: res.statusCode, body: res.body };
}

/** Link tokens handed out in an answer, so later requests can use (and abuse) real links. */
function harvestTokens(req: FuzzRequest, body: string, tokens: Pools['tokens']) {
  const pool = req.route.includes('survey-links')
    ? tokens.survey
    : req.route.includes('visiting-link')
      ? tokens.visiting
      : null;
  if (!pool) return;
  try {
    const token = (JSON.parse(body) as { token?: unknown }).token;
    if (typeof token === 'string' && !pool.includes(token)) pool.push(token);
  } catch {
    // Not JSON: nothing to take.
  }
}

function example(req: FuzzRequest, answer: Answer, cause?: string): Example {
  let detail = answer.body.slice(0, 200);
  try {
    detail = JSON.stringify((JSON.parse(answer.body) as { error?: unknown }).error ?? '').slice(0, 200);
  } catch {
    // keep the raw start
  }
  const url = req.url.length > 160 ? `${req.url.slice(0, 160)}…(${req.url.length} chars)` : req.url;
  const variant = req.variant.slice(0, 200);
  return { method: req.method, url, session: req.session, variant, status: answer.status, detail, cause };
}

function emptyResult(seed: number): FuzzResult {
  return {
    seed,
    requests: 0,
    errors5xx: 0,
    rowsWrittenByRefused: 0,
    auditRowsByRefused: 0,
    rowsWrittenByAccepted: 0,
    expectedWritesByRefused: {},
    noAnswer: 0,
    noAnswerExamples: [],
    slowest: [],
    okWithoutSession: 0,
    okWithoutSessionByRoute: {},
    byStatus: {},
    byRoute: {},
    errors5xxByRoute: {},
    writesByRefusedByRoute: {},
  };
}

/** Keeps the ten slowest requests: one request that holds the server for long is a denial of service. */
function noteTime(result: FuzzResult, req: FuzzRequest, answer: Answer, ms: number) {
  const list = result.slowest;
  if (list.length >= 10 && ms <= list[list.length - 1].ms) return;
  list.push({ ...example(req, answer), ms: Math.round(ms) });
  list.sort((a, b) => b.ms - a.ms);
  list.length = Math.min(list.length, 10);
}

function entryOf<T>(map: Record<string, T>, key: string, init: () => T): T {
  if (!(key in map)) map[key] = init();
  return map[key];
}

const NO_SESSION = new Set(['anonymous', 'bogus', 'ended']);

function record(
  result: FuzzResult,
  req: FuzzRequest,
  answer: Answer,
  writes: Map<string, number>,
  cause: string | undefined,
  isPublic: boolean,
) {
  result.requests++;
  const status = answer.status;
  result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
  const route = entryOf(result.byRoute, req.route, () => ({ requests: 0, ok: 0, refused: 0, errors5xx: 0 }));
  route.requests++;
  if (status <= 0) {
    result.noAnswer++;
    if (result.noAnswerExamples.length < 5) result.noAnswerExamples.push(example(req, answer));
  }
  if (status >= 200 && status < 400) {
    route.ok++;
    for (const n of writes.values()) result.rowsWrittenByAccepted += n;
  }
  if (status >= 200 && status < 300 && NO_SESSION.has(req.session) && req.route !== 'unrouted' && !isPublic) {
    result.okWithoutSession++;
    const entry = entryOf(result.okWithoutSessionByRoute, req.route, () => ({ count: 0, examples: [] }));
    entry.count++;
    if (entry.examples.length < 5) entry.examples.push(example(req, answer));
  }
  if (status >= 500) {
    result.errors5xx++;
    route.errors5xx++;
    const entry = entryOf(result.errors5xxByRoute, req.route, () => ({ count: 0, examples: [] }));
    entry.count++;
    if (entry.examples.length < 5) entry.examples.push(example(req, answer, cause));
  }
  if (status >= 400 && status < 500) {
    route.refused++;
    let rows = 0;
    const tables: Record<string, number> = {};
    for (const [key, n] of writes) {
      const table = key.split(':')[0];
      if (table === 'audit_log') result.auditRowsByRefused += n;
      if (EXPECTED_ON_REFUSAL.has(table)) {
        result.expectedWritesByRefused[key] = (result.expectedWritesByRefused[key] ?? 0) + n;
        continue;
      }
      rows += n;
      tables[key] = n;
    }
    if (rows > 0) {
      result.rowsWrittenByRefused += rows;
      const entry = entryOf(result.writesByRefusedByRoute, req.route, () => ({ rows: 0, tables: {}, examples: [] }));
      entry.rows += rows;
      for (const [k, n] of Object.entries(tables)) entry.tables[k] = (entry.tables[k] ?? 0) + n;
      if (entry.examples.length < 5) entry.examples.push(example(req, answer));
    }
  }
}

/** Public by its declared access rule (http/access.ts). */
function isPublic(route: RouteEntry): boolean {
  return route.access?.kind === 'public';
}

/**
 * Sends `requests` requests built from every route's zod schema (and broken variants) as
 * several roles, anonymous and with dead sessions, and counts answers 5xx and rows written
 * by refused requests. Deterministic for a seed, up to the ids the database hands out.
 */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const { app, db } = opts;
  await installWriteLog(db);
  const log = new WriteLog(db);
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const sessions = await openSessions(app, opts.logins);
  const roleNames = opts.logins.map((l) => l.name);
  // Staff log-ins only: «Min side»'s citizen routes refuse every one of them at the gate (the access
  // matrix and portal.db.test.ts call them as citizens), so they would only dilute the run.
  const routes = routeTable(app).filter((r) => r.url.startsWith('/api/') && r.access?.kind !== 'citizen');
  const tokens: Pools['tokens'] = { survey: [], visiting: [] };
  const publicRoutes = new Set(routes.filter(isPublic).map((r) => `${r.method} ${r.url}`));
  const result = emptyResult(opts.seed);
  const chunk = Math.max(opts.chunk ?? 250, 2 * routes.length);
  await log.since();
  const sendOne = async (req: FuzzRequest) => {
    const session = sessions.get(req.session) ?? {};
    const other = sessions.get(roleNames[(roleNames.indexOf(req.session) + 1) % roleNames.length]) ?? {};
    const started = performance.now();
    const answer = await send(app, port, req, headersFor(req, session, other));
    noteTime(result, req, answer, performance.now() - started);
    record(result, req, answer, await log.since(), opts.errors?.take(), publicRoutes.has(req.route));
    if (answer.status >= 200 && answer.status < 300) {
      harvestTokens(req, answer.body, tokens);
      // A role that logged itself out logs in again, so the rest of the run keeps its session.
      if (req.route === 'POST /api/auth/logout' && roleNames.includes(req.session)) {
        const login = opts.logins.find((l) => l.name === req.session)!;
        // If a log-in limit refuses, the role goes on without a session (its requests get 401).
        sessions.set(login.name, await logIn(app, login).catch(() => ({})));
        await log.since();
      }
    }
  };
  for (let round = 0; result.requests < opts.requests; round++) {
    const roles = await rolePools(db, roleNames, sessions, tokens, opts.today);
    const corners = round === 0 ? cornerRequests(routes, roles[0], opts.seed) : [];
    const arb = fc.oneof(
      ...routes.map((r) => ({
        arbitrary: routeRequests(r, roles),
        weight: r.method === 'HEAD' ? 1 : r.url === '/api/auth/login' ? 1 : 3,
      })),
      { arbitrary: unroutedRequests(roleNames), weight: 3 },
    );
    const room = Math.min(chunk, opts.requests - result.requests);
    const random =
      room > corners.length ? fc.sample(arb, { seed: opts.seed + round, numRuns: room - corners.length }) : [];
    for (const req of [...corners, ...random].slice(0, room)) await sendOne(req);
    opts.onProgress?.(result.requests, result);
  }
  return result;
}

/** Each role's id pools: its own team's rows for a member, everything for the others. */
async function rolePools(
  db: Db,
  roleNames: string[],
  sessions: Map<string, Session>,
  tokens: Pools['tokens'],
  today: string,
): Promise<Role[]> {
  const everything = await readPools(db, tokens);
  const roles: Role[] = [];
  for (const name of roleNames) {
    const teamIds = sessions.get(name)?.teamIds;
    const own = teamIds?.length ? await readPools(db, tokens, teamIds) : everything;
    const pools = { ...own, all: everything.all };
    roles.push({ name, pools, ctx: contextFor(pools, today) });
  }
  return roles;
}

/** The figures as table rows for the console: one per route that was hit. */
export function summaryRows(result: FuzzResult) {
  return Object.entries(result.byRoute)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, r]) => ({
      route,
      requests: r.requests,
      '2xx/3xx': r.ok,
      '4xx': r.refused,
      '5xx': r.errors5xx,
      'rows written by 4xx': result.writesByRefusedByRoute[route]?.rows ?? 0,
    }));
}

/** One line per route, for a test's failure message: `3× path:encoded-letter → 500 TypeError: …`. */
export function compact(byRoute: Record<string, { count?: number; rows?: number; examples: Example[] }>) {
  return Object.fromEntries(
    Object.entries(byRoute).map(([route, e]) => {
      const x = e.examples[0];
      return [route, `${e.count ?? e.rows}× ${x.variant} → ${x.status} ${x.cause ?? x.detail}`.slice(0, 240)];
    }),
  );
}
