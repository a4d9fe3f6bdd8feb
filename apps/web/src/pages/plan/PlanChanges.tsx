import type { PlanChange } from '@tillit/contracts';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { hhmm } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { locale } from '../../i18n/index.ts';

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
  const day = (iso: string) =>
    new Date(`${iso}T12:00:00`).toLocaleDateString(locale(), { weekday: 'long', day: 'numeric', month: 'long' });
  return (
    <section className="card alert-info" aria-labelledby="plan-changes">
      <h2 id="plan-changes">{t('planChanges.title', { count: data.length })}</h2>
      <ul>
        {data.map((c) => (
          <li key={c.id}>
            {t(`planChanges.${c.kind}`, {
              person: c.person ?? t('planChanges.someone'),
              day: day(c.date),
              time: hhmm(c.plannedStart ?? c.windowStart),
            })}
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
      <button type="button" onClick={() => void seen()}>
        {t('planChanges.seen')}
      </button>
    </section>
  );
}
