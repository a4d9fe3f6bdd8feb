/**
 * Single sign-on: Tillit as an OpenID Connect relying party (authorization code flow with
 * PKCE S256, state and nonce). The token exchange and every check of the ID token (signature
 * against the provider's published keys, issuer, audience, expiry, nonce) are openid-client's;
 * this file keeps the log-in attempt server-side, consumes it once, maps the proven identity
 * to a user, and opens the same session a password log-in opens. See docs/ARCHITECTURE.md
 * «Single sign-on».
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SsoErrorCode, SsoProvider } from '@tillit/contracts';
import { and, eq, lt, sql } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { users } from './accounts.tables.ts';
import { openSession } from './accounts.service.ts';
import { externalIdentities, oidcLoginAttempts } from './oidc.tables.ts';

export interface OidcProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  scope: string;
  /** The ID token claim that names the person: `sub`, or `pid` (national identity number) at ID-porten. */
  subjectClaim: string;
  acrValues?: string;
  allowInsecureHttp: boolean;
}

export type OidcSettings = Partial<Record<SsoProvider, OidcProviderSettings>>;

/** How long a started log-in may take at the provider before its state is refused. */
export const ATTEMPT_MINUTES = 10;

/** A single sign-on that logs nobody in. `reason` is for the log: an error code, never a person's data. */
export class SsoRefusal extends Error {
  constructor(
    readonly code: SsoErrorCode,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export class OidcRelyingParty {
  /** Discovery answers per provider, fetched on first use so the server starts while a provider is down. */
  private readonly configurations = new Map<SsoProvider, Promise<client.Configuration>>();

  constructor(
    private readonly db: Db,
    private readonly settings: OidcSettings,
    private readonly sessionHours: number,
  ) {}

  enabled(provider: SsoProvider): boolean {
    return this.settings[provider] !== undefined;
  }

  private configuration(provider: SsoProvider): Promise<client.Configuration> {
    const cached = this.configurations.get(provider);
    if (cached) return cached;
    const s = this.settings[provider]!;
    const found = client
      .discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, {
        execute: [
          // openid-client trusts an ID token from the token endpoint on TLS alone (OIDC Core
          // 3.1.3.7 allows it); we ask it to check the signature against the provider's keys too.
          client.enableNonRepudiationChecks,
          ...(s.allowInsecureHttp ? [client.allowInsecureRequests] : []),
        ],
      })
      .catch((err: unknown) => {
        // Asked again on the next log-in rather than remembered as broken.
        this.configurations.delete(provider);
        throw new SsoRefusal('sso_unavailable', errorCode(err));
      });
    this.configurations.set(provider, found);
    return found;
  }

  /**
   * Starts a log-in: the attempt (state hashed, nonce, PKCE verifier, browser binding) is stored
   * for ATTEMPT_MINUTES; the browser gets `browserToken` as a cookie and is sent to `url`.
   */
  async start(provider: SsoProvider): Promise<{ url: URL; browserToken: string }> {
    const s = this.settings[provider]!;
    const config = await this.configuration(provider);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const browserToken = randomBytes(24).toString('base64url');
    // Attempts nobody came back from are cleared as new ones start, so the table stays small.
    await this.db.delete(oidcLoginAttempts).where(lt(oidcLoginAttempts.expiresAt, sql`now()`));
    await this.db.insert(oidcLoginAttempts).values({
      stateHash: sha256(state),
      browserHash: sha256(browserToken),
      provider,
      nonce,
      codeVerifier,
      // The database's clock decides expiry, as for sessions.
      expiresAt: sql`now() + make_interval(mins => ${ATTEMPT_MINUTES})`,
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: s.redirectUri,
      scope: s.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(s.acrValues && { acr_values: s.acrValues }),
    });
    return { url, browserToken };
  }

  /**
   * The attempt named by the callback's state, deleted as it is read: of two callbacks with the
   * same state only one gets the row. Expired attempts are deleted too, and refused.
   */
  private async consumeAttempt(provider: SsoProvider, state: string | null, browserToken: string | undefined) {
    if (!state || !browserToken) throw new SsoRefusal('sso_state', 'missing');
    const [attempt] = await this.db
      .delete(oidcLoginAttempts)
      .where(
        and(eq(oidcLoginAttempts.stateHash, sha256(state)), eq(oidcLoginAttempts.browserHash, sha256(browserToken))),
      )
      .returning({
        provider: oidcLoginAttempts.provider,
        nonce: oidcLoginAttempts.nonce,
        codeVerifier: oidcLoginAttempts.codeVerifier,
        live: sql<boolean>`${oidcLoginAttempts.expiresAt} > now()`,
      });
    if (!attempt) throw new SsoRefusal('sso_state', 'unknown_or_used');
    if (attempt.provider !== provider) throw new SsoRefusal('sso_state', 'other_provider');
    if (!attempt.live) throw new SsoRefusal('sso_state', 'expired');
    return { ...attempt, state };
  }

  /**
   * Finishes a log-in from the provider's redirect: consumes the attempt, lets openid-client
   * exchange the code and validate the ID token, maps the subject to a user and opens a session.
   */
  async finish(provider: SsoProvider, query: string, browserToken: string | undefined) {
    const s = this.settings[provider]!;
    // The address the provider redirected to, rebuilt from the setting (a proxy may change host and scheme).
    const currentUrl = new URL(s.redirectUri);
    currentUrl.search = query;
    const attempt = await this.consumeAttempt(provider, currentUrl.searchParams.get('state'), browserToken);
    const config = await this.configuration(provider);
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      if (err instanceof client.AuthorizationResponseError && err.error === 'access_denied')
        throw new SsoRefusal('sso_cancelled', err.error);
      throw new SsoRefusal('sso_refused', errorCode(err));
    }
    const subject = claims?.[s.subjectClaim];
    if (typeof subject !== 'string' || subject === '') throw new SsoRefusal('sso_refused', 'no_subject_claim');
    return this.logInSubject(provider, subject);
  }

