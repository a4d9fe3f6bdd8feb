import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import type { Db } from '../../db/client.ts';
import { routesOf } from '../../http/route-table.ts';
import { contextFor, type FuzzRequest, type Pools, routeRequests, unroutedRequests } from './requests.ts';
import { installWriteLog, WriteLog } from './writes.ts';

/** A role to log in as; its name labels the session in the report. */
export interface Login {
  name: string;
  username: string;
  password: string;
}

export interface FuzzOptions {
  /** A built app on a throw-away database (the write log's triggers are added to it). */
  app: FastifyInstance;
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
}

export interface FuzzResult {
  seed: number;
  requests: number;
  errors5xx: number;
  /** Rows (insert, update or delete; audit tables aside) committed by requests answered 4xx. */
  rowsWrittenByRefused: number;
  /** Audit rows committed by requests answered 4xx: expected, every refusal is logged. */
  auditRowsByRefused: number;
  /** Requests the server closed without an answer (Node's own parser refusals on the socket). */
  noAnswer: number;
  byStatus: Record<string, number>;
  byRoute: Record<string, { requests: number; ok: number; refused: number; errors5xx: number }>;
  errors5xxByRoute: Record<string, { count: number; examples: Example[] }>;
  writesByRefusedByRoute: Record<string, { rows: number; tables: Record<string, number>; examples: Example[] }>;
}

/**
 * The audit log and its chain head are written by design when a request is refused (who
 * tried what, on which basis): they are counted apart, as auditRowsByRefused.
 */
const AUDIT_TABLES = new Set(['audit_log', 'audit_head']);

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

async function readPools(db: Db, tokens: Pools['tokens']): Promise<Pools> {
  const byTable: Record<string, string[]> = {};
  for (const table of POOL_TABLES) {
    const result = await db.execute(sql`SELECT id::text AS id FROM ${sql.identifier(table)} ORDER BY id LIMIT 300`);
    byTable[table] = result.rows.map((r) => (r as { id: string }).id);
  }
  return { byTable, all: Object.values(byTable).flat(), tokens };
}

interface Session {
  cookie?: string;
  csrf?: string;
}

async function logIn(app: FastifyInstance, login: Login): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: login.username, password: login.password },
  });
  if (res.statusCode !== 200) throw new Error(`fuzz: log-in as ${login.username} failed (${res.statusCode})`);
  const cookie = res.cookies.find((c) => c.name === 'tillit_session')?.value;
  return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
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
  const pool = req.route.includes('survey-links') ? tokens.survey : req.route.includes('visiting-link') ? tokens.visiting : null;
  if (!pool) return;
  try {
    const token = (JSON.parse(body) as { token?: unknown }).token;
    if (typeof token === 'string' && !pool.includes(token)) pool.push(token);
  } catch {
    // Not JSON: nothing to take.
  }
}

function example(req: FuzzRequest, answer: Answer): Example {
  let detail = answer.body.slice(0, 200);
  try {
    detail = JSON.stringify((JSON.parse(answer.body) as { error?: unknown }).error ?? '').slice(0, 200);
  } catch {
    // keep the raw start
  }
  const url = req.url.length > 160 ? `${req.url.slice(0, 160)}…(${req.url.length} chars)` : req.url;
  return { method: req.method, url, session: req.session, variant: req.variant.slice(0, 200), status: answer.status, detail };
}

function emptyResult(seed: number): FuzzResult {
  return {
    seed,
    requests: 0,
    errors5xx: 0,
    rowsWrittenByRefused: 0,
    auditRowsByRefused: 0,
    noAnswer: 0,
    byStatus: {},
    byRoute: {},
    errors5xxByRoute: {},
    writesByRefusedByRoute: {},
  };
}

function record(result: FuzzResult, req: FuzzRequest, answer: Answer, writes: Map<string, number>) {
  result.requests++;
  const status = answer.status;
  result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
  const route = (result.byRoute[req.route] ??= { requests: 0, ok: 0, refused: 0, errors5xx: 0 });
  route.requests++;
  if (status <= 0) result.noAnswer++;
  if (status >= 200 && status < 400) route.ok++;
  if (status >= 500) {
    result.errors5xx++;
    route.errors5xx++;
    const entry = (result.errors5xxByRoute[req.route] ??= { count: 0, examples: [] });
    entry.count++;
    if (entry.examples.length < 5) entry.examples.push(example(req, answer));
  }
  if (status >= 400 && status < 500) {
    route.refused++;
    let rows = 0;
    const tables: Record<string, number> = {};
    for (const [key, n] of writes) {
      const table = key.split(':')[0];
      if (table === 'audit_log') result.auditRowsByRefused += n;
      if (AUDIT_TABLES.has(table)) continue;
      rows += n;
      tables[key] = n;
    }
    if (rows > 0) {
      result.rowsWrittenByRefused += rows;
      const entry = (result.writesByRefusedByRoute[req.route] ??= { rows: 0, tables: {}, examples: [] });
      entry.rows += rows;
      for (const [k, n] of Object.entries(tables)) entry.tables[k] = (entry.tables[k] ?? 0) + n;
      if (entry.examples.length < 5) entry.examples.push(example(req, answer));
    }
  }
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
  const routes = routesOf(app).filter((r) => r.url.startsWith('/api/'));
  const tokens: Pools['tokens'] = { survey: [], visiting: [] };
  const result = emptyResult(opts.seed);
  const chunk = opts.chunk ?? 250;
  await log.since();
  for (let done = 0, round = 0; done < opts.requests; round++) {
    const pools = await readPools(db, tokens);
    const ctx = contextFor(pools, opts.today);
    const arb = fc.oneof(
      ...routes.map((r) => ({
        arbitrary: routeRequests(r, pools, ctx, roleNames),
        weight: r.method === 'HEAD' ? 1 : r.url === '/api/auth/login' ? 1 : 3,
      })),
      { arbitrary: unroutedRequests(roleNames), weight: 3 },
    );
    const batch = fc.sample(arb, { seed: opts.seed + round, numRuns: Math.min(chunk, opts.requests - done) });
    for (const req of batch) {
      const session = sessions.get(req.session) ?? {};
      const other = sessions.get(roleNames[(roleNames.indexOf(req.session) + 1) % roleNames.length]) ?? {};
      const answer = await send(app, port, req, headersFor(req, session, other));
      record(result, req, answer, await log.since());
      if (answer.status >= 200 && answer.status < 300) {
        harvestTokens(req, answer.body, tokens);
        // A role that logged itself out logs in again, so the rest of the run keeps its session.
        if (req.route === 'POST /api/auth/logout' && roleNames.includes(req.session)) {
          const login = opts.logins.find((l) => l.name === req.session)!;
          sessions.set(login.name, await logIn(app, login));
          await log.since();
        }
      }
    }
    done += batch.length;
    opts.onProgress?.(done, result);
  }
  return result;
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
