import type { DecisionRequest, ServiceDecision, ServiceType } from '@tillit/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDate, todayIso } from '../../components/time.ts';

// Type-only import of the contract: the web bundle does not take zod for a list of four words.
const TYPES: ServiceType[] = ['hjemmesykepleie', 'praktisk_bistand', 'opplaering', 'trygghetsalarm'];

/**
 * Vedtak: the team grants services within its frame; each decision has its letter as a PDF.
 * Only the serving team decides (`canDecide`); on emergency access the decisions are shown only.
 */
export function Decisions({
  recipientId,
  decisions,
  canDecide,
  onSaved,
}: {
  recipientId: string;
  decisions: ServiceDecision[];
  canDecide: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [serviceType, setType] = useState(TYPES[0]);
  const [hours, setHours] = useState('3');
  const [from, setFrom] = useState(todayIso());
  const [until, setUntil] = useState('');
  const [needs, setNeeds] = useState('');
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/api/recipients/${recipientId}/service-decisions`, {
        serviceType,
        hoursPerWeek: Number(hours.replace(',', '.')),
        validFrom: from,
        validUntil: until || null,
        needsAndWishes: needs,
        reasons,
      } satisfies DecisionRequest);
      setError(null);
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <section aria-labelledby="decisions-heading" className="card">
      <h2 id="decisions-heading">{t('decisions.title')}</h2>
      {decisions.length === 0 && <p>{t('decisions.none')}</p>}
      <ul className="plain stack">
        {decisions.map((d) => (
          <li key={d.id}>
            {t('decisions.summary', {
              service: t(`decisions.${d.serviceType}`),
              hours: String(d.hoursPerWeek).replace('.', ','),
              from: formatDate(d.validFrom),
            })}
            {d.validUntil ? `–${formatDate(d.validUntil)}` : ''} ·{' '}
            <span className={d.status === 'active' ? 'tag' : 'tag warn'}>{t(`decisions.status_${d.status}`)}</span> ·{' '}
            {d.decidedBy} ·{' '}
            <a href={`/api/service-decisions/${d.id}/letter.pdf`} target="_blank" rel="noreferrer">
              {t('decisions.letter')}
            </a>
            {!d.withinFrame && d.status === 'awaiting_cosign' && (
              <p className="small muted">{t('decisions.beyondFrame')}</p>
            )}
          </li>
        ))}
      </ul>
      {!canDecide ? (
        <p className="small muted">{t('decisions.servingTeamOnly')}</p>
      ) : !open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('decisions.save')}
        </button>
      ) : (
        <form onSubmit={submit} className="form-grid">
          <label htmlFor="d-type">{t('decisions.service')}</label>
          <select id="d-type" value={serviceType} onChange={(e) => setType(e.target.value as ServiceType)}>
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`decisions.${x}`)}
              </option>
            ))}
          </select>
          <label htmlFor="d-hours">{t('decisions.hours')}</label>
          <input id="d-hours" inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />
          <label htmlFor="d-from">{t('decisions.from')}</label>
          <input id="d-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <label htmlFor="d-until">{t('decisions.until')}</label>
          <input id="d-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          <label htmlFor="d-needs">{t('decisions.needs')}</label>
          <textarea id="d-needs" rows={3} value={needs} onChange={(e) => setNeeds(e.target.value)} />
          <label htmlFor="d-reasons">{t('decisions.reasons')}</label>
          <textarea id="d-reasons" rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />
          <ErrorMessage
            error={error}
            labels={{
              hoursPerWeek: t('decisions.hours'),
              validUntil: t('decisions.until'),
              needsAndWishes: t('decisions.needs'),
              reasons: t('decisions.reasons'),
            }}
          />
          <button type="submit" className="primary">
            {t('decisions.save')}
          </button>
        </form>
      )}
    </section>
  );
}
