import { useState } from 'react';
import { formatDate } from '../../components/time.ts';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { RecordView, VisitingLink as MadeLink } from '@tillit/contracts';
import { api, ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/**
 * Makes the «Hvem kommer?» link for the person or one next of kin (shown as a QR code too): it
 * shows only the coming visits' times and the helpers' first names, never the person's name.
 * A link for next of kin needs the person's consent to share with next of kin; a new link
 * replaces the old one for the same reader; links expire and end with the care relation.
 */
export function VisitingLink({ record }: { record: RecordView }) {
  const { t } = useTranslation();
  const [reader, setReader] = useState('person');
  const [link, setLink] = useState<{ url: string; qr: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const consent = record.consentShareWithNextOfKin;
  const create = async () => {
    try {
      const made = await api<MadeLink>(
        'POST',
        `/api/recipients/${record.id}/visiting-link`,
        reader === 'person' ? { for: 'person' } : { for: 'next_of_kin', nextOfKinId: reader },
      );
      const url = `${window.location.origin}${made.path}`;
      const qr = await QRCode.toDataURL(url, { margin: 2, width: 200, errorCorrectionLevel: 'M' });
      setLink({ url, qr, expiresAt: made.expiresAt });
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err), {}));
    }
  };
  return (
    <section aria-labelledby="visiting-heading" className="card stack">
      <h2 id="visiting-heading">{t('visiting.heading')}</h2>
      <p className="small">{t('visiting.intro')}</p>
      <label htmlFor="visiting-reader">{t('visiting.reader')}</label>
      <select
        id="visiting-reader"
        aria-describedby="visiting-consent"
        value={reader}
        onChange={(e) => {
          setReader(e.target.value);
          setLink(null);
        }}
      >
        <option value="person">{t('visiting.forPerson')}</option>
        {record.nextOfKin.map((k) => (
          <option key={k.id} value={k.id} disabled={!consent}>
            {t('visiting.forKin', { name: k.name, relation: k.relation })}
          </option>
        ))}
      </select>
      <p id="visiting-consent" className="small muted">
        {consent ? t('visiting.consentYes') : t('visiting.consentNo')}
      </p>
      <button type="button" onClick={() => void create()}>
        {link ? t('visiting.renew') : t('visiting.create')}
      </button>
      <ErrorMessage error={error} />
      {link && (
        <div className="qr stack">
          <img src={link.qr} width={200} height={200} alt={t('visiting.alt')} />
          <label htmlFor="visiting-url">{t('visiting.url')}</label>
          <input id="visiting-url" readOnly value={link.url} onFocus={(e) => e.target.select()} />
          <p className="small">{t('visiting.expires', { date: formatDate(link.expiresAt) })}</p>
        </div>
      )}
    </section>
  );
}
