/**
 * `npm run bench:api`: 50 concurrent clients against the record read, the team's list of
 * people served and the health route of a full-size district (600 people, 120 staff).
 * Target: record read p95 ≤ 50 ms on PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { percentile, report } from './report.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);

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

async function drive(name: string, paths: string[]) {
  let i = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration,
        headers: { cookie },
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const errors = result.non2xx + result.errors;
  return {
    endpoint: name,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50Ms: +percentile(latencies, 50).toFixed(1),
    p95Ms: +percentile(latencies, 95).toFixed(1),
    p99Ms: +percentile(latencies, 99).toFixed(1),
    errors,
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
  const health = await drive('GET /api/health', ['/api/health']);
  const teamList = await drive('GET /api/teams/:id/recipients', [`/api/teams/${teamId}/recipients`]);
  const record = await drive(
    'GET /api/recipients/:id',
    people.map((p) => `/api/recipients/${p.id}`),
  );
  const rows = [health, teamList, record];
  report('api', rows, {
    database: info.database,
    connections,
    durationSeconds: duration,
    recordReadP95Ms: record.p95Ms,
    recordReadP50Ms: record.p50Ms,
    recordReadRps: record.rps,
    teamListP95Ms: teamList.p95Ms,
    teamListRps: teamList.rps,
    healthRps: health.rps,
    healthP95Ms: health.p95Ms,
    errors: rows.reduce((n, r) => n + r.errors, 0),
    target: { recordReadP95Ms: 50, on: 'postgresql' },
  });
  if (rows.some((r) => r.errors > 0)) console.error('Some requests failed; the figures are not trustworthy.');
} finally {
  server.kill('SIGTERM');
}
