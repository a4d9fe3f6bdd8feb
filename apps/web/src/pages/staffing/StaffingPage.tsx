import { addDays, type StaffingWeek } from '@tillit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDate } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { useCompetenceNames } from '../plan/useCompetenceNames.ts';
import { CompetenceTable, Suggestions } from './StaffingDetails.tsx';
import { StaffingHeatMap } from './StaffingHeatMap.tsx';

/**
 * Staffing before gains: a team's week as hours needed against hours staffed, by weekday and part
 * of the day (a heat map with the numbers in every cell, and the same as a table), the competence
 * gaps, and the smallest staffing change that would cover the visits nobody is planned on.
 */
export function StaffingPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [from, setFrom] = useState<string | null>(null);
  const url = `/api/teams/${id}/staffing${from ? `?from=${from}` : ''}`;
  const { data, error } = useApi<StaffingWeek>(url);
  const name = useCompetenceNames();

  return (
    <div className="stack">
      <h1>{t('staffing.heading')}</h1>
      <p className="muted">{t('staffing.intro')}</p>
      <ErrorMessage error={error} />
      {data && (
        <>
          <nav aria-label={t('staffing.weekNav')} className="inline-form">
            <button type="button" onClick={() => setFrom(addDays(data.from, -7))}>
              {t('staffing.previous')}
            </button>
            <p aria-live="polite">{t('staffing.week', { from: formatDate(data.from), to: formatDate(data.to) })}</p>
            <button type="button" onClick={() => setFrom(addDays(data.from, 7))}>
              {t('staffing.next')}
            </button>
          </nav>
          <StaffingHeatMap week={data} />
          <Suggestions week={data} name={name} />
          <CompetenceTable week={data} name={name} />
        </>
      )}
    </div>
  );
}
