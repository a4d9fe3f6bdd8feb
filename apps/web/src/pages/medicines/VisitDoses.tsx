import type { VisitDose, VisitDoses as Doses } from '@tillit/contracts';
import { notGivenReasons } from '@tillit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { hhmm } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { MedError } from './MedError.tsx';
import { PrnDoses } from './PrnDoses.tsx';

/**
 * «Legemidler ved besøket»: the visit's doses as rows (time, drug and strength, dose, how it is
 * given). «Alle gitt som planlagt» is one tap and a confirm; otherwise each dose: gitt, tatt selv
 * or ikke gitt with its reason. A high-risk dose shows that it needs two signatures and who signed.
 */
export function VisitDoses({ visitId }: { visitId: string }) {
  const { t } = useTranslation();
  const { data, reload } = useApi<Doses>(`/api/visits/${visitId}/doses`);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!data || (data.doses.length === 0 && data.asNeeded.length === 0)) return null;
  const send = async (url: string, body?: unknown) => {
    try {
      await api('POST', url, body ?? {});
      setError(null);
      setConfirming(false);
      await reload();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const open = data.doses.filter((d) => !d.status);
  return (
    <section aria-labelledby="doses-heading" className="card stack">
      <h2 id="doses-heading">{t('medicines.atVisit')}</h2>
      <MedError error={error} />
      {open.length > 0 &&
        (confirming ? (
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => void send(`/api/visits/${visitId}/doses`, { allAsPlanned: true })}
            >
              {t('medicines.confirmAllGiven')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('medicines.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="primary" onClick={() => setConfirming(true)}>
            {t('medicines.allGiven')}
          </button>
        ))}
      <ul className="plain stack">
        {data.doses.map((d) => (
          <DoseRow key={`${d.medicationId}-${d.time}`} dose={d} visitId={visitId} send={send} />
        ))}
      </ul>
      <PrnDoses recipientId={data.recipientId} visitId={visitId} medicines={data.asNeeded} onGiven={reload} />
    </section>
  );
}

function DoseRow({
  dose: d,
  visitId,
  send,
}: {
  dose: VisitDose;
  visitId: string;
  send: (url: string, body?: unknown) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [notGiven, setNotGiven] = useState(false);
  const [reason, setReason] = useState<(typeof notGivenReasons)[number]>('refused');
  const id = `${d.medicationId}-${d.time}`;
  const record = (status: string, extra: Record<string, unknown> = {}) =>
    send(`/api/visits/${visitId}/doses`, {
      doses: [{ medicationId: d.medicationId, time: hhmm(d.time), status, ...extra }],
    });
  return (
    <li className="dose-row" aria-labelledby={`dose-${id}`}>
      <p id={`dose-${id}`}>
        <strong>
          {hhmm(d.time)} {d.drugName} {d.strength}
        </strong>{' '}
        – {d.dose}, {t(`medicines.form_${d.form}`)}, {t(`medicines.route_${d.route}`)}
        {d.highRisk && <span className="tag warn">{t('medicines.highRisk')}</span>}
      </p>
      {d.status ? (
        <p className="small">
          {t('medicines.givenBy', { status: t(`medicines.status_${d.status}`), who: d.givenBy })}
          {d.notGivenReason ? `: ${t(`medicines.reason_${d.notGivenReason}`)}` : ''}
          {d.secondSignedBy && ` · ${t('medicines.secondBy', { who: d.secondSignedBy })}`}
        </p>
      ) : (
        <div className="row">
          <button type="button" onClick={() => void record('given')}>
            {t('medicines.status_given')}
          </button>
          <button type="button" onClick={() => void record('self_taken')}>
            {t('medicines.status_self_taken')}
          </button>
          <button type="button" onClick={() => setNotGiven(true)}>
            {t('medicines.status_not_given')}
          </button>
        </div>
      )}
      {notGiven && !d.status && (
        <div className="inline-form">
          <label htmlFor={`why-${id}`}>{t('medicines.notGivenReason')}</label>
          <select id={`why-${id}`} value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
            {notGivenReasons.map((r) => (
              <option key={r} value={r}>
                {t(`medicines.reason_${r}`)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void record('not_given', { notGivenReason: reason })}>
            {t('medicines.saveDose')}
          </button>
        </div>
      )}
      {d.awaitingSecond && d.administrationId && (
        <div className="row">
          <span className="tag warn">{t('medicines.awaitingSecond')}</span>
          <button type="button" onClick={() => void send(`/api/doses/${d.administrationId}/second-signature`)}>
            {t('medicines.signSecond')}
          </button>
        </div>
      )}
    </li>
  );
}
