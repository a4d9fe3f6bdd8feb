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
  /** Which single sign-on buttons to show: the providers this server is configured for. */
  sso: z.object({ staff: z.boolean(), eid: z.boolean() }),
});
export type AuthConfig = z.infer<typeof authConfigResponse>;

/** The OpenID providers Tillit can log in through: the municipality's own (staff) and a national eID (ID-porten). */
export const ssoProviders = ['staff', 'eid'] as const;
export const ssoProvider = z.enum(ssoProviders);
export type SsoProvider = z.infer<typeof ssoProvider>;

/** GET /api/auth/oidc/:provider/start and /callback */
export const ssoParams = z.object({ provider: ssoProvider });

/**
 * Why a single sign-on did not log anyone in: the callback sends the browser to
 * `/login?sso_error=<code>` and the log-in page says it in words.
 */
export const ssoErrorCodes = [
  /** The state was unknown, used already, expired, or started in another browser. */
  'sso_state',
  /** The person stopped at the provider, or the provider said no. */
  'sso_cancelled',
  /** The provider's answer did not pass the checks (token, issuer, audience, expiry, nonce, PKCE). */
  'sso_refused',
  /** The identity is not linked to any user here: ask the administrator. */
  'sso_unknown_user',
  /** The linked user is switched off. */
  'sso_disabled',
  /** The provider could not be reached. */
  'sso_unavailable',
] as const;
export type SsoErrorCode = (typeof ssoErrorCodes)[number];

/** POST /api/admin/users/:userId/identities: an administrator links a user to their subject at the staff provider. */
export const linkIdentityParams = z.object({ userId: z.uuid() });
export const linkIdentityBody = z.object({
  provider: z.literal('staff'),
  /** The provider's `sub` for this person, as its administrator reads it in the provider. */
  subject: z.string().trim().min(1).max(255),
});
export type LinkIdentityInput = z.infer<typeof linkIdentityBody>;
export const linkIdentityResponse = z.object({ provider: ssoProvider, userId: z.string(), createdAt: z.string() });

/** DELETE /api/admin/users/:userId/identities/:provider */
export const unlinkIdentityParams = z.object({ userId: z.uuid(), provider: ssoProvider });
export const unlinkIdentityResponse = z.object({ removed: z.number().int().nonnegative() });
