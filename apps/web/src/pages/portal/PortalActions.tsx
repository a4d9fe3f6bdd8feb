import type { PortalMessages } from '@tillit/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type ApiError } from '../../api.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldError, useFieldProblems } from '../../components/fields.tsx';
import { formatDateTime } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';

const FIELDS = ['text'];

/** A message to the serving team: stored on the record, where the team sees it. */
export function PortalMessage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const sent = useApi<PortalMessages>('/api/portal/messages');
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const f = useFieldProblems(error, 'portal-message-', FIELDS, 'portal.message');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', '/api/portal/messages', { text });
      setText('');
      setError(null);
      await sent.reload();
      announce(t('portal.message.sent'), '#portal-sent');
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <section aria-labelledby="portal-message" className="card">
      <h2 id="portal-message">{t('portal.message.title')}</h2>
      <form onSubmit={submit} className="stack" noValidate>
        <label htmlFor="portal-message-text">{t('portal.message.label')}</label>
        <p id="portal-message-hint" className="small">
          {t('portal.message.hint')}
        </p>
        <textarea
          {...f.input('text')}
          aria-describedby={['portal-message-hint', f.input('text')['aria-describedby']].filter(Boolean).join(' ')}
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <FieldError id="portal-message-text" message={f.message('text')} />
        {f.general && <ErrorMessage error={f.general} />}
        <button type="submit">{t('portal.message.send')}</button>
      </form>
      {sent.data && sent.data.messages.length > 0 && (
        <>
          <h3 id="portal-sent" tabIndex={-1}>
            {t('portal.message.earlier')}
          </h3>
          <ul>
            {sent.data.messages.map((m) => (
              <li key={m.id}>
                {formatDateTime(m.sentAt)} – {m.from}: {m.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The quarter's survey: a one-time link made for the person, answered anonymously on the survey page. */
export function PortalSurvey() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const open = async () => {
    try {
      const link = await api<{ path: string }>('POST', '/api/portal/survey-link');
      navigate(link.path);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <section aria-labelledby="portal-survey" className="card">
      <h2 id="portal-survey">{t('portal.survey.title')}</h2>
      <p>{t('portal.survey.intro')}</p>
      <ErrorMessage error={error} />
      <button type="button" onClick={open}>
        {t('portal.survey.open')}
      </button>
    </section>
  );
}
