/**
 * A real OpenID provider for tests: panva's `oidc-provider`, in this process on a free port of
 * 127.0.0.1, with its own signing key and its development log-in and consent pages (any login
 * name is accepted and becomes the subject; the `pid` claim carries the same value, as
 * ID-porten's national identity number). It issues real signed ID tokens.
 *
 * To show that Tillit refuses a provider's bad answer, a test may make the provider misbehave
 * (`misbehave`): the ID token in the token response is rewritten (its audience, expiry,
 * issuer) and signed again with the provider's own key, or signed with a key it never
 * published. Tillit's code is not touched: what it meets is what such a provider would send.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import Provider from 'oidc-provider';

export interface TestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface Misbehaviour {
  /** Changes the ID token's claims; the provider signs the result again with its published key. */
  claims?: (claims: JWTPayload) => JWTPayload;
  /** Signs the ID token with a key the provider never published (same key id). */
  foreignKey?: boolean;
}

export interface TestProvider {
  issuer: string;
  misbehave: Misbehaviour;
  /** Follows the provider from an authorization address through its log-in and consent pages; the address it sends the browser back to. */
  logIn(authorizationUrl: URL, login: string): Promise<URL>;
  close(): Promise<void>;
}

const KID = 'test-signing-key';

async function signingKeys() {
  const own = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(own.privateKey)), kid: KID, alg: 'RS256', use: 'sig' };
  return { jwk, own: own.privateKey, foreign: foreign.privateKey };
}

/** `port` 0 takes a free one (database tests); the browser test names its own, which the app is configured with. */
export async function startTestProvider(clients: TestClient[], port = 0): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keys = await signingKeys();
  const misbehave: Misbehaviour = {};
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({ ...c })),
    jwks: { keys: [keys.jwk] } as never,
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, pid: id }) }),
    claims: { openid: ['sub', 'pid'] },
    // The claims go in the ID token, as ID-porten puts `pid` there.
    conformIdTokenClaims: false,
    cookies: { keys: ['test-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 3600 },
    features: { devInteractions: { enabled: true } },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || !body?.id_token || (!misbehave.claims && !misbehave.foreignKey)) return;
    const claims = (misbehave.claims ?? ((c) => c))(decodeJwt(body.id_token));
    body.id_token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .sign(misbehave.foreignKey ? keys.foreign : keys.own);
  });
  server.on('request', provider.callback());
  return {
    issuer,
    misbehave,
    logIn: (url, login) => driveInteractions(url, login),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A browser's part at the provider, by plain HTTP: follows redirects with the provider's
 * cookies, posts the log-in form (prompt=login) and the consent form (prompt=consent), and
 * stops at the first redirect that leaves the provider.
 */
async function driveInteractions(start: URL, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  let form: URLSearchParams | null = null;
  for (let step = 0; step < 12; step++) {
    const res: Response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: form ?? undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== start.origin) return next;
      url = next;
      form = null;
      continue;
    }
    const html: string = await res.text();
    const prompt: string | undefined = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!prompt) throw new Error(`the provider answered ${res.status} without a form: ${html.slice(0, 300)}`);
    form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    url = new URL(/action="([^"]+)"/.exec(html)![1]!, url);
  }
  throw new Error('the provider never sent the browser back');
}
