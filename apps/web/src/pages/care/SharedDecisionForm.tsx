import type { SharedDecisionRequest } from '@tillit/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/** Samvalg at the visit: the question, two options, what the person chose and why, and the plan change. */
export function SharedDecisionForm({
  recipientId,
  visitId,
  measures,
  onSaved,
}: {
  recipientId: string;
  visitId: string;
  measures: { id: string; title: string }[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [measureId, setMeasureId] = useState(measures[0]?.id ?? '');
  const [question, setQuestion] = useState(t('samvalg.defaultQuestion'));
  const [option1, setOption1] = useState('');
  const [option2, setOption2] = useState('');
  const [chosen, setChosen] = useState<1 | 2>(2);
  const [why, setWhy] = useState('');
  const [action, setAction] = useState<'pause' | 'window'>('pause');
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('09:30');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/api/recipients/${recipientId}/shared-decisions`, {
        visitId,
        question,
        options: [option1, option2],
        chosen: chosen === 1 ? option1 : option2,
        why,
        change: action === 'pause' ? { action, measureId } : { action, measureId, windowStart: from, windowEnd: to },
      } satisfies SharedDecisionRequest);
      setError(null);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  if (saved)
    return (
      <p role="status" className="alert alert-ok">
        {t('samvalg.saved')}
      </p>
    );
  return (
    <form onSubmit={submit} className="card form-grid" aria-labelledby="samvalg-heading">
      <h2 id="samvalg-heading">{t('samvalg.title')}</h2>
      <label htmlFor="sv-measure">{t('samvalg.measure')}</label>
      <select id="sv-measure" value={measureId} onChange={(e) => setMeasureId(e.target.value)}>
        {measures.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title}
          </option>
        ))}
      </select>
      <label htmlFor="sv-question">{t('samvalg.question')}</label>
      <input id="sv-question" value={question} onChange={(e) => setQuestion(e.target.value)} />
      <label htmlFor="sv-o1">{t('samvalg.option1')}</label>
      <input id="sv-o1" value={option1} onChange={(e) => setOption1(e.target.value)} />
      <label htmlFor="sv-o2">{t('samvalg.option2')}</label>
      <input id="sv-o2" value={option2} onChange={(e) => setOption2(e.target.value)} />
      <fieldset>
        <legend>{t('samvalg.chosen')}</legend>
        <span className="checkbox">
          <input type="radio" id="sv-c1" name="sv-chosen" checked={chosen === 1} onChange={() => setChosen(1)} />
          <label htmlFor="sv-c1">{option1 || t('samvalg.option1')}</label>
        </span>
        <span className="checkbox">
          <input type="radio" id="sv-c2" name="sv-chosen" checked={chosen === 2} onChange={() => setChosen(2)} />
          <label htmlFor="sv-c2">{option2 || t('samvalg.option2')}</label>
        </span>
      </fieldset>
      <label htmlFor="sv-why">{t('samvalg.why')}</label>
      <input id="sv-why" value={why} onChange={(e) => setWhy(e.target.value)} />
      <fieldset>
        <legend>{t('samvalg.change')}</legend>
        <span className="checkbox">
          <input
            type="radio"
            id="sv-pause"
            name="sv-action"
            checked={action === 'pause'}
            onChange={() => setAction('pause')}
          />
          <label htmlFor="sv-pause">{t('samvalg.pause')}</label>
        </span>
        <span className="checkbox">
          <input
            type="radio"
            id="sv-window"
            name="sv-action"
            checked={action === 'window'}
            onChange={() => setAction('window')}
          />
          <label htmlFor="sv-window">{t('samvalg.window')}</label>
        </span>
        {action === 'window' && (
          <>
            <label htmlFor="sv-from">{t('samvalg.from')}</label>
            <input id="sv-from" type="time" value={from} onChange={(e) => setFrom(e.target.value)} />
            <label htmlFor="sv-to">{t('samvalg.to')}</label>
            <input id="sv-to" type="time" value={to} onChange={(e) => setTo(e.target.value)} />
          </>
        )}
      </fieldset>
      <ErrorMessage
        error={error}
        labels={{
          chosen: t('samvalg.chosen'),
          options: t('samvalg.option1'),
          'options.0': t('samvalg.option1'),
          'options.1': t('samvalg.option2'),
          why: t('samvalg.why'),
          question: t('samvalg.question'),
          'change.windowEnd': t('samvalg.to'),
        }}
      />
      <button type="submit" className="primary">
        {t('samvalg.save')}
      </button>
    </form>
  );
}
