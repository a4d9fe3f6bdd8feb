import type { AssignRequest, Board, CloseRequest } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type ApiError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatDate, hhmm } from '../components/time.ts';
import { useApi } from '../components/useApi.ts';
import { BoardIncidents } from './incidents/BoardIncidents.tsx';
import { BoardDoses } from './medicines/BoardDoses.tsx';

/** Any column's card: what every card has, and what some columns add (contracts: care.board.ts). */
type Card = Board['newPeople'][number] & Partial<Board['conditionChanges'][number] & Board['unstaffedVisits'][number]>;
const COLUMNS = [
  'conditionChanges',
  'newPeople',
  'reviewsDue',
  'measuresNotDone',
  'unstaffedVisits',
  'awaitingCosign',
] as const;

/** «Teamtavla»: the daily meeting's columns; anyone in the team can take and close a card. */
export function BoardPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data, error, reload } = useApi<Board>(`/api/teams/${id}/board`);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [assignees, setAssignees] = useState<Record<string, string>>({});
  // Until the planner is in the app, the team assigns unstaffed visits by hand here.
  const members = useApi<{ members: { staffId: string; name: string }[] }>(`/api/teams/${id}`);
  const assign = async (visitId: string) => {
    try {
      await api('PATCH', `/api/visits/${visitId}/assignment`, {
        staffId: assignees[visitId] || null,
      } satisfies AssignRequest);
      setActionError(null);
      await reload();
    } catch (err) {
      setActionError(err as ApiError);
    }
  };
  const [actionError, setActionError] = useState<ApiError | null>(null);
  useEffect(() => {
    document.title = `${t('board.title')} – Tillit`;
  }, [t]);
  const act = async (url: string, body?: unknown) => {
    try {
      await api('POST', url, body ?? {});
      setActionError(null);
      await reload();
    } catch (err) {
      setActionError(err as ApiError);
    }
  };
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('common.loading')}</p>;
  return (
    <div className="stack">
      <h1>{t('board.title')}</h1>
      <ErrorMessage error={actionError} labels={{ note: t('board.closeNote') }} />
      <div className="board">
        {COLUMNS.map((col) => (
          <section key={col} aria-labelledby={`col-${col}`} className="card board-column">
            <h2 id={`col-${col}`}>
              {t(`board.${col}`)} ({data[col].length})
            </h2>
            {data[col].length === 0 && <p className="muted">{t('board.empty')}</p>}
            <ul className="plain stack">
              {(data[col] as Card[]).map((c, i) => (
                <li key={(c.id ?? c.recipientId) + i} className="board-card">
                  <Link to={`/people/${c.recipientId}`}>{c.person}</Link>
                  {c.text && <p>{c.text}</p>}
                  <p className="small muted">
                    {t('board.since', { when: formatDate(c.since) })}
                    {c.windowStart !== undefined ? ` ${hhmm(c.windowStart)}` : ''}
                  </p>
                  {col === 'unstaffedVisits' && c.id && members.data && (
                    <div className="inline-form">
                      <label htmlFor={`assign-${c.id}`}>{t('board.assignTo')}</label>
                      <select
                        id={`assign-${c.id}`}
                        value={assignees[c.id] ?? ''}
                        onChange={(e) => setAssignees({ ...assignees, [c.id!]: e.target.value })}
                      >
                        <option value="">–</option>
                        {members.data.members.map((m) => (
                          <option key={m.staffId} value={m.staffId}>
                            {m.name}
                          </option>
                        ))}
                      </select>
                      <button type="button" onClick={() => void assign(c.id!)}>
                        {t('board.assign')}
                      </button>
                    </div>
                  )}
                  {col === 'awaitingCosign' && c.id && (
                    <button type="button" onClick={() => void act(`/api/service-decisions/${c.id}/cosign`)}>
                      {t('decisions.cosign')}
                    </button>
                  )}
                  {col === 'conditionChanges' && c.id && (
                    <>
                      {c.takenBy ? (
                        <p className="small">{t('board.taken', { who: c.takenBy })}</p>
                      ) : (
                        <button type="button" onClick={() => void act(`/api/condition-changes/${c.id}/take`)}>
                          {t('board.take')}
                        </button>
                      )}
                      <label htmlFor={`close-${c.id}`}>{t('board.closeNote')}</label>
                      <input
                        id={`close-${c.id}`}
                        value={notes[c.id] ?? ''}
                        onChange={(e) => setNotes({ ...notes, [c.id!]: e.target.value })}
                      />
                      <button
                        type="button"
                        onClick={() =>
                          void act(`/api/condition-changes/${c.id}/close`, {
                            note: notes[c.id!] ?? '',
                          } satisfies CloseRequest)
                        }
                      >
                        {t('board.close')}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {id && <BoardIncidents teamId={id} />}
      <BoardDoses teamId={id!} />
    </div>
  );
}
