/**
 * `npm run bench:load [-- --clients N --seconds S]`: a district's working day compressed:
 * 200 clients, each logged in as one of the full-size district's helpers, for 60 s, closed
 * loop (each on its own kept-alive connection), on the usual mix — their day lists, records of people their team serves, documenting
 * their own visits («Alt utført som planlagt»), and the team board. Each visit is documented
 * by one client only, so every request should succeed. Run it on PostgreSQL (DATABASE_URL;
 * it drops and recreates Tillit's tables there). Writes bench-results/load.json with
 * clients, seconds, requests, errors, p50Ms, p95Ms, p99Ms (and the same per kind).
 * Target: 0 errors.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, FULL, generateDistrict } from '../apps/server/src/modules/demo/generator.ts';
import { percentile, report } from './report.ts';

const { values } = parseArgs({
  options: { clients: { type: 'string', default: '200' }, seconds: { type: 'string', default: '60' } },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
if (!process.env.DATABASE_URL) console.error('DATABASE_URL is not set: this runs on PGlite, not the target setup.');

const today = new Date().toISOString().slice(0, 10);
const server = spawn(process.execPath, ['--import', 'tsx', 'bench/api-server.ts'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, BENCH_VISITS_FROM: today },
});
const info = await new Promise<{ port: number; database: string; description: string }>((resolve, reject) => {
  createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const base = `http://127.0.0.1:${info.port}`;
console.log(`Server on ${base} with ${info.description}`);

interface Helper {
  cookie: string;
  csrf: string;
  teamId: string;
  people: string[];
  /** Open visits with the version the day list showed (a completion names it). */
  visits: { id: string; version: number }[];
}

/** Logs in a helper and collects what their clients will use: the team's people, their own open visits. */
async function prepare(username: string): Promise<Helper> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`log-in as ${username}: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const me = (await res.json()) as { csrfToken: string; teamIds: string[] };
  const get = async (path: string) => (await fetch(`${base}${path}`, { headers: { cookie } })).json();
  const people = ((await get(`/api/teams/${me.teamIds[0]}/recipients`)) as { id: string }[]).map((p) => p.id);
  const visits: Helper['visits'] = [];
  for (let d = 0; d < 14; d++) {
    const date = new Date(Date.parse(today) + d * 86_400_000).toISOString().slice(0, 10);
    const day = (await get(`/api/me/day?date=${date}`)) as { id: string; status: string; version: number }[];
    visits.push(...day.filter((v) => v.status === 'planned').map((v) => ({ id: v.id, version: v.version })));
  }
  return { cookie, csrf: me.csrfToken, teamId: me.teamIds[0], people, visits };
}

const district = generateDistrict(FULL);
const helpers: Helper[] = [];
for (const u of district.users.filter((u) => u.role === 'member')) helpers.push(await prepare(u.username));
const open = helpers.reduce((n, h) => n + h.visits.length, 0);
console.log(
  `${helpers.length} helpers logged in, ${open} open visits to document; ${clients} clients for ${seconds} s`,
);

type Kind = 'dayList' | 'recordRead' | 'documentVisit' | 'board';
// The usual mix, in tenths: the day list and records most, documentation after each visit, the board now and then.
const MIX: Kind[] = [
  'dayList',
  'recordRead',
  'dayList',
  'recordRead',
  'documentVisit',
  'recordRead',
  'dayList',
  'board',
  'recordRead',
  'documentVisit',
];

// Clients sharing a helper split the helper's visits between them, so no visit is documented twice.
const perHelper = (c: number) => Math.ceil((clients - (c % helpers.length)) / helpers.length);
const latencies: Record<Kind, number[]> = { dayList: [], recordRead: [], documentVisit: [], board: [] };
const failures: Record<Kind, number> = { dayList: 0, recordRead: 0, documentVisit: 0, board: 0 };
const failureSamples: string[] = [];
let socketErrors = 0;
const agent = new Agent({ keepAlive: true, maxSockets: clients });

/** One request on a kept-alive connection; resolves to the status and body. */
function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent, timeout: 30_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** One client, closed loop: the next request leaves when the answer to the last has come. */
async function client(c: number, until: number) {
  const h = helpers[c % helpers.length];
  const slot = Math.floor(c / helpers.length);
  const visits = h.visits.filter((_, i) => i % perHelper(c) === slot);
  for (let step = c; performance.now() < until; step++) {
    let kind = MIX[step % MIX.length];
    if (kind === 'documentVisit' && visits.length === 0) kind = 'recordRead';
    const person = h.people[step % h.people.length];
    const date = new Date(Date.parse(today) + (step % 14) * 86_400_000).toISOString().slice(0, 10);
    const headers: Record<string, string> = { cookie: h.cookie };
    const t0 = performance.now();
    try {
      const res =
        kind === 'dayList'
          ? await send('GET', `/api/me/day?date=${date}`, headers)
          : kind === 'recordRead'
            ? await send('GET', `/api/recipients/${person}`, headers)
            : kind === 'board'
              ? await send('GET', `/api/teams/${h.teamId}/board`, headers)
              : await (async () => {
                  const visit = visits.shift()!;
                  return send(
                    'POST',
                    `/api/visits/${visit.id}/complete`,
                    { ...headers, 'content-type': 'application/json', 'x-csrf-token': h.csrf },
                    JSON.stringify({ version: visit.version, allAsPlanned: true }),
                  );
                })();
      latencies[kind].push(performance.now() - t0);
      if (res.status >= 300) {
        failures[kind]++;
        if (failureSamples.length < 5) failureSamples.push(`${kind} ${res.status} ${res.body.slice(0, 160)}`);
      }
    } catch (err) {
      socketErrors++;
      if (failureSamples.length < 5) failureSamples.push(`${kind} ${(err as Error).message}`);
    }
  }
}

const until = performance.now() + seconds * 1000;
await Promise.all(Array.from({ length: clients }, (_, c) => client(c, until)));
agent.destroy();
server.kill('SIGTERM');

const all = Object.values(latencies).flat();
const round = (n: number) => +n.toFixed(1);
const rows = (Object.keys(latencies) as Kind[]).map((kind) => ({
  kind,
  requests: latencies[kind].length,
  errors: failures[kind],
  p50Ms: round(percentile(latencies[kind], 50)),
  p95Ms: round(percentile(latencies[kind], 95)),
  p99Ms: round(percentile(latencies[kind], 99)),
}));
const errors = socketErrors + Object.values(failures).reduce((a, b) => a + b, 0);
report('load', rows, {
  database: info.database,
  clients,
  seconds,
  requests: all.length,
  rps: Math.round(all.length / seconds),
  errors,
  p50Ms: round(percentile(all, 50)),
  p95Ms: round(percentile(all, 95)),
  p99Ms: round(percentile(all, 99)),
  byKind: Object.fromEntries(rows.map(({ kind, ...r }) => [kind, r])),
  socketErrors,
  loadAverage1m: +loadavg()[0].toFixed(2),
  target: { errors: 0 },
});
if (failureSamples.length) console.error(`Failures, first ${failureSamples.length}:\n  ${failureSamples.join('\n  ')}`);
console.log(`${all.length} requests, ${errors} errors, p95 ${round(percentile(all, 95))} ms`);
