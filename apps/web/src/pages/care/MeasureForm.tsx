import type { MeasureRequest, MeasureResult } from '@tillit/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';
import type { CompetenceType } from '../TeamPage.tsx';

/** A new measure: what and how, agreed days and window, duration, competence, usual helper. */
export function MeasureForm({
  recipientId,
  goals,
  members,
  onSaved,
}: {
  recipientId: string;
  goals: { id: string; description: string }[];
  members: { staffId: string; name: string }[];
  onSaved: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const types = useApi<CompetenceType[]>('/api/competence-types');
  const dayNames = t('care.weekdayNames', { returnObjects: true }) as string[];
  const short = t('care.weekdays', { returnObjects: true }) as string[];
  const [goalId, setGoalId] = useState(goals[0]?.id ?? '');
  const [need, setNeed] = useState('');
  const [title, setTitle] = useState('');
  const [how, setHow] = useState('');
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5, 6, 7]);
  const [from, setFrom] = useState('08:00');
  const [to, setTo] = useState('08:30');
  const [duration, setDuration] = useState(30);
  const [competence, setCompetence] = useState('');
  const [usual, setUsual] = useState('');
  const [withPerson, setWithPerson] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const made = await api<MeasureResult>('POST', `/api/recipients/${recipientId}/measures`, {
        goalId: goalId || null,
        professionalNeed: need || null,
        title,
        how,
        days,
        windowStart: from,
        windowEnd: to,
        durationMinutes: duration,
        requiredCompetence: competence || null,
        usualStaffId: usual || null,
        decidedWithPerson: withPerson,
      } satisfies MeasureRequest);
      setError(null);
      setTitle('');
      setHow('');
      onSaved(t('measureChange.added', { count: made.visits.created }));
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const toggle = (d: number) => setDays((xs) => (xs.includes(d) ? xs.filter((x) => x !== d) : [...xs, d].sort()));

  return (
    <form onSubmit={submit} className="form-grid measure-form">
      <label htmlFor="m-goal">{t('care.goal')}</label>
      <select id="m-goal" value={goalId} onChange={(e) => setGoalId(e.target.value)}>
        <option value="">{t('care.noGoalOption')}</option>
        {goals.map((g) => (
          <option key={g.id} value={g.id}>
            {g.description}
          </option>
        ))}
      </select>
      <label htmlFor="m-need">{t('care.professionalNeed')}</label>
      <input id="m-need" value={need} onChange={(e) => setNeed(e.target.value)} />
      <label htmlFor="m-title">{t('care.measureTitle')}</label>
      <input id="m-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="m-how">{t('care.how')}</label>
      <input id="m-how" value={how} onChange={(e) => setHow(e.target.value)} />
      <fieldset className="days">
        <legend>{t('care.days')}</legend>
        {short.map((d, i) => (
          <span key={d} className="checkbox">
            <input
              id={`m-day-${i + 1}`}
              type="checkbox"
              aria-label={dayNames[i]}
              checked={days.includes(i + 1)}
              onChange={() => toggle(i + 1)}
            />
            <label htmlFor={`m-day-${i + 1}`}>{d}</label>
          </span>
        ))}
      </fieldset>
      <label htmlFor="m-from">{t('care.windowStart')}</label>
      <input id="m-from" type="time" value={from} onChange={(e) => setFrom(e.target.value)} />
      <label htmlFor="m-to">{t('care.windowEnd')}</label>
      <input id="m-to" type="time" value={to} onChange={(e) => setTo(e.target.value)} />
      <label htmlFor="m-duration">{t('care.duration')}</label>
      <input
        id="m-duration"
        type="number"
        inputMode="numeric"
        value={duration}
        onChange={(e) => setDuration(Number(e.target.value))}
      />
      <label htmlFor="m-competence">{t('care.competence')}</label>
      <select id="m-competence" value={competence} onChange={(e) => setCompetence(e.target.value)}>
        <option value="">{t('care.none')}</option>
        {types.data?.map((c) => (
          <option key={c.code} value={c.code}>
            {i18n.language === 'en' ? c.nameEn : c.nameNb}
          </option>
        ))}
      </select>
      <label htmlFor="m-usual">{t('care.usualStaff')}</label>
      <select id="m-usual" value={usual} onChange={(e) => setUsual(e.target.value)}>
        <option value="">–</option>
        {members.map((m) => (
          <option key={m.staffId} value={m.staffId}>
            {m.name}
          </option>
        ))}
      </select>
      <div className="checkbox">
        <input id="m-with" type="checkbox" checked={withPerson} onChange={(e) => setWithPerson(e.target.checked)} />
        <label htmlFor="m-with">{t('care.decidedWithPerson')}</label>
      </div>
      <ErrorMessage
        error={error}
        labels={{
          goalId: t('care.goal'),
          title: t('care.measureTitle'),
          windowStart: t('care.windowStart'),
          windowEnd: t('care.windowEnd'),
          days: t('care.days'),
          durationMinutes: t('care.duration'),
        }}
      />
      <button type="submit" className="primary">
        {t('care.addMeasure')}
      </button>
    </form>
  );
}
