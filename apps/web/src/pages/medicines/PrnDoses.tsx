import type { PrnMedication } from '@tillit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { MedError } from './MedError.tsx';

/** As-needed doses one tap away, with the 24-hour count and its maximum shown before giving. */
export function PrnDoses({
  recipientId,
  visitId,
  medicines,
  onGiven,
}: {
  recipientId: string;
  visitId: string;
  medicines: PrnMedication[];
  onGiven: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  if (medicines.length === 0) return null;
  const give = async (m: PrnMedication) => {
    try {
      await api('POST', `/api/recipients/${recipientId}/prn-doses`, {
        medicationId: m.medicationId,
        reason: reasons[m.medicationId] ?? '',
        visitId,
      });
      setError(null);
      setStatus(t('medicines.prnGiven'));
      await onGiven();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <div className="stack">
      <h3>{t('medicines.prnHeading')}</h3>
      <MedError error={error} labels={{ reason: t('medicines.prnReason'), medicationId: t('medicines.drugName') }} />
      <p role="status" className={status ? 'alert alert-ok' : 'visually-hidden'}>
        {status}
      </p>
      {medicines.map((m) => (
        <div key={m.medicationId} className="inline-form">
          <p>
            <strong>
              {m.drugName} {m.strength}
            </strong>{' '}
            – {m.dose} · {t('medicines.prnCount', { given: m.givenLast24h, max: m.maxPer24h })}
          </p>
          <label htmlFor={`prn-${m.medicationId}`}>{t('medicines.prnReason')}</label>
          <input
            id={`prn-${m.medicationId}`}
            value={reasons[m.medicationId] ?? ''}
            onChange={(e) => setReasons({ ...reasons, [m.medicationId]: e.target.value })}
          />
          <button type="button" onClick={() => void give(m)}>
            {t('medicines.prnGive', { drug: m.drugName })}
          </button>
        </div>
      ))}
    </div>
  );
}
