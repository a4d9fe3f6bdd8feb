import type { PortalOverview } from '@tillit/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldError, useFieldProblems } from '../../components/fields.tsx';
import { formatDateTime } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';

const FIELDS = ['nextOfKinId', 'username', 'password'];

/**
 * On the record page, for the serving team: the person's log-ins to «Min side», consents given
 * or withdrawn in person, and the messages the person sent the team.
 */
export function PortalStaffSection({ recipientId }: { recipientId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { data, error, setData, reload } = useApi<PortalOverview>(`/api/recipients/${recipientId}/portal`);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const consent = async (nextOfKinId: string, given: boolean) => {
    try {
      const answer = await api<Pick<PortalOverview, 'consents'>>(
        'POST',
        `/api/recipients/${recipientId}/portal-consents`,
        {
          nextOfKinId,
          given,
        },
      );
      if (data) setData({ ...data, ...answer });
      setFailed(null);
      announce(t('portal.consents.changed'));
    } catch (err) {
      setFailed(err as ApiError);
    }
  };
  return (
    <section aria-labelledby="portal-staff" className="card stack">
      <h2 id="portal-staff">{t('portal.staff.title')}</h2>
      <ErrorMessage error={error ?? failed} />
      <h3>{t('portal.staff.accounts')}</h3>
      {data && data.accounts.length === 0 && <p>{t('portal.staff.noAccounts')}</p>}
      <ul>
        {data?.accounts.map((a) => (
          <li key={a.username}>
            {a.username} – {a.nextOfKinName ?? t('portal.staff.self')}
          </li>
        ))}
      </ul>
      {data && <NewLogin recipientId={recipientId} overview={data} onMade={() => void reload()} />}
      <h3>{t('portal.consents.title')}</h3>
      <ul className="plain stack-tight">
        {data?.consents.map((c) => (
          <li key={c.nextOfKinId}>
            <strong>{c.name}</strong>: {c.givenAt ? t('portal.consents.given') : t('portal.consents.notGiven')}{' '}
            <button type="button" className="secondary" onClick={() => consent(c.nextOfKinId, !c.givenAt)}>
              {c.givenAt
                ? t('portal.staff.recordRevoked', { name: c.name })
                : t('portal.staff.recordGiven', { name: c.name })}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('portal.staff.messages')}</h3>
      {data && data.messages.length === 0 && <p>{t('portal.staff.noMessages')}</p>}
      <ul>
        {data?.messages.map((m) => (
          <li key={m.id}>
            {formatDateTime(m.sentAt)} – {m.from}: {m.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewLogin({
  recipientId,
  overview,
  onMade,
}: {
  recipientId: string;
  overview: PortalOverview;
  onMade: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [form, setForm] = useState({ nextOfKinId: '', username: '', password: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const f = useFieldProblems(error, 'portal-login-', FIELDS, 'portal.staff');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const made = await api<{ username: string }>('POST', `/api/recipients/${recipientId}/portal-accounts`, {
        username: form.username,
        password: form.password,
        nextOfKinId: form.nextOfKinId || null,
      });
      setForm({ nextOfKinId: '', username: '', password: '' });
      setError(null);
      onMade();
      announce(t('portal.staff.created', { username: made.username }));
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <label htmlFor="portal-login-nextOfKinId">{t('portal.staff.for')}</label>
      <select {...f.input('nextOfKinId')} value={form.nextOfKinId} onChange={set('nextOfKinId')}>
        <option value="">{t('portal.staff.self')}</option>
        {overview.consents.map((k) => (
          <option key={k.nextOfKinId} value={k.nextOfKinId}>
            {k.name} ({k.relation})
          </option>
        ))}
      </select>
      <FieldError id="portal-login-nextOfKinId" message={f.message('nextOfKinId')} />
      <label htmlFor="portal-login-username">{t('portal.staff.username')}</label>
      <input {...f.input('username')} autoComplete="off" value={form.username} onChange={set('username')} />
      <FieldError id="portal-login-username" message={f.message('username')} />
      <label htmlFor="portal-login-password">{t('portal.staff.password')}</label>
      <p id="portal-login-password-hint" className="small">
        {t('portal.staff.passwordHint')}
      </p>
      <input
        {...f.input('password')}
        aria-describedby={['portal-login-password-hint', f.input('password')['aria-describedby']]
          .filter(Boolean)
          .join(' ')}
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={set('password')}
      />
      <FieldError id="portal-login-password" message={f.message('password')} />
      {f.general && <ErrorMessage error={f.general} />}
      <button type="submit">{t('portal.staff.create')}</button>
    </form>
  );
}
