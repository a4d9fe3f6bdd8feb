/** Who is acting: the logged-in user as the data layer sees them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: 'member' | 'leader' | 'admin';
  staffId: string | null;
  districtId: string | null;
  /** Teams the user's staff member belongs to today. */
  teamIds: string[];
  /** The moment this request acts at, read once from the app's clock (config.clock). */
  now: Date;
  /** Its date in Oslo: the request's "today" everywhere in the data layer (teamIds are for this day). */
  today: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every route that is not marked public. */
    actor: Actor;
    csrfToken: string;
  }
  interface FastifyContextConfig {
    /** Routes open without a session (health, log-in). */
    public?: boolean;
  }
}
