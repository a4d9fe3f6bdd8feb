import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';
import { formatDay, hhmm } from '../../components/time.ts';
import { dedupeChanges, type PlanChange } from './planChanges.ts';

/** Changes to my published plan since I last looked: shown at the top of «Min dag» until seen. */
export function PlanChanges({ onSeen }: { onSeen: () => void }) {
  const { t } = useTranslation();
  const { data, reload } = useApi<PlanChange[]>('/api/planning/my-changes');
  const [error, setError] = useState<ApiError | null>(null);
  if (!data || data.length === 0) return null;
  // Only the changes shown here are marked seen; any that arrive meanwhile show next time.
  const seen = async () => {
    try {
      await api('POST', '/api/planning/my-changes/seen', { ids: data.map((c) => c.id) });
      setError(null);
      await reload();
      onSeen();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const lines = dedupeChanges(data);
  // One line with the count: after a publish there may be a hundred notices, and the day's
  // first visit must still be on the first screen. The list opens on a tap.
  return (
    <details className="card alert-info plan-changes">
      <summary>
        <h2 id="plan-changes">{t('planChanges.title', { count: lines.length })}</h2>
      </summary>
      <ul>
        {lines.map((c) => (
          <li key={c.id}>
            {t(`planChanges.${c.kind}`, {
              person: c.person ?? t('planChanges.someone'),
              day: formatDay(c.date),
              time: hhmm(c.plannedStart ?? c.windowStart),
            })}
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
      <button type="button" onClick={() => void seen()}>
        {t('planChanges.seen')}
      </button>
    </details>
  );
}
