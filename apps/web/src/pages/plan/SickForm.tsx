import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import type { PlanView, SickResult } from '@tillit/contracts';

/** «Meld syk»: register the absence and re-plan that day with as few changes as possible. */
export function SickForm({
  teamId,
  staff,
  defaultDate,
  onStarted,
  onError,
}: {
  teamId: string;
  staff: PlanView['staff'];
  defaultDate: string;
  onStarted: (runId: string) => void;
  onError: (e: ApiError | null) => void;
}) {
  const { t } = useTranslation();
  const [staffId, setStaffId] = useState('');
  const [date, setDate] = useState(defaultDate);
  const submit = async () => {
    try {
      const res = await api<SickResult>('POST', `/api/planning/teams/${teamId}/sick`, { staffId, date });
      onError(null);
      onStarted(res.runId);
    } catch (err) {
      onError(err as ApiError);
    }
  };
  return (
    <form
      className="card stack"
      aria-labelledby="sick-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="sick-title">{t('plan.sickTitle')}</h2>
      <p className="muted">{t('plan.sickHelp')}</p>
      <div className="inline-form">
        <div>
          <label htmlFor="sick-helper">{t('plan.helper')}</label>
          <select id="sick-helper" value={staffId} onChange={(e) => setStaffId(e.target.value)} required>
            <option value="">–</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sick-date">{t('plan.sickDate')}</label>
          <input id="sick-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </div>
        <button type="submit" className="primary" disabled={!staffId}>
          {t('plan.sickSubmit')}
        </button>
      </div>
    </form>
  );
}
