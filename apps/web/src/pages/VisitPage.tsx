import type { CompleteVisitRequest, MeasureOutcome as Outcome, ObservationKind, Visit } from '@tillit/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type ApiError } from '../api.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatDate, formatTime, hhmm } from '../components/time.ts';
import { useApi } from '../components/useApi.ts';
import { SharedDecisionForm } from './care/SharedDecisionForm.tsx';
import { VisitDoses } from './medicines/VisitDoses.tsx';
import { SurveyLinkQr } from './trust/SurveyLinkQr.tsx';

type Body = Omit<CompleteVisitRequest, 'version'>;
// In the order the form offers them (type-only import: the bundle does not take zod for a list).
const KINDS: ObservationKind[] = [
  'blood_pressure',
  'pulse',
  'temperature',
  'spo2',
  'weight',
  'respiratory_rate',
  'news2',
];

/**
 * The visit screen. The common case is two taps: «Alt utført som planlagt» → confirm.
 * Anything else (a measure not done, a measurement, a note, a change in condition) is one
 * form with large targets.
 */
export function VisitPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error, reload } = useApi<Visit>(`/api/visits/${id}`);
  const [confirming, setConfirming] = useState(false);
  const [details, setDetails] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [deciding, setDeciding] = useState(false);
  const announce = useAnnounce();
  useEffect(() => {
    if (data) document.title = `${data.recipient.givenName} ${hhmm(data.windowStart)} – Tillit`;
  }, [data]);

  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('common.loading')}</p>;

  const handOver = async () => {
    try {
      const link = await api<{ path: string }>('POST', `/api/recipients/${data.recipient.id}/survey-links`, {
        channel: 'tablet',
      });
      navigate(link.path);
    } catch (err) {
      setSaveError(err as ApiError);
    }
  };
  const complete = async (body: Body) => {
    try {
      await api('POST', `/api/visits/${id}/complete`, {
        ...body,
        version: data.version,
      } satisfies CompleteVisitRequest);
      setSaveError(null);
      setConfirming(false);
      await reload();
      announce(t('visit.done'), '#visit-done');
    } catch (err) {
      setSaveError(err as ApiError);
    }
  };
  const done = data.status === 'done';

  return (
    <div className="stack">
      <p>
        <Link to="/day">← {t('day.title')}</Link>
      </p>
      <h1>
        {data.recipient.givenName} {data.recipient.familyName}
      </h1>
      <p>
        {formatDate(data.date)} · {hhmm(data.windowStart)}–{hhmm(data.windowEnd)} · {data.recipient.addressLine}
        {data.helpers && data.helpers.length > 1 ? ` · ${t('visit.helpers')}: ${data.helpers.join(', ')}` : ''}
      </p>
      {data.status === 'planned' && (
        <button
          type="button"
          className="primary"
          onClick={() =>
            void api('POST', `/api/visits/${id}/check-in`).then(reload, (e) => setSaveError(e as ApiError))
          }
        >
          {t('visit.checkIn')}
        </button>
      )}
      <CheckedIn visit={data} />
      {data.conditionChanges.length > 0 && <p className="alert alert-warn">{data.conditionChanges.join(' · ')}</p>}
      <VisitCare visit={data} />
      <VisitDoses visitId={data.id} />
      <button type="button" onClick={() => void handOver()}>
        {t('survey.handOver')}
      </button>
      <SurveyLinkQr recipientId={data.recipient.id} />
      {deciding ? (
        <SharedDecisionForm
          recipientId={data.recipient.id}
          visitId={data.id}
          measures={data.measures}
          onSaved={() => void reload()}
        />
      ) : (
        <button type="button" onClick={() => setDeciding(true)}>
          {t('samvalg.open')}
        </button>
      )}
      {done ? (
        <p id="visit-done" tabIndex={-1} className="alert alert-ok">
          {t('visit.done')}
        </p>
      ) : (
        <>
          {!confirming ? (
            <button type="button" className="primary big" onClick={() => setConfirming(true)}>
              {t('visit.allDone')}
            </button>
          ) : (
            <div className="row">
              <button
                type="button"
                className="primary big"
                // biome-ignore lint/a11y/noAutofocus: «Alt utført» is replaced by this button; focus follows it (WCAG 2.4.3)
                autoFocus
                onClick={() => void complete({ allAsPlanned: true })}
              >
                {t('visit.confirm')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('visit.cancel')}
              </button>
            </div>
          )}
          <ErrorMessage
            error={saveError}
            labels={{
              'observations.0.value': t('visit.value'),
              'observations.0.value2': t('visit.value2'),
              conditionChange: t('visit.flagText'),
              note: t('visit.note'),
            }}
          />
          {!details ? (
            <button type="button" onClick={() => setDetails(true)}>
              {t('visit.details')}
            </button>
          ) : (
            <VisitDetailsForm measures={data.measures} onSubmit={(body) => void complete(body)} />
          )}
        </>
      )}
    </div>
  );
}

