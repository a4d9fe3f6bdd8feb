import { dispensings, dosageForms, medicationSources, routes } from '@tillit/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { todayIso } from '../../components/time.ts';
import { MedError } from './MedError.tsx';

const EMPTY = {
  drugName: '',
  form: 'tablet',
  strength: '',
  dose: '',
  times: '08:00',
  route: 'oral',
  indication: '',
  prescriber: '',
  startDate: todayIso(),
  stopDate: '',
  asNeeded: false,
  maxPer24h: '',
  dispensing: 'multidose',
  atcCode: '',
  highRisk: false,
  source: 'gp_letter',
  sourceNote: '',
  reason: '',
};
type Draft = typeof EMPTY;
const TEXT = ['drugName', 'strength', 'dose', 'indication', 'prescriber', 'atcCode', 'sourceNote', 'reason'] as const;
const CHOICES = { form: dosageForms, route: routes, dispensing: dispensings, source: medicationSources } as const;

/** A new medicine on the list, as the GP's letter (or another source) says, with why. */
export function PrescribeForm({ recipientId, onSaved }: { recipientId: string; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>({ ...EMPTY, startDate: todayIso() });
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const set = (k: keyof Draft, v: string | boolean) => setD({ ...d, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/api/recipients/${recipientId}/medications`, {
        ...d,
        times: d.asNeeded
          ? []
          : d.times
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
        stopDate: d.stopDate || null,
        maxPer24h: d.asNeeded ? Number(d.maxPer24h) || null : null,
        atcCode: d.atcCode || null,
        ...(d.sourceNote ? {} : { sourceNote: undefined }),
      });
      setError(null);
      setD({ ...EMPTY, startDate: todayIso() });
      setStatus(t('medicines.saved'));
      await onSaved();
    } catch (err) {
      setError(err as ApiError);
      setStatus('');
    }
  };
  const labels = Object.fromEntries(
    [...TEXT, 'times', 'startDate', 'stopDate', 'maxPer24h'].map((k) => [
      k,
      t(`medicines.${k === 'times' ? 'times' : k === 'maxPer24h' ? 'maxPer24hLabel' : k}`),
    ]),
  );
  return (
    <form onSubmit={(e) => void submit(e)} className="card stack prescribe-form">
      <h2>{t('medicines.new')}</h2>
      <MedError error={error} labels={labels} />
      <p role="status" className={status ? 'alert alert-ok' : 'visually-hidden'}>
        {status}
      </p>
      {TEXT.slice(0, 5).map((k) => (
        <Field key={k} id={`rx-${k}`} label={t(`medicines.${k}`)} value={d[k]} onChange={(v) => set(k, v)} />
      ))}
      {(Object.keys(CHOICES) as (keyof typeof CHOICES)[]).slice(0, 3).map((k) => (
        <Choice key={k} name={k} value={d[k]} options={CHOICES[k]} onChange={(v) => set(k, v)} />
      ))}
      <span className="checkbox">
        <input
          id="rx-asNeeded"
          type="checkbox"
          checked={d.asNeeded}
          onChange={(e) => set('asNeeded', e.target.checked)}
        />
        <label htmlFor="rx-asNeeded">{t('medicines.asNeeded')}</label>
      </span>
      {d.asNeeded ? (
        <Field
          id="rx-maxPer24h"
          label={t('medicines.maxPer24hLabel')}
          value={d.maxPer24h}
          onChange={(v) => set('maxPer24h', v)}
        />
      ) : (
        <Field id="rx-times" label={t('medicines.timesHint')} value={d.times} onChange={(v) => set('times', v)} />
      )}
      <Field
        id="rx-startDate"
        type="date"
        label={t('medicines.startDate')}
        value={d.startDate}
        onChange={(v) => set('startDate', v)}
      />
      <Field
        id="rx-stopDate"
        type="date"
        label={t('medicines.stopDate')}
        value={d.stopDate}
        onChange={(v) => set('stopDate', v)}
      />
      <Field id="rx-atcCode" label={t('medicines.atcCode')} value={d.atcCode} onChange={(v) => set('atcCode', v)} />
      <span className="checkbox">
        <input
          id="rx-highRisk"
          type="checkbox"
          checked={d.highRisk}
          onChange={(e) => set('highRisk', e.target.checked)}
        />
        <label htmlFor="rx-highRisk">{t('medicines.highRiskFlag')}</label>
      </span>
      <Choice name="source" value={d.source} options={CHOICES.source} onChange={(v) => set('source', v)} />
      <Field
        id="rx-sourceNote"
        label={t('medicines.sourceNote')}
        value={d.sourceNote}
        onChange={(v) => set('sourceNote', v)}
      />
      <Field id="rx-reason" label={t('medicines.reason')} value={d.reason} onChange={(v) => set('reason', v)} />
      <button type="submit" className="primary">
        {t('medicines.save')}
      </button>
    </form>
  );
}

function Field(p: { id: string; label: string; value: string; onChange: (v: string) => void; type?: string }) {
  return (
    <>
      <label htmlFor={p.id}>{p.label}</label>
      <input id={p.id} type={p.type ?? 'text'} value={p.value} onChange={(e) => p.onChange(e.target.value)} />
    </>
  );
}

function Choice(p: { name: string; value: string; options: readonly string[]; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={`rx-${p.name}`}>{t(`medicines.${p.name}`)}</label>
      <select id={`rx-${p.name}`} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        {p.options.map((o) => (
          <option key={o} value={o}>
            {t(`medicines.${p.name}_${o}`)}
          </option>
        ))}
      </select>
    </>
  );
}
