import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { wipe } from '../cli/demo.ts';
import { migrateDatabase, openDatabase } from '../db/client.ts';
import { loadDistrict } from '../modules/demo/demo.loader.ts';
import { DEMO_PASSWORD, generateDistrict } from '../modules/demo/generator.ts';

/**
 * Real server processes for the tests that need them (crash, two servers): the `tillit serve`
 * a municipality runs, on PostgreSQL when DATABASE_URL is set, else on an embedded folder.
 */
const tillit = path.resolve(import.meta.dirname, '../../../../cli/tillit.mjs');

/** The environment a server needs to reach the test's database. */
export type DatabaseEnv = { DATABASE_URL: string; TILLIT_DATA_DIR?: string };

/** A fresh database with a small demo district, closed again so that servers can open it. */
export async function prepareDatabase(): Promise<DatabaseEnv> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : mkdtempSync(path.join(tmpdir(), 'tillit-proc-'));
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    if (databaseUrl) {
      await wipe(database.db);
      await database.db.execute(sql`DROP SCHEMA IF EXISTS pgboss CASCADE`);
    }
    await migrateDatabase(database);
    const today = new Date().toISOString().slice(0, 10);
    await loadDistrict(
      database.db,
      generateDistrict({ teams: 2, staffPerTeam: [6, 6], recipients: 24 }, 3),
      undefined,
      today,
    );
  } finally {
    await database.close();
  }
  return databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', TILLIT_DATA_DIR: dataDir };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the server wrote (stdout and stderr), for a failing test's message and its hints. */
  output: () => string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit: a power cut as far as the process knows. */
  kill(): Promise<void>;
}

/**
 * Starts `tillit serve` (by default with `--no-demo`; `args` replaces that) and resolves once
 * /api/health/ready answers 200. `output()` holds what it wrote to stdout and stderr.
 */
export async function startServer(
  env: DatabaseEnv & Record<string, string>,
  args: string[] = ['--no-demo'],
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [tillit, 'serve', ...args, '--no-web-build'], {
    env: {
      ...process.env,
      TILLIT_LOGIN_MAX: '10000',
      TILLIT_LOGIN_ADDRESS_MAX: '100000',
      LOG_LEVEL: 'warn',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const collect = (d: Buffer) => {
    stderr += d;
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode) throw new Error(`server exited before ready:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready in 90 s:\n${stderr}`);
    }
    const ok = await fetch(`${url}/api/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && !child.signalCode) child.kill(signal);
    await exited;
  };
  return { url, child, output: () => stderr, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** A user logged in over HTTP: the session cookie and CSRF token, as the web app holds them. */
export async function logInOver(url: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`log-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const me = (await res.json()) as { csrfToken: string; teamIds: string[] };
  return { cookie, csrf: me.csrfToken, teamIds: me.teamIds };
}

export type Session = Awaited<ReturnType<typeof logInOver>>;

/** One request as a session, against any server (sessions live in the shared database). */
export async function call(url: string, session: Session, method: string, route: string, body?: unknown) {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf, 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Runs `tillit <args>` against the test's database; resolves to its exit code and output. */
export function runTillit(env: DatabaseEnv, ...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tillit, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout!.on('data', (d) => {
      stdout += d;
    });
    child.once('exit', (code) => resolve({ code: code ?? 1, stdout }));
  });
}
