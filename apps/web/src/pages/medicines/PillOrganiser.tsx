import { addDays } from '@tillit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { formatDate, todayIso } from '../../components/time.ts';
import type { MedicationList } from './MedicationsPage.tsx';
import { MedError } from './MedError.tsx';

/** Filling the pill organiser: its own task, signed by the filler and checked by a second person. */
export function PillOrganiser({
  recipientId,
  fills,
  onChanged,
}: {
  recipientId: string;
  fills: MedicationList['fills'];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(todayIso());
  const [to, setTo] = useState(addDays(todayIso(), 6));
  const [error, setError] = useState<ApiError | null>(null);
  const send = async (url: string, body: unknown = {}) => {
    try {
      await api('POST', url, body);
      setError(null);
      await onChanged();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <section aria-labelledby="fills-heading" className="card stack">
      <h2 id="fills-heading">{t('medicines.fills')}</h2>
      <MedError
        error={error}
        labels={{ periodFrom: t('medicines.fillPeriodFrom'), periodTo: t('medicines.fillPeriodTo') }}
      />
      <ul className="plain">
        {fills.map((f) => (
          <li key={f.id}>
            {t('medicines.fillLine', { from: formatDate(f.periodFrom), to: formatDate(f.periodTo), by: f.filledBy })} ·{' '}
            {f.checkedBy ? (
              t('medicines.fillChecked', { by: f.checkedBy })
            ) : (
              <>
                {t('medicines.fillWaiting')}{' '}
                <button type="button" onClick={() => void send(`/api/pill-organiser-fills/${f.id}/check`)}>
                  {t('medicines.fillCheck')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label htmlFor="fill-from">{t('medicines.fillPeriodFrom')}</label>
        <input id="fill-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor="fill-to">{t('medicines.fillPeriodTo')}</label>
        <input id="fill-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button
          type="button"
          onClick={() =>
            void send(`/api/recipients/${recipientId}/pill-organiser-fills`, { periodFrom: from, periodTo: to })
          }
        >
          {t('medicines.fill')}
        </button>
      </div>
    </section>
  );
}
