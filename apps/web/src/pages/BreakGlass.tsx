import type { EmergencyInput } from '@tillit/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

/** Emergency access: a written reason, logged and followed up, then the record opens for a limited time. */
export function BreakGlass({ recipientId, onGranted }: { recipientId: string; onGranted: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/api/recipients/${recipientId}/emergency-access`, { reason } satisfies EmergencyInput);
      onGranted();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <form onSubmit={submit} className="card">
      <label htmlFor="bg-reason">{t('denied.reason')}</label>
      <p id="bg-help" className="muted small">
        {t('denied.reasonHelp')}
      </p>
      <textarea
        id="bg-reason"
        aria-describedby="bg-help"
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ErrorMessage error={error} labels={{ reason: t('denied.reason') }} />
      <button type="submit" className="danger">
        {t('denied.breakGlass')}
      </button>
    </form>
  );
}
