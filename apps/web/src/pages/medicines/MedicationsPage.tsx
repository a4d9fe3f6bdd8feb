import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDate, hhmm, todayIso } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { MedError } from './MedError.tsx';
import { PillOrganiser } from './PillOrganiser.tsx';
import { PrescribeForm } from './PrescribeForm.tsx';
import { ReconcileForm } from './ReconcileForm.tsx';

export interface Medication {
  id: string;
  drugName: string;
  form: string;
  strength: string;
  dose: string;
  times: number[];
  route: string;
  indication: string;
  prescriber: string;
  startDate: string;
  stopDate: string | null;
  asNeeded: boolean;
  maxPer24h: number | null;
  dispensing: string;
  atcCode: string | null;
  highRisk: boolean;
  version: number;
  history: { version: number; source: string; reason: string; changedAt: string; changedBy: string }[];
}
export interface MedicationList {
  medications: Medication[];
  reconciliations: { id: string; source: string; confirmedAt: string; confirmedBy: string }[];
  fills: { id: string; periodFrom: string; periodTo: string; filledBy: string; checkedBy: string | null }[];
  person: { givenName: string; familyName: string };
}

const PARTS = [
  ['morning', 0, 660],
  ['midday', 660, 960],
  ['evening', 960, 1260],
  ['night', 1260, 1440],
] as const;

/** «Personen → Legemidler»: current drugs grouped by time of day, changes with source and date, the chart as PDF. */
export function MedicationsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data, error, reload } = useApi<MedicationList>(`/api/recipients/${id}/medications`);
  const [reconciling, setReconciling] = useState(false);
  useEffect(() => {
    if (data) document.title = `${t('medicines.titleFor', { name: data.person.givenName })} – Tillit`;
  }, [data, t]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('common.loading')}</p>;
  const today = todayIso();
  const current = data.medications.filter((m) => !m.stopDate || m.stopDate >= today);
  const fixed = current.filter((m) => !m.asNeeded);
  const last = data.reconciliations[0];
  return (
    <div className="stack">
      <p>
        <Link to={`/people/${id}`}>← {t('medicines.back')}</Link>
      </p>
      <h1>{t('medicines.titleFor', { name: `${data.person.givenName} ${data.person.familyName}` })}</h1>
      <p>
        <a href={`/api/recipients/${id}/medication-chart.pdf`}>{t('medicines.chart')}</a>
      </p>
      {last && (
        <p className="muted">
          {t('medicines.lastReconciled', {
            when: formatDate(last.confirmedAt.slice(0, 10)),
            who: last.confirmedBy,
            source: t(`medicines.source_${last.source}`),
          })}
        </p>
      )}
      {current.length === 0 && <p>{t('medicines.none')}</p>}
      {PARTS.map(([part, from, to]) => {
        const rows = fixed.flatMap((m) => m.times.filter((x) => x >= from && x < to).map((time) => ({ m, time })));
        if (!rows.length) return null;
        return (
          <section key={part} aria-labelledby={`part-${part}`} className="card">
            <h2 id={`part-${part}`}>{t(`medicines.${part}`)}</h2>
            <ul className="plain stack">
              {rows
                .sort((a, b) => a.time - b.time)
                .map(({ m, time }) => (
                  <li key={`${m.id}-${time}`}>
                    <strong>{hhmm(time)}</strong> <MedicationLine m={m} />
                  </li>
                ))}
            </ul>
          </section>
        );
      })}
      {current.some((m) => m.asNeeded) && (
        <section aria-labelledby="part-prn" className="card">
          <h2 id="part-prn">{t('medicines.asNeededHeading')}</h2>
          <ul className="plain stack">
            {current
              .filter((m) => m.asNeeded)
              .map((m) => (
                <li key={m.id}>
                  <MedicationLine m={m} /> · {t('medicines.maxPer24h', { max: m.maxPer24h })}
                </li>
              ))}
          </ul>
        </section>
      )}
      <History medications={data.medications} onChanged={reload} />
      {current.some((m) => m.dispensing === 'pill_organiser') && (
        <PillOrganiser recipientId={id!} fills={data.fills} onChanged={reload} />
      )}
      {reconciling ? (
        <ReconcileForm
          recipientId={id!}
          medications={current}
          onDone={() => void reload().then(() => setReconciling(false))}
        />
      ) : (
        <button type="button" onClick={() => setReconciling(true)}>
          {t('medicines.reconcile')}
        </button>
      )}
      <PrescribeForm recipientId={id!} onSaved={reload} />
    </div>
  );
}

function MedicationLine({ m }: { m: Medication }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>
        {m.drugName} {m.strength}
      </strong>{' '}
      – {m.dose}, {t(`medicines.form_${m.form}`)}, {t(`medicines.route_${m.route}`)} · {m.indication} ·{' '}
      {t(`medicines.dispensing_${m.dispensing}`)}
      {m.highRisk && <span className="tag warn">{t('medicines.highRisk')}</span>}
    </>
  );
}

/** Each medicine's changes with source, date and who; and stopping one (with why). */
function History({ medications, onChanged }: { medications: Medication[]; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const [stopping, setStopping] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const stop = async (m: Medication) => {
    try {
      const stopDate = todayIso() < m.startDate ? m.startDate : todayIso();
      await api('PATCH', `/api/medications/${m.id}`, { version: m.version, stopDate, source: 'gp_letter', reason });
      setError(null);
      setStopping(null);
      await onChanged();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  if (!medications.length) return null;
  return (
    <section aria-labelledby="history-heading" className="card stack">
      <h2 id="history-heading">{t('medicines.history')}</h2>
      <MedError error={error} labels={{ reason: t('medicines.stopReason') }} />
      {medications.map((m) => (
        <details key={m.id}>
          <summary>
            {m.drugName} {m.strength}
            {m.stopDate && m.stopDate < todayIso() ? ` (${t('medicines.stopped').toLowerCase()})` : ''}
          </summary>
          <ul>
            {m.history.map((h) => (
              <li key={h.version}>
                {t('medicines.change', {
                  version: h.version,
                  when: formatDate(h.changedAt.slice(0, 10)),
                  who: h.changedBy,
                  reason: h.reason,
                  source: t(`medicines.source_${h.source}`),
                })}
              </li>
            ))}
          </ul>
          {!m.stopDate &&
            (stopping === m.id ? (
              <div className="inline-form">
                <label htmlFor={`stop-${m.id}`}>{t('medicines.stopReason')}</label>
                <input id={`stop-${m.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
                <button type="button" onClick={() => void stop(m)}>
                  {t('medicines.stopSave')}
                </button>
              </div>
            ) : (
              <button type="button" onClick={() => setStopping(m.id)}>
                {t('medicines.stop')} {m.drugName}
              </button>
            ))}
        </details>
      ))}
    </section>
  );
}
