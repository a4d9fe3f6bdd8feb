/** Who is acting: the logged-in user as the data layer sees them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  /** `citizen`: a person served or their next of kin (modules/portal), let only onto `access.citizen()` routes by the gate. */
  role: 'member' | 'leader' | 'admin' | 'citizen';
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
    /** Set by the gate (gate.ts) on every route whose access is not `public`. */
    actor: Actor;
    csrfToken: string;
  }
}
