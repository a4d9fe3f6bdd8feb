/**
 * Accounts: log-in, log-out and who is logged in. The server validates with these schemas
 * (input, and output through the zod serializer); the web app and the CLI take their types.
 */
import { z } from 'zod';

/** POST /api/auth/login */
export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginBody>;

/** GET /api/auth/me and the answer to a log-in: the user, today's teams, and the CSRF token for changes. */
export const meResponse = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['member', 'leader', 'admin', 'citizen']),
  staffId: z.string().nullable(),
  teamIds: z.array(z.string()),
  csrfToken: z.string(),
  /** Seconds until the session ends unless renewed: the app warns a few minutes before (WCAG 2.2.1). */
  sessionSecondsLeft: z.number().int().nonnegative(),
});
export type Me = z.infer<typeof meResponse>;

/** POST /api/auth/session/renew: the session extended; seconds left from now. */
export const renewResponse = z.object({ sessionSecondsLeft: z.number().int().nonnegative() });
export type Renewed = z.infer<typeof renewResponse>;

/** POST /api/auth/logout */
export const logoutResponse = z.object({ ok: z.literal(true) });

/** GET /api/auth/config: what the log-in page may say before anyone is logged in. */
export const authConfigResponse = z.object({
  /** The server runs with the demo district and its published password (never on a real installation). */
  demoLogins: z.boolean(),
});
export type AuthConfig = z.infer<typeof authConfigResponse>;
