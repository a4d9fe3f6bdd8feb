import { INCIDENT_THEMES, type ReportIncident } from '@tillit/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';

interface Person {
  id: string;
  givenName: string;
  familyName: string;
}
const FIELDS = ['whatHappened', 'consequence', 'immediateAction'] as const;

/** «Meld avvik»: three short fields and, where it applies, the person; sent in under a minute (SCREENS «Avvik»). */
export function ReportIncidentPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const people = useApi<Person[]>(`/api/teams/${id}/recipients`);
  const [theme, setTheme] = useState<ReportIncident['theme']>('fall');
  const [texts, setTexts] = useState<Record<(typeof FIELDS)[number], string>>({
    whatHappened: '',
    consequence: '',
    immediateAction: '',
  });
  const [recipientId, setRecipientId] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    document.title = `${t('incidents.reportTitle')} – Tillit`;
  }, [t]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const body: ReportIncident = { theme, ...texts, anonymous, ...(recipientId ? { recipientId } : {}) };
    try {
      await api('POST', `/api/teams/${id}/incidents`, body);
      setError(null);
      setSent(true);
      setTexts({ whatHappened: '', consequence: '', immediateAction: '' });
    } catch (err) {
      setError(err as ApiError);
      setSent(false);
    }
  };
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`incidents.${f}`)]));
  return (
    <div className="stack">
      <h1>{t('incidents.reportTitle')}</h1>
      <p>{t('incidents.reportIntro')}</p>
      {sent && (
        <p role="status" className="alert">
          {t('incidents.sent')} <Link to={`/teams/${id}/board`}>{t('nav.board')}</Link>
        </p>
      )}
      <ErrorMessage
        error={error}
        labels={{ ...labels, theme: t('incidents.theme'), recipientId: t('incidents.person') }}
      />
      <form onSubmit={send} className="card stack">
        <label htmlFor="incident-theme">{t('incidents.theme')}</label>
        <select id="incident-theme" value={theme} onChange={(e) => setTheme(e.target.value as typeof theme)}>
          {INCIDENT_THEMES.map((k) => (
            <option key={k} value={k}>
              {t(`incidents.themes.${k}`)}
            </option>
          ))}
        </select>
        {FIELDS.map((f) => (
          <div key={f} className="stack">
            <label htmlFor={`incident-${f}`}>{labels[f]}</label>
            <textarea
              id={`incident-${f}`}
              rows={2}
              required
              value={texts[f]}
              onChange={(e) => setTexts({ ...texts, [f]: e.target.value })}
            />
          </div>
        ))}
        <label htmlFor="incident-person">{t('incidents.person')}</label>
        <select id="incident-person" value={recipientId} onChange={(e) => setRecipientId(e.target.value)}>
          <option value="">{t('incidents.noPerson')}</option>
          {(people.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.givenName} {p.familyName}
            </option>
          ))}
        </select>
        <span className="checkbox">
          <input
            type="checkbox"
            id="incident-anonymous"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
          />
          <label htmlFor="incident-anonymous">{t('incidents.anonymous')}</label>
        </span>
        <button type="submit" className="primary">
          {t('incidents.send')}
        </button>
      </form>
    </div>
  );
}
