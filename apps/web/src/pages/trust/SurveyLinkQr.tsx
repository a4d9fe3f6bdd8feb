import { useState } from 'react';
import { formatDate } from '../../components/time.ts';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { api, ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/**
 * Makes a one-time survey link for a person and shows it as a QR code, so the person (or
 * next of kin) can answer on their own phone. The code holds only the link; the link opens
 * only the form, and the helper never sees the answer.
 */
export function SurveyLinkQr({ recipientId }: { recipientId: string }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<{ url: string; qr: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const create = async () => {
    try {
      const made = await api<{ path: string; expiresAt: string }>(
        'POST',
        `/api/recipients/${recipientId}/survey-links`,
        { channel: 'link' },
      );
      const url = `${window.location.origin}${made.path}`;
      setLink({
        url,
        qr: await QRCode.toDataURL(url, { margin: 2, width: 240, errorCorrectionLevel: 'M' }),
        expiresAt: made.expiresAt,
      });
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err), {}));
    }
  };
  const until = link ? formatDate(link.expiresAt) : '';
  return (
    <section aria-labelledby="qr-heading" className="card stack">
      <h2 id="qr-heading">{t('qr.heading')}</h2>
      <p className="small">{t('qr.intro')}</p>
      {!link && (
        <button type="button" onClick={() => void create()}>
          {t('qr.create')}
        </button>
      )}
      <ErrorMessage error={error} />
      {link && (
        <div className="qr stack">
          <img src={link.qr} width={240} height={240} alt={t('qr.alt')} />
          <p className="small">{t('qr.until', { date: until })}</p>
          <label htmlFor="qr-url">{t('qr.url')}</label>
          <input id="qr-url" readOnly value={link.url} onFocus={(e) => e.target.select()} />
        </div>
      )}
    </section>
  );
}
