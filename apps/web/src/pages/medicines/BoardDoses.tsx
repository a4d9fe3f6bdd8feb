import type { MedicineBoard } from '@tillit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ApiError } from '../../api.ts';
import { useApi } from '../../components/useApi.ts';
import { locale } from '../../i18n/index.ts';
import { MedError } from './MedError.tsx';

const when = (iso: string) =>
  new Date(iso).toLocaleString(locale(), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Oslo',
  });

/** The board's medicine columns: doses refused, not given or missed, and high-risk doses waiting for a second signature. */
export function BoardDoses({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { data, reload } = useApi<MedicineBoard>(`/api/teams/${teamId}/medicines/board`);
  const [error, setError] = useState<ApiError | null>(null);
  if (!data) return null;
  const sign = async (id: string) => {
    try {
      await api('POST', `/api/doses/${id}/second-signature`, {});
      setError(null);
      await reload();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const status = { missed: 'boardMissed', refused: 'boardRefused', not_given: 'boardNotGivenStatus' } as const;
  return (
    <div className="board">
      <MedError error={error} />
      <section aria-labelledby="col-doses-not-given" className="card board-column">
        <h2 id="col-doses-not-given">
          {t('medicines.boardNotGiven')} ({data.notGiven.length})
        </h2>
        {data.notGiven.length === 0 && <p className="muted">{t('board.empty')}</p>}
        <ul className="plain stack">
          {data.notGiven.map((d, i) => (
            <li key={(d.administrationId ?? d.recipientId) + d.plannedAt + i} className="board-card">
              <Link to={`/people/${d.recipientId}/medicines`}>{d.person}</Link>
              <p>
                {d.drugName}: {t(`medicines.${status[d.status]}`)}
                {d.reason && d.status !== 'refused' ? ` (${t(`medicines.reason_${d.reason}`)})` : ''}
              </p>
              <p className="small muted">{when(d.plannedAt)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="col-doses-awaiting" className="card board-column">
        <h2 id="col-doses-awaiting">
          {t('medicines.boardAwaiting')} ({data.awaitingSecond.length})
        </h2>
        {data.awaitingSecond.length === 0 && <p className="muted">{t('board.empty')}</p>}
        <ul className="plain stack">
          {data.awaitingSecond.map((d) => (
            <li key={d.administrationId} className="board-card">
              <Link to={`/people/${d.recipientId}/medicines`}>{d.person}</Link>
              <p>
                {d.drugName} – {d.givenBy}
              </p>
              <p className="small muted">{when(d.plannedAt)}</p>
              <button type="button" onClick={() => void sign(d.administrationId)}>
                {t('medicines.signSecond')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
