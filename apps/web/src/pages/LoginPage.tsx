import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuthConfig, ssoErrorCodes, type SsoErrorCode } from '@tillit/contracts';
import { useSearchParams } from 'react-router';
import { api, ApiError, type Me } from '../api.ts';
import { FieldError, Required, useFieldProblems } from '../components/fields.tsx';

const FIELDS = ['username', 'password'];

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The demo password is shown only by a server that runs with the demo district.
  const [demoLogins, setDemoLogins] = useState(false);
  const [sso, setSso] = useState<AuthConfig['sso']>({ staff: false, eid: false });
  useEffect(() => {
    api<AuthConfig>('GET', '/api/auth/config').then(
      (c) => {
        setDemoLogins(c.demoLogins);
        setSso(c.sso);
      },
      () => setDemoLogins(false),
    );
  }, []);
  // A single sign-on that logged nobody in comes back here with its reason (oidc.routes.ts).
  const [params] = useSearchParams();
  const ssoError = ssoErrorCodes.find((c) => c === params.get('sso_error')) as SsoErrorCode | undefined;
  const [invalid, setInvalid] = useState<ApiError | null>(null);
  const f = useFieldProblems(invalid, '', FIELDS, 'login');
  useEffect(() => {
    document.title = `${t('login.title')} – Tillit`;
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setInvalid(null);
    try {
      onLoggedIn(await api<Me>('POST', '/api/auth/login', { username, password }));
    } catch (err) {
      // A field left empty is said at that field; a wrong password never says which of the two was wrong.
      if (err instanceof ApiError && err.status === 400 && err.body.fields?.length) setInvalid(err);
      else setError(err instanceof ApiError && err.status === 429 ? t('login.limited') : t('login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow">
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('app.tagline')}</p>
      {ssoError && (
        <p role="alert" className="alert alert-error">
          {t(`sso.errors.${ssoError}`)}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <label htmlFor="username">
          {t('login.username')}
          <Required />
        </label>
        <input
          {...f.input('username')}
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
        <FieldError id="username" message={f.message('username')} />
        <label htmlFor="password">
          {t('login.password')}
          <Required />
        </label>
        <input
          {...f.input('password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <FieldError id="password" message={f.message('password')} />
        {error && (
          <p role="alert" className="alert alert-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <SsoLinks sso={sso} />
      {demoLogins && <p className="muted small">{t('login.demoHint')}</p>}
    </section>
  );
}

/** The single sign-on links the server is configured for (GET /api/auth/config), after the password form. */
function SsoLinks({ sso }: { sso: AuthConfig['sso'] }) {
  const { t } = useTranslation();
  if (!sso.staff && !sso.eid) return null;
  return (
    <>
      <h2 className="sso-or">{t('sso.other')}</h2>
      {/* Links, not buttons: each leaves for the provider's own log-in page. */}
      <ul className="sso-links">
        {sso.staff && (
          <li>
            <a className="sso-link" href="/api/auth/oidc/staff/start">
              {t('sso.staff')}
            </a>
          </li>
        )}
        {sso.eid && (
          <li>
            <a className="sso-link" href="/api/auth/oidc/eid/start">
              {t('sso.eid')}
            </a>
          </li>
        )}
      </ul>
    </>
  );
}