  /** The user linked to the subject gets a session; an unknown subject or a switched-off user is refused. */
  private async logInSubject(provider: SsoProvider, subject: string) {
    const [user] = await this.db
      .select({ id: users.id, disabled: users.disabled, displayName: users.displayName })
      .from(externalIdentities)
      .innerJoin(users, eq(users.id, externalIdentities.userId))
      .where(and(eq(externalIdentities.provider, provider), eq(externalIdentities.subject, subject)));
    if (!user) throw new SsoRefusal('sso_unknown_user', 'not_linked');
    if (user.disabled) {
      // The user is known: the refusal is on their audit trail (the subject is not: it may be a national id).
      await appendAudit(this.db, {
        at: new Date(),
        actorUserId: user.id,
        actorName: user.displayName,
        action: 'auth.sso_refused',
        recipientId: null,
        basis: 'denied',
        emergencyAccessId: null,
        details: { provider, reason: 'disabled' },
      });
      throw new SsoRefusal('sso_disabled', 'disabled');
    }
    return openSession(this.db, user.id, this.sessionHours);
  }
}

/**
 * What the log may say about a failed exchange or validation: openid-client's error code and
 * its fixed message (which names the check, e.g. the `aud` claim); never the claims' values,
 * which openid-client keeps in `cause`.
 */
function errorCode(err: unknown): string {
  if (err instanceof client.AuthorizationResponseError || err instanceof client.ResponseBodyError)
    return `${err.code}:${err.error}`;
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    // openid-client wraps oauth4webapi's error, whose fixed message names the check and whose
    // cause names the claim that failed (`aud`, `exp`, `nonce`); the values stay out.
    const inner = err.cause instanceof Error ? err.cause : err;
    const claim = (inner.cause as { claim?: unknown } | undefined)?.claim;
    const which = typeof claim === 'string' ? `:${claim}` : '';
    return `${typeof code === 'string' ? code : err.name}${which}:${inner.message.slice(0, 120)}`;
  }
  return 'unknown';
}
