import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { api, ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/**
 * Makes the «Hvem kommer?» link for the person or next of kin (shown as a QR code too): it
 * shows only the coming visits' times and the helpers' first names. A new link replaces the old.
 */
export function VisitingLink({ recipientId }: { recipientId: string }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<{ url: string; qr: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const create = async () => {
    try {
      const made = await api<{ path: string }>('POST', `/api/recipients/${recipientId}/visiting-link`);
      const url = `${window.location.origin}${made.path}`;
      setLink({ url, qr: await QRCode.toDataURL(url, { margin: 2, width: 200, errorCorrectionLevel: 'M' }) });
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err), {}));
    }
  };
  return (
    <section aria-labelledby="visiting-heading" className="card stack">
      <h2 id="visiting-heading">{t('visiting.heading')}</h2>
      <p className="small">{t('visiting.intro')}</p>
      <button type="button" onClick={() => void create()}>
        {link ? t('visiting.renew') : t('visiting.create')}
      </button>
      <ErrorMessage error={error} />
      {link && (
        <div className="qr stack">
          <img src={link.qr} width={200} height={200} alt={t('visiting.alt')} />
          <label htmlFor="visiting-url">{t('visiting.url')}</label>
          <input id="visiting-url" readOnly value={link.url} onFocus={(e) => e.target.select()} />
        </div>
      )}
    </section>
  );
}