/** When the helper checked in (or that they did not, on a visit documented as done). */
function CheckedIn({ visit: data }: { visit: Visit }) {
  const { t } = useTranslation();
  return (
    <>
      {data.checkedInAt ? (
        <p className="muted">
          {t('visit.checkedIn', {
            time: formatTime(data.checkedInAt),
          })}
        </p>
      ) : (
        data.status === 'done' && <p className="muted">{t('visit.notCheckedIn')}</p>
      )}
    </>
  );
}

/** What matters to the person, and the measures of the visit with their outcomes. */
function VisitCare({ visit: data }: { visit: Visit }) {
  const { t } = useTranslation();
  return (
    <>
      {/* Open, first: the person's own words are what the visit is for (not a box to unfold). */}
      <section aria-labelledby="what-matters-heading" className="card own-words-card">
        <h2 id="what-matters-heading">{t('own-words.visitHeading', { name: data.recipient.givenName })}</h2>
        {data.whatMatters.length === 0 ? (
          <p className="muted">{t('own-words.none', { name: data.recipient.givenName })}</p>
        ) : (
          <ul>
            {data.whatMatters.map((w, i) => (
              <li key={i}>«{w}»</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="measures-heading" className="card">
        <h2 id="measures-heading">{t('visit.measures')}</h2>
        <ul className="plain">
          {data.measures.map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong>
              {m.how && <span className="muted"> – {m.how}</span>}
              {m.outcome && (
                <span className="tag">
                  {t(`visit.outcome_${m.outcome}`)}
                  {m.reason ? `: ${m.reason}` : ''}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <Documented visit={data} />
    </>
  );
}

/** UCUM codes as people write them: mm[Hg] → mmHg, Cel → °C, {score} → nothing. */
const shownUnit = (ucum: string) => (ucum === 'Cel' ? '°C' : ucum.replace(/\{[^}]*\}/g, '').replace(/[[\]]/g, ''));

/** What was written and measured at this visit, so the next helper reads it where it happened. */
function Documented({ visit: data }: { visit: Visit }) {
  const { t } = useTranslation();
  if (data.status !== 'done' && !data.note && data.observations.length === 0) return null;
  return (
    <section aria-labelledby="documented-heading" className="card">
      <h2 id="documented-heading">{t('own-words.documented')}</h2>
      {!data.note && data.observations.length === 0 && <p className="muted">{t('own-words.noneDocumented')}</p>}
      {data.note && (
        <p>
          <strong>{t('own-words.note')}:</strong> «{data.note}»
        </p>
      )}
      {data.observations.length > 0 && (
        <ul className="plain">
          {data.observations.map((o, i) => (
            <li key={i}>
              {t(`visit.kind_${o.kind}`)}: {o.value}
              {o.value2 !== null ? `/${o.value2}` : ''} {shownUnit(o.unit)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Anything other than «all as planned»: each measure's outcome, a measurement, a note, a change in condition. */
function VisitDetailsForm({ measures, onSubmit }: { measures: Visit['measures']; onSubmit: (body: Body) => void }) {
  const { t } = useTranslation();
  const [outcomes, setOutcomes] = useState<Record<string, { outcome: Outcome; reason: string }>>({});
  const [note, setNote] = useState('');
  const [forHandover, setForHandover] = useState(false);
  const [kind, setKind] = useState<ObservationKind>('blood_pressure');
  const [value, setValue] = useState('');
  const [value2, setValue2] = useState('');
  const [flag, setFlag] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const observations = value
      ? [
          {
            kind,
            value: Number(value.replace(',', '.')),
            ...(kind === 'blood_pressure' ? { value2: Number(value2.replace(',', '.')) } : {}),
          },
        ]
      : [];
    onSubmit({
      outcomes: measures.map((m) => ({
        measureId: m.id,
        outcome: outcomes[m.id]?.outcome ?? 'done',
        ...(outcomes[m.id]?.reason ? { reason: outcomes[m.id].reason } : {}),
      })),
      ...(note.trim() ? { note, noteForHandover: forHandover } : {}),
      observations,
      ...(flag.trim() ? { conditionChange: flag } : {}),
    });
  };
  return (
    <form onSubmit={submit} className="card stack">
      {measures.map((m) => (
        <fieldset key={m.id}>
          <legend>{m.title}</legend>
          {(['done', 'not_done', 'changed'] as const).map((o) => (
            <span key={o} className="checkbox">
              <input
                type="radio"
                id={`o-${m.id}-${o}`}
                name={`o-${m.id}`}
                checked={(outcomes[m.id]?.outcome ?? 'done') === o}
                onChange={() =>
                  setOutcomes({ ...outcomes, [m.id]: { outcome: o, reason: outcomes[m.id]?.reason ?? '' } })
                }
              />
              <label htmlFor={`o-${m.id}-${o}`}>{t(`visit.outcome_${o}`)}</label>
            </span>
          ))}
          {(outcomes[m.id]?.outcome ?? 'done') !== 'done' && (
            <>
              <label htmlFor={`r-${m.id}`}>{t('visit.reason')}</label>
              <input
                id={`r-${m.id}`}
                value={outcomes[m.id]?.reason ?? ''}
                onChange={(e) => setOutcomes({ ...outcomes, [m.id]: { ...outcomes[m.id], reason: e.target.value } })}
              />
            </>
          )}
        </fieldset>
      ))}
      <fieldset>
        <legend>{t('visit.observation')}</legend>
        <label htmlFor="obs-kind">{t('visit.kind')}</label>
        <select id="obs-kind" value={kind} onChange={(e) => setKind(e.target.value as ObservationKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`visit.kind_${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="obs-value">{t('visit.value')}</label>
        <input id="obs-value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        {kind === 'blood_pressure' && (
          <>
            <label htmlFor="obs-value2">{t('visit.value2')}</label>
            <input id="obs-value2" inputMode="decimal" value={value2} onChange={(e) => setValue2(e.target.value)} />
          </>
        )}
      </fieldset>
      <label htmlFor="visit-note">{t('visit.note')}</label>
      <textarea id="visit-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <span className="checkbox">
        <input
          type="checkbox"
          id="visit-note-handover"
          checked={forHandover}
          onChange={(e) => setForHandover(e.target.checked)}
        />
        <label htmlFor="visit-note-handover">{t('handover.markNote')}</label>
      </span>
      <label htmlFor="visit-flag">
        {t('visit.flag')}: {t('visit.flagText')}
      </label>
      <textarea id="visit-flag" rows={2} value={flag} onChange={(e) => setFlag(e.target.value)} />
      <button type="submit" className="primary">
        {t('visit.save')}
      </button>
    </form>
  );
}
