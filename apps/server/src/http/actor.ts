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
