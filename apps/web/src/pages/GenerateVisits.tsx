import type { GenerateRequest, GenerateResult } from '@tillit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ApiError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { todayIso } from '../components/time.ts';

/** Until the planner is in the app, the team creates visits from the plans with their usual helpers. */
export function GenerateVisits({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async () => {
    try {
      const res = await api<GenerateResult>('POST', `/api/teams/${teamId}/visits/generate`, {
        from: todayIso(),
        days: 14,
      } satisfies GenerateRequest);
      setCreated(res.created);
      setError(null);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <div className="row">
      <Link to={`/teams/${teamId}/board`}>{t('nav.board')}</Link>
      <button type="button" onClick={() => void run()}>
        {t('day.generate')}
      </button>
      {created !== null && <p role="status">{t('day.generated', { count: created })}</p>}
      <ErrorMessage error={error} />
    </div>
  );
}
