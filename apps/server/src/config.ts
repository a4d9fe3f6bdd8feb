import { availableParallelism } from 'node:os';
import path from 'node:path';
import { type Clock, systemClock } from './time/clock.ts';

/** Everything the server reads from the environment, in one place. */
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Secure cookies need HTTPS; on by default in production. */
  secureCookies: boolean;
  sessionHours: number;
  emergencyAccessMinutes: number;
  /** How long a «Hvem kommer?» link works. */
  visitingLinkDays: number;
  /** Log-in attempts allowed per username and address per window. */
  loginRateLimit: { max: number; windowMs: number };
  /** Requests per address per window to each route open without a session (survey and «Hvem kommer?» links). */
  publicRateLimit: { max: number; windowMs: number };
  logLevel: string;
  /** Run plan jobs in this process (the queue itself always accepts them). */
  planningWorker: boolean;
  /** Worker threads the optimizer uses for one plan run. */
  planningThreads: number;
  /** The one clock every calendar decision reads (time/clock.ts); tests set their own. */
  clock: Clock;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TILLIT_DATA_DIR ?? './data'),
    secureCookies: env.TILLIT_SECURE_COOKIES ? env.TILLIT_SECURE_COOKIES === 'true' : env.NODE_ENV === 'production',
    sessionHours: Number(env.TILLIT_SESSION_HOURS ?? 12),
    emergencyAccessMinutes: Number(env.TILLIT_EMERGENCY_MINUTES ?? 120),
    visitingLinkDays: Number(env.TILLIT_VISITING_LINK_DAYS ?? 30),
    loginRateLimit: { max: Number(env.TILLIT_LOGIN_MAX ?? 10), windowMs: 15 * 60 * 1000 },
    publicRateLimit: { max: Number(env.TILLIT_PUBLIC_MAX ?? 60), windowMs: 60 * 1000 },
    logLevel: env.LOG_LEVEL ?? 'warn',
    planningWorker: env.TILLIT_PLANNING_WORKER !== 'false',
    planningThreads: Number(env.TILLIT_PLANNING_THREADS ?? Math.min(2, availableParallelism())),
    clock: systemClock,
  };
}
