/**
 * `npm run bench:api`: 50 concurrent clients against the record read, the team's list of
 * people served and the health route of a full-size district (600 people, 120 staff), then
 * an open-loop run of record reads at a fixed rate. On a shared machine a closed-loop p95
 * moves with the neighbours' load, so the figures that hold are relative or rate-fixed:
 * - recordReadHealthRatio: record reads per second / health (one SELECT 1) per second in the
 *   same run (target ≥ 0.4);
 * - recordReadP95MsAt300: p95 of record reads sent at a fixed 300 per second whatever the
 *   answers do, measured from when each was due (target ≤ 50 ms on PostgreSQL).
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { cpuNow } from './cpu.ts';
import { percentile, report } from './report.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rate: { type: 'string', default: '300' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const rate = Number(values.rate);

const server = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    '--import',
    'tsx',
    'bench/api-server.ts',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const info = await new Promise<{ port: number; database: string; description: string }>((resolve, reject) => {
  createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const base = `http://127.0.0.1:${info.port}`;
console.log(`Server on ${base} with ${info.description}`);

async function login(username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'tillit-demo' }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const me = (await res.json()) as { teamIds: string[] };
  return { cookie, teamId: me.teamIds[0] };
}

const { cookie, teamId } = await login('sykepleier');
const people = (await (await fetch(`${base}/api/teams/${teamId}/recipients`, { headers: { cookie } })).json()) as {
  id: string;
}[];
console.log(`Team has ${people.length} people served; ${connections} connections, ${duration} s per endpoint`);

interface Slice {
  requests: number;
  seconds: number;
  latencies: number[];
  errors: number;
  serverCpuMs: number;
  databaseCpuMs: number;
}

const databaseName = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).pathname.slice(1) : undefined;

/** Closed loop for `seconds`: `connections` clients, each sending its next request when the last is answered. */
async function drive(paths: string[], seconds: number): Promise<Slice> {
  let i = 0;
  const latencies: number[] = [];
  const cpu0 = cpuNow(server.pid!, databaseName);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        headers: { cookie },
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const cpu1 = cpuNow(server.pid!, databaseName);
  return {
    requests: result.requests.total,
    seconds,
    latencies,
    errors: result.non2xx + result.errors,
    serverCpuMs: cpu1.serverMs - cpu0.serverMs,
    databaseCpuMs: cpu1.databaseMs - cpu0.databaseMs,
  };
}

function row(endpoint: string, slices: Slice[]) {
  const latencies = slices.flatMap((s) => s.latencies);
  const requests = slices.reduce((n, s) => n + s.requests, 0);
  return {
    endpoint,
    requests,
    rps: Math.round(requests / slices.reduce((n, s) => n + s.seconds, 0)),
    p50Ms: +percentile(latencies, 50).toFixed(1),
    p95Ms: +percentile(latencies, 95).toFixed(1),
    p99Ms: +percentile(latencies, 99).toFixed(1),
    errors: slices.reduce((n, s) => n + s.errors, 0),
    /** CPU per request, in microseconds: the server process, and PostgreSQL's backends for this database. */
    serverCpuUs: Math.round((1000 * slices.reduce((n, s) => n + s.serverCpuMs, 0)) / requests),
    databaseCpuUs: Math.round((1000 * slices.reduce((n, s) => n + s.databaseCpuMs, 0)) / requests),
  };
}

/**
 * Open loop: request i is due at start + i/rate and leaves then (or as soon as the event loop
 * can), however many answers are outstanding; latency counts from when it was due, so a
 * slow server cannot hide its queue by slowing the sender (no coordinated omission).
 */
async function fixedRate(paths: string[], perSecond: number, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(perSecond * seconds);
  const latencies: number[] = [];
  let errors = 0;
  let late = 0;
  const start = performance.now() + 50;
  const pending: Promise<void>[] = [];
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const due = start + (i * 1000) / perSecond;
      if (performance.now() - due > 5) late++;
      const req = request(`${base}${paths[i % paths.length]}`, { agent, headers: { cookie } }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - due);
          if ((res.statusCode ?? 0) >= 300) errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  for (let i = 0; i < total; ) {
    const dueNow = Math.min(total, Math.floor(((performance.now() - start) * perSecond) / 1000) + 1);
    while (i < dueNow) pending.push(one(i++));
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  agent.destroy();
  return {
    endpoint: `GET /api/recipients/:id at ${perSecond}/s (open loop)`,
    requests: total,
    rps: perSecond,
    p50Ms: +percentile(latencies, 50).toFixed(1),
    p95Ms: +percentile(latencies, 95).toFixed(1),
    p99Ms: +percentile(latencies, 99).toFixed(1),
    errors,
    /** Requests the sender itself started more than 5 ms after they were due (the generator's own lag). */
    late,
  };
}

try {
  // A short warm-up so JIT and connection pools are settled before measuring.
  await autocannon({
    url: `${base}/api/recipients/${people[0].id}`,
    connections: 10,
    duration: 2,
    headers: { cookie },
  });
  // Health and record reads take turns in 2-second slices, so the neighbours' load on a shared
  // machine weighs on both alike and their ratio holds.
  const healthSlices: Slice[] = [];
  const recordSlices: Slice[] = [];
  const recordPaths = people.map((p) => `/api/recipients/${p.id}`);
  for (let s = 0; s < Math.max(1, Math.round(duration / 2)); s++) {
    healthSlices.push(await drive(['/api/health'], 2));
    recordSlices.push(await drive(recordPaths, 2));
  }
  const health = row('GET /api/health', healthSlices);
  const record = row('GET /api/recipients/:id', recordSlices);
  const teamList = row('GET /api/teams/:id/recipients', [await drive([`/api/teams/${teamId}/recipients`], duration)]);
  const openLoop = await fixedRate(recordPaths, rate, duration);
  const rows = [health, teamList, record, openLoop];
  report('api', rows, {
    recordReadHealthRatio: +(record.rps / health.rps).toFixed(3),
    recordReadP95MsAt300: rate === 300 ? openLoop.p95Ms : undefined,
    openLoopRate: rate,
    openLoopP95Ms: openLoop.p95Ms,
    openLoopLate: openLoop.late,
    database: info.database,
    connections,
    durationSeconds: duration,
    recordReadP95Ms: record.p95Ms,
    recordReadP50Ms: record.p50Ms,
    recordReadRps: record.rps,
    recordReadCpuUs: { server: record.serverCpuUs, database: record.databaseCpuUs },
    healthCpuUs: { server: health.serverCpuUs, database: health.databaseCpuUs },
    teamListP95Ms: teamList.p95Ms,
    teamListRps: teamList.rps,
    healthRps: health.rps,
    healthP95Ms: health.p95Ms,
    errors: rows.reduce((n, r) => n + r.errors, 0),
    loadAverage1m: +loadavg()[0].toFixed(2),
    target: { recordReadHealthRatio: 0.4, recordReadP95MsAt300: 50, on: 'postgresql' },
  });
  if (rows.some((r) => r.errors > 0)) console.error('Some requests failed; the figures are not trustworthy.');
} finally {
  server.kill('SIGTERM');
}
