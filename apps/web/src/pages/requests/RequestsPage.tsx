import type { ServiceRequestView } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDate, formatDateTime } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { RequestForm } from './RequestForm.tsx';

/** «Søknader og henvendelser»: the team's requests waiting for a decision and those answered, and a new one. */
export function RequestsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<'open' | 'answered'>('open');
  const list = useApi<{ requests: ServiceRequestView[] }>(`/api/teams/${id}/service-requests?state=${state}`);
  useEffect(() => {
    document.title = `${t('requests.title')} – Tillit`;
  }, [t]);
  return (
    <div className="stack">
      <h1>{t('requests.title')}</h1>
      <p className="muted">{t('requests.intro')}</p>
      <p>
        <Link to={`/teams/${id}/trust`}>{t('requests.toFigures')}</Link>
      </p>
      <section aria-labelledby="rq-list-heading" className="card stack">
        <h2 id="rq-list-heading">{t(`requests.list_${state}`)}</h2>
        <label htmlFor="rq-state">{t('requests.show')}</label>
        <select id="rq-state" value={state} onChange={(e) => setState(e.target.value as typeof state)}>
          <option value="open">{t('requests.list_open')}</option>
          <option value="answered">{t('requests.list_answered')}</option>
        </select>
        <ErrorMessage error={list.error} />
        {list.data && list.data.requests.length === 0 && <p>{t('requests.none')}</p>}
        {list.data && list.data.requests.length > 0 && <RequestTable requests={list.data.requests} />}
      </section>
      <RequestForm teamId={id!} onSaved={(rid) => navigate(`/requests/${rid}`)} />
    </div>
  );
}

function RequestTable({ requests }: { requests: ServiceRequestView[] }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t('requests.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('requests.person')}</th>
            <th scope="col">{t('requests.arrivedAt')}</th>
            <th scope="col">{t('requests.requesterKind')}</th>
            <th scope="col">{t('requests.services')}</th>
            <th scope="col">{t('requests.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/requests/${r.id}`}>
                  {r.person.givenName} {r.person.familyName}
                </Link>
              </th>
              <td>{formatDateTime(r.arrivedAt)}</td>
              <td>
                {t(`requests.kind_${r.requesterKind}`)}
                {r.requesterName ? `: ${r.requesterName}` : ''}
              </td>
              <td>{r.services.map((s) => t(`decisions.${s}`)).join(', ')}</td>
              <td>{r.decision ? decisionText(t, r.decision) : t('requests.waiting')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** «Vedtak i kraft 4. nov. · første besøk 5. nov.», or that it waits for a co-signature. */
export function decisionText(
  t: (k: string, o?: Record<string, unknown>) => string,
  d: NonNullable<ServiceRequestView['decision']>,
) {
  if (!d.inForceOn) return t('requests.awaitingCosign');
  const decided = t('requests.inForce', { date: formatDate(d.inForceOn) });
  return d.firstVisitOn
    ? `${decided} · ${t('requests.firstVisit', { date: formatDate(d.firstVisitOn) })}`
    : `${decided} · ${t('requests.noVisitYet')}`;
}
