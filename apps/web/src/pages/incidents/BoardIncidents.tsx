import { formatDate } from '../../components/time.ts';
import type { IncidentView } from '@tillit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';

/** The board's section for incidents: the team's open reports; reviewing, then closing with what was learned. */
export function BoardIncidents({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const [showClosed, setShowClosed] = useState(false);
  const open = useApi<{ incidents: IncidentView[] }>(`/api/teams/${teamId}/incidents`);
  const closed = useApi<{ incidents: IncidentView[] }>(
    showClosed ? `/api/teams/${teamId}/incidents?state=closed` : null,
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const act = async (url: string, body: unknown, done: string) => {
    try {
      await api('POST', url, body);
      setError(null);
      setStatus(done);
      await open.reload();
      if (showClosed) await closed.reload();
    } catch (err) {
      const e = err as ApiError;
      // The step was taken by someone else meanwhile: say so in the user's language and show the board as it is.
      setError(e.code === 'wrong_state' ? new ApiError(e.status, e.code, t('incidents.wrongState'), e.body) : e);
      await open.reload();
    }
  };
  const list = open.data?.incidents ?? [];
  return (
    <section aria-labelledby="board-incidents" className="card stack">
      <h2 id="board-incidents">
        {t('incidents.boardTitle')} ({list.length})
      </h2>
      <p>
        <Link to={`/teams/${teamId}/incidents/new`}>{t('incidents.report')}</Link>
      </p>
      <ErrorMessage
        error={error ?? open.error}
        labels={{ learned: t('incidents.learned'), change: t('incidents.change'), note: t('incidents.reviewNote') }}
      />
      <p role="status" className="small">
        {status}
      </p>
      {open.data && list.length === 0 && <p className="muted">{t('incidents.boardEmpty')}</p>}
      <ul className="plain stack">
        {list.map((i) => (
          <IncidentCard key={i.id} incident={i} onAct={act} />
        ))}
      </ul>
      <button type="button" onClick={() => setShowClosed(!showClosed)} aria-expanded={showClosed}>
        {t('incidents.showClosed')}
      </button>
      {showClosed && closed.data && (
        <>
          <h3>{t('incidents.closedTitle')}</h3>
          <ul className="plain stack">
            {closed.data.incidents.map((i) => (
              <IncidentCard key={i.id} incident={i} onAct={act} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function IncidentCard({
  incident: i,
  onAct,
}: {
  incident: IncidentView;
  onAct: (url: string, body: unknown, done: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [learned, setLearned] = useState('');
  const [change, setChange] = useState('');
  const when = formatDate(i.reportedAt);
  const heading = `${t(`incidents.themes.${i.theme}`)} – ${t(`incidents.state.${i.state}`)}`;
  return (
    <li className="board-card stack">
      <h3>{heading}</h3>
      {i.person && <p>{t('incidents.about', { person: i.person })}</p>}
      <dl>
        <dt>{t('incidents.whatHappened')}</dt>
        <dd>{i.whatHappened}</dd>
        <dt>{t('incidents.consequence')}</dt>
        <dd>{i.consequence}</dd>
        <dt>{t('incidents.immediateAction')}</dt>
        <dd>{i.immediateAction}</dd>
        {i.reviewNote && (
          <>
            <dt>{t('incidents.reviewNote')}</dt>
            <dd>{i.reviewNote}</dd>
          </>
        )}
        {i.learned && (
          <>
            <dt>{t('incidents.learned')}</dt>
            <dd>{i.learned}</dd>
            <dt>{t('incidents.change')}</dt>
            <dd>{i.change}</dd>
          </>
        )}
      </dl>
      <p className="small muted">
        {i.reportedBy
          ? t('incidents.reportedBy', { who: i.reportedBy, when })
          : t('incidents.reportedUnnamed', { when })}
      </p>
      {i.state === 'reported' && (
        <>
          <label htmlFor={`review-${i.id}`}>{t('incidents.reviewNote')}</label>
          <textarea id={`review-${i.id}`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          <button
            type="button"
            onClick={() =>
              void onAct(
                `/api/incidents/${i.id}/review`,
                { version: i.version, ...(note.trim() ? { note } : {}) },
                t('incidents.state.reviewed'),
              )
            }
          >
            {t('incidents.review')}
          </button>
        </>
      )}
      {i.state === 'reviewed' && (
        <>
          <label htmlFor={`learned-${i.id}`}>{t('incidents.learned')}</label>
          <textarea id={`learned-${i.id}`} rows={2} value={learned} onChange={(e) => setLearned(e.target.value)} />
          <label htmlFor={`change-${i.id}`}>{t('incidents.change')}</label>
          <textarea id={`change-${i.id}`} rows={2} value={change} onChange={(e) => setChange(e.target.value)} />
          <button
            type="button"
            onClick={() =>
              void onAct(
                `/api/incidents/${i.id}/close`,
                { version: i.version, learned, change },
                t('incidents.state.closed'),
              )
            }
          >
            {t('incidents.close')}
          </button>
        </>
      )}
    </li>
  );
}
