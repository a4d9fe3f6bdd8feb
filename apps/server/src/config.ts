import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { LoginLimits, OidcSettings } from './modules/accounts/index.ts';
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
  /** Failed log-ins allowed per username and per client address before a growing lockout. */
  loginLimits: LoginLimits;
  /**
   * Addresses or CIDR ranges of the reverse proxies whose `X-Forwarded-For` and
   * `X-Forwarded-Proto` are believed; false: the client's own address is used (the default).
   */
  trustProxy: string[] | false;
  /** Send Strict-Transport-Security on answers that came over HTTPS (directly or through a trusted proxy). */
  hsts: boolean;
  /** Requests per address per window to each route open without a session (log-in, survey and «Hvem kommer?» links). */
  publicRateLimit: { max: number; windowMs: number };
  logLevel: string;
  /** Run plan jobs in this process (the queue itself always accepts them). */
  planningWorker: boolean;
  /** Worker threads the optimizer uses for one plan run. */
  planningThreads: number;
  /**
   * The demo district with its published password was loaded on this start (`serve` sets it);
   * only then does the log-in page show the demo log-ins.
   */
  demoLogins: boolean;
  /**
   * Single sign-on through OpenID Connect (modules/accounts/oidc.ts): the municipality's own
   * identity provider for staff, a national eID provider (ID-porten) for people served.
   * A provider left out is off; none configured: only local log-ins.
   */
  oidc: OidcSettings;
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
    loginLimits: {
      perUser: Number(env.TILLIT_LOGIN_MAX ?? 10),
      perAddress: Number(env.TILLIT_LOGIN_ADDRESS_MAX ?? 20),
      windowMs: 15 * 60 * 1000,
    },
    trustProxy: parseTrustProxy(env.TILLIT_TRUST_PROXY),
    hsts: env.TILLIT_HSTS !== 'false',
    publicRateLimit: { max: Number(env.TILLIT_PUBLIC_MAX ?? 60), windowMs: 60 * 1000 },
    logLevel: env.LOG_LEVEL ?? 'warn',
    planningWorker: env.TILLIT_PLANNING_WORKER !== 'false',
    planningThreads: Number(env.TILLIT_PLANNING_THREADS ?? Math.min(2, availableParallelism())),
    demoLogins: false,
    oidc: { staff: oidcProvider(env, 'STAFF', 'sub'), eid: oidcProvider(env, 'EID', 'pid') },
    clock: systemClock,
  };
}

/**
 * `TILLIT_TRUST_PROXY`: a comma-separated list of the proxies' addresses or CIDR ranges.
 * Trusting every sender is refused: any client could then choose its own address with
 * `X-Forwarded-For` and escape the log-in limit.
 */
export function parseTrustProxy(value: string | undefined): string[] | false {
  const list = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0 || (list.length === 1 && list[0] === 'false')) return false;
  const bad = list.find((s) => !/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(s));
  if (bad !== undefined)
    throw new Error(`TILLIT_TRUST_PROXY: "${bad}" is not an address or CIDR range; list the proxies' addresses`);
  return list;
}

/**
 * One OpenID provider from `TILLIT_OIDC_<KIND>_*`: none of its settings set means off; the
 * issuer, client id and redirect address set only in part is a mistake said at start.
 */
export function oidcProvider(env: NodeJS.ProcessEnv, kind: 'STAFF' | 'EID', subjectClaim: string) {
  const get = (name: string) => env[`TILLIT_OIDC_${kind}_${name}`]?.trim() || undefined;
  const issuer = get('ISSUER');
  const clientId = get('CLIENT_ID');
  const redirectUri = get('REDIRECT_URI');
  if (!issuer && !clientId && !redirectUri) return undefined;
  if (!issuer || !clientId || !redirectUri)
    throw new Error(`TILLIT_OIDC_${kind}_ISSUER, _CLIENT_ID and _REDIRECT_URI must be set together`);
  return {
    issuer,
    clientId,
    clientSecret: get('CLIENT_SECRET'),
    redirectUri,
    scope: get('SCOPE') ?? 'openid',
    subjectClaim: get('SUBJECT_CLAIM') ?? subjectClaim,
    acrValues: get('ACR_VALUES'),
    // Plain HTTP to the provider only when asked for by name (a provider on this machine in development).
    allowInsecureHttp: env.TILLIT_OIDC_ALLOW_HTTP === 'true',
  };
}
