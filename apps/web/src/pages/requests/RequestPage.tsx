import type { ServiceRequestDetail } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type ApiError } from '../../api.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDate, formatDateTime } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { Decisions } from '../care/Decisions.tsx';
import { decisionText } from './RequestsPage.tsx';

/**
 * One request: what was asked, by whom and when; the decision that answers it. For a person the
 * team serves, the decision is made here with the decisions module's own form, then linked; a
 * request about someone not yet registered is linked once they are (their decisions then show here).
 */
export function RequestPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { data, error, reload } = useApi<ServiceRequestDetail>(`/api/service-requests/${id}`);
  const [linkError, setLinkError] = useState<ApiError | null>(null);
  useEffect(() => {
    document.title = `${t('requests.oneTitle')} – Tillit`;
  }, [t]);
  if (!data) return <ErrorMessage error={error} />;
  const r = data.request;
  const link = async (decisionId: string) => {
    try {
      await api('POST', `/api/service-requests/${id}/decision`, { version: r.version, decisionId });
      setLinkError(null);
      await reload();
      announce(t('requests.linked'), '#rq-answer');
    } catch (err) {
      setLinkError(err as ApiError);
    }
  };
  return (
    <div className="stack">
      <h1>
        {t('requests.oneTitle')}: {r.person.givenName} {r.person.familyName}
      </h1>
      <p>
        <Link to={`/teams/${r.teamId}/requests`}>{t('requests.back')}</Link>
        {r.recipientId && (
          <>
            {' · '}
            <Link to={`/people/${r.recipientId}`}>{t('requests.toRecord')}</Link>
          </>
        )}
      </p>
      <dl className="card">
        <dt>{t('requests.requesterKind')}</dt>
        <dd>
          {t(`requests.kind_${r.requesterKind}`)}
          {r.requesterName ? `: ${r.requesterName}` : ''}
        </dd>
        <dt>{t('requests.services')}</dt>
        <dd>{r.services.map((s) => t(`decisions.${s}`)).join(', ')}</dd>
        <dt>{t('requests.description')}</dt>
        <dd>{r.description}</dd>
        <dt>{t('requests.arrivedAt')}</dt>
        <dd>
          {formatDateTime(r.arrivedAt)}
          {r.lateReason &&
            ` (${t('requests.registeredOn', { date: formatDateTime(r.registeredAt), reason: r.lateReason })})`}
        </dd>
        <dt>{t('requests.nationalIdOrBirth')}</dt>
        <dd>{r.person.nationalId ?? (r.person.birthDate ? formatDate(r.person.birthDate) : '–')}</dd>
      </dl>
      <section aria-labelledby="rq-answer" className="card stack" tabIndex={-1} id="rq-answer-section">
        <h2 id="rq-answer" tabIndex={-1}>
          {t('requests.answerHeading')}
        </h2>
        {r.decision ? (
          <p>{decisionText(t, r.decision)}</p>
        ) : (
          <>
            <p>{t('requests.notAnswered')}</p>
            <ErrorMessage error={linkError} labels={{ decisionId: t('requests.decision') }} />
            {data.candidates.length > 0 && (
              <ul className="plain stack">
                {data.candidates.map((d) => (
                  <li key={d.id}>
                    {t('decisions.summary', {
                      service: t(`decisions.${d.serviceType}`),
                      hours: String(d.hoursPerWeek).replace('.', ','),
                      from: formatDate(d.validFrom),
                    })}{' '}
                    <button type="button" onClick={() => link(d.id)}>
                      {t('requests.link')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      {!r.decision && r.recipientId && (
        <Decisions recipientId={r.recipientId} decisions={data.candidates} canDecide onSaved={() => void reload()} />
      )}
    </div>
  );
}
