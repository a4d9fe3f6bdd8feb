import type { Actor } from './actor.ts';

/**
 * The access vocabulary every route declares in its Fastify `config.access`. The gate
 * (gate.ts) reads it from the matched route: it refuses routes without one, asks for a
 * session on everything but `public`, and rate-limits `public` routes per address. The
 * decision about a person's record or a team stays in the repositories and the policy
 * (modules/access/access.policy.ts); the declaration says which rule they apply, and the
 * access matrix (access.matrix.db.test.ts) calls every route as every kind of actor to
 * prove the two agree.
 */
export type Role = Actor['role'];

/** What a declared parameter names, so tests (and readers) know which row it points to. */
export type Subject =
  | 'recipient'
  | 'visit'
  | 'measure'
  | 'conditionChange'
  | 'serviceDecision'
  | 'incident'
  | 'serviceRequest'
  | 'medication'
  | 'dose'
  | 'pillOrganiserFill'
  | 'team'
  | 'planRun'
  | 'planLock'
  | 'rotaEntry'
  | 'absence';

/**
 * What a record route does with the person's record, as the policy names it (RecordAction):
 * `read` and `write` are open to the serving team and to clinical staff under emergency
 * access; `serve` only to the serving team; `breakGlass` asks for emergency access itself.
 */
export type RecordUse = 'read' | 'write' | 'serve' | 'breakGlass';

/** A per-address limit for routes open without a session (@fastify/rate-limit route config). */
export interface PublicLimit {
  max: number;
  timeWindow: number;
}

export type Access =
  /**
   * Open without a session. `rateLimit: undefined` takes the server's default per-address limit;
   * `false` is for the health probes only (a load balancer refused with 429 would take the server
   * out of service), and the route-table test lists them.
   */
  | { kind: 'public'; rateLimit?: PublicLimit | false }
  /** Any logged-in user; the data is the user's own or scoped to them. */
  | { kind: 'session' }
  /** `param` names a person's record (directly or through `of`); the record policy decides. */
  | { kind: 'record'; param: string; of: Subject; use: RecordUse }
  /** `param` names a team (directly or through `of`, or in the body); only its members. */
  | { kind: 'teamMember'; param: string; of: Subject; in: 'params' | 'body' }
  /** Team-level figures: the team's members, leaders of its district and administrators. */
  | { kind: 'teamLevel'; param: string; of: Subject }
  /** Only users with one of these roles (never `citizen`: citizens reach `citizen` routes only). */
  | { kind: 'roles'; roles: Role[] }
  /**
   * «Min side» (modules/portal): only citizens, i.e. a person served or one of their next of
   * kin logged in with the role `citizen`. The route takes no person from the URL: the person
   * is the one the actor's portal account names, and a next of kin needs the person's live
   * consent (checked on every request by the portal repository). The gate refuses staff here,
   * and refuses citizens everywhere else but the auth routes in `CITIZEN_SESSION_ROUTES`
   * (gate.ts), both with a `denied` audit row.
   */
  | { kind: 'citizen' }
  /**
   * FHIR R4 (/fhir/R4): a bearer token whose SMART scopes allow `mode` on `resource`; the token
   * acts as its bound user, so the repository then applies the record policy as for that user.
   */
  | { kind: 'fhir'; resource: string; mode: 'read' | 'write' };

export const access = {
  public: (rateLimit?: PublicLimit | false): Access => ({ kind: 'public', rateLimit }),
  session: (): Access => ({ kind: 'session' }),
  record: (param: string, use: RecordUse = 'read', of: Subject = 'recipient'): Access => ({
    kind: 'record',
    param,
    of,
    use,
  }),
  team: (param: string, of: Subject = 'team', where: 'params' | 'body' = 'params'): Access => ({
    kind: 'teamMember',
    param,
    of,
    in: where,
  }),
  teamLevel: (param: string, of: Subject = 'team'): Access => ({ kind: 'teamLevel', param, of }),
  roles: (...roles: Exclude<Role, 'citizen'>[]): Access => ({ kind: 'roles', roles }),
  citizen: (): Access => ({ kind: 'citizen' }),
  fhir: (resource: string, mode: 'read' | 'write' = 'read'): Access => ({ kind: 'fhir', resource, mode }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; every /api route declares it (routes.table.test.ts). */
    access?: Access;
  }
}
