import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldError, Required, useFieldProblems } from '../../components/fields.tsx';
import { hhmm } from '../../components/time.ts';
import type { Care, MeasurePatchRequest, MeasureResult } from '@tillit/contracts';

type Measure = Care['measures'][number];
const ORDER = ['days', 'windowStart', 'windowEnd', 'durationMinutes', 'reason'];

/**
 * Changes one measure outside a shared decision: new days, window or duration, or a pause, a
 * resume or an end, always with a reason. The visits follow at once (the server moves, cancels
 * or makes them); the answer says how many, and the parent announces it.
 */
export function MeasureChange({
  measure,
  onSaved,
  onCancel,
}: {
  measure: Measure;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const P = `mc-${measure.id}-`;
  const dayNames = t('care.weekdayNames', { returnObjects: true }) as string[];
  const short = t('care.weekdays', { returnObjects: true }) as string[];
  const [days, setDays] = useState<number[]>(measure.days);
  const [from, setFrom] = useState(hhmm(measure.windowStart));
  const [to, setTo] = useState(hhmm(measure.windowEnd));
  const [duration, setDuration] = useState(String(measure.durationMinutes));
  const [reason, setReason] = useState('');
  const [withPerson, setWithPerson] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const f = useFieldProblems(error, P, ORDER, 'measureChange');

  const send = async (change: Partial<MeasurePatchRequest>, done: string) => {
    try {
      const res = await api<MeasureResult>('PATCH', `/api/measures/${measure.id}`, {
        version: measure.version,
        reason,
        decidedWithPerson: withPerson,
        ...change,
      } satisfies MeasurePatchRequest);
      setError(null);
      onSaved(`${done} ${t('measureChange.visits', { ...res.visits })}`);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void send(
      {
        days,
        windowStart: from,
        windowEnd: to,
        durationMinutes: duration.trim() === '' ? undefined : Number(duration),
      },
      t('measureChange.saved'),
    );
  };
  const toggle = (d: number) => setDays((xs) => (xs.includes(d) ? xs.filter((x) => x !== d) : [...xs, d].sort()));
  const paused = measure.status === 'paused';

  return (
    <form
      onSubmit={save}
      className="form-grid measure-change"
      noValidate
      aria-label={t('measureChange.formName', { title: measure.title })}
    >
      <fieldset className="days span-all" aria-describedby={f.message('days') ? `${P}days-error` : undefined}>
        <legend>{t('care.days')}</legend>
        {short.map((d, i) => (
          <span key={d} className="checkbox">
            <input
              id={i === 0 ? `${P}days` : `${P}day-${i + 1}`}
              type="checkbox"
              aria-label={dayNames[i]}
              checked={days.includes(i + 1)}
              onChange={() => toggle(i + 1)}
            />
            <label htmlFor={i === 0 ? `${P}days` : `${P}day-${i + 1}`}>{d}</label>
          </span>
        ))}
        <FieldError id={`${P}days`} message={f.message('days')} />
      </fieldset>
      <label htmlFor={`${P}windowStart`}>{t('care.windowStart')}</label>
      <input {...f.input('windowStart')} type="time" value={from} onChange={(e) => setFrom(e.target.value)} />
      <FieldError id={`${P}windowStart`} message={f.message('windowStart')} />
      <label htmlFor={`${P}windowEnd`}>{t('care.windowEnd')}</label>
      <input {...f.input('windowEnd')} type="time" value={to} onChange={(e) => setTo(e.target.value)} />
      <FieldError id={`${P}windowEnd`} message={f.message('windowEnd')} />
      <label htmlFor={`${P}durationMinutes`}>{t('care.duration')}</label>
      <input
        {...f.input('durationMinutes')}
        type="number"
        inputMode="numeric"
        value={duration}
        onChange={(e) => setDuration(e.target.value)}
      />
      <FieldError id={`${P}durationMinutes`} message={f.message('durationMinutes')} />
      <label htmlFor={`${P}reason`}>
        {t('measureChange.reason')}
        <Required />
      </label>
      <input {...f.input('reason')} value={reason} onChange={(e) => setReason(e.target.value)} required aria-required />
      <FieldError id={`${P}reason`} message={f.message('reason')} />
      <div className="checkbox span-all">
        <input id={`${P}with`} type="checkbox" checked={withPerson} onChange={(e) => setWithPerson(e.target.checked)} />
        <label htmlFor={`${P}with`}>{t('care.decidedWithPerson')}</label>
      </div>
      <div ref={f.generalRef} tabIndex={-1} className="span-all">
        <ErrorMessage error={f.general} />
      </div>
      <div className="button-row span-all">
        <button type="submit" className="primary">
          {t('measureChange.save')}
        </button>
        <button
          type="button"
          onClick={() =>
            void send(
              { status: paused ? 'active' : 'paused' },
              paused ? t('measureChange.resumed') : t('measureChange.paused'),
            )
          }
        >
          {paused ? t('measureChange.resume') : t('measureChange.pause')}
        </button>
        <button type="button" onClick={() => void send({ status: 'ended' }, t('measureChange.ended'))}>
          {t('measureChange.end')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('record.cancel')}
        </button>
      </div>
    </form>
  );
}
