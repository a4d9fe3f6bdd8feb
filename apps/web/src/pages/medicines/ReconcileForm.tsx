import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import type { Medication } from './MedicationsPage.tsx';
import { MedError } from './MedError.tsx';

/** «Avstem etter sykehusopphold»: each medicine on the list kept or stopped, confirmed at once. */
export function ReconcileForm({
  recipientId,
  medications,
  onDone,
}: {
  recipientId: string;
  medications: Medication[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [keep, setKeep] = useState<Record<string, boolean>>(Object.fromEntries(medications.map((m) => [m.id, true])));
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const confirm = async () => {
    try {
      await api('POST', `/api/recipients/${recipientId}/medication-reconciliations`, {
        source: 'discharge_summary',
        ...(note ? { sourceNote: note } : {}),
        decisions: medications.map((m) => ({ medicationId: m.id, version: m.version, keep: keep[m.id] })),
      });
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <section aria-labelledby="reconcile-heading" className="card stack">
      <h2 id="reconcile-heading">{t('medicines.reconcile')}</h2>
      <p>{t('medicines.reconcileIntro')}</p>
      <MedError error={error} />
      {medications.map((m) => (
        <span key={m.id} className="checkbox">
          <input
            id={`keep-${m.id}`}
            type="checkbox"
            checked={keep[m.id]}
            onChange={(e) => setKeep({ ...keep, [m.id]: e.target.checked })}
          />
          <label htmlFor={`keep-${m.id}`}>
            {m.drugName} {m.strength}: {t('medicines.keep')}
          </label>
        </span>
      ))}
      <label htmlFor="reconcile-note">{t('medicines.sourceNote')}</label>
      <input id="reconcile-note" value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="button" className="primary" onClick={() => void confirm()}>
        {t('medicines.reconcileSave')}
      </button>
    </section>
  );
}
