import type { ReportingItem } from '@tillit/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldError, useFieldProblems } from '../../components/fields.tsx';

type Props = { item: ReportingItem; onDone: (message: string) => void };
const decimal = (s: string) => Number(s.replace(',', '.'));

/** The team's hours per month for this item (replaces its earlier estimate). */
export function EstimateForm({ item, teamId, onDone }: Props & { teamId: string }) {
  const { t } = useTranslation();
  const P = `est-${item.id}-`;
  const own = item.estimates.find((e) => e.teamId === teamId);
  const [hours, setHours] = useState(own ? String(own.hoursPerMonth) : '');
  const [error, setError] = useState<ApiError | null>(null);
  const f = useFieldProblems(error, P, ['hoursPerMonth'], 'reporting');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/api/reporting/${item.id}/estimates/${teamId}`, { hoursPerMonth: decimal(hours) });
      setError(null);
      onDone(t('reporting.estimated'));
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="inline-form" noValidate>
      <label htmlFor={`${P}hoursPerMonth`}>{t('reporting.teamHours')}</label>
      <input
        {...f.input('hoursPerMonth')}
        inputMode="decimal"
        value={hours}
        onChange={(e) => setHours(e.target.value)}
      />
      <FieldError id={`${P}hoursPerMonth`} message={f.message('hoursPerMonth')} />
      <button type="submit">{t('reporting.saveHours')}</button>
    </form>
  );
}

/** One side proposes what to do with the item; the other side confirms it. */
export function ProposeForm({ item, onDone }: Props) {
  const { t } = useTranslation();
  const P = `prop-${item.id}-`;
  const [outcome, setOutcome] = useState<'keep' | 'simplify' | 'derive' | 'remove'>('remove');
  const [reason, setReason] = useState('');
  const [hoursAfter, setHoursAfter] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const f = useFieldProblems(error, P, ['outcome', 'reason', 'hoursAfter'], 'reporting');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const after = outcome === 'simplify' && hoursAfter.trim() ? { hoursAfter: decimal(hoursAfter) } : {};
      await api('POST', `/api/reporting/${item.id}/proposal`, { outcome, reason, version: item.version, ...after });
      setError(null);
      onDone(t('reporting.proposed'));
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="stack"
      noValidate
      aria-label={t('reporting.proposeFor', { title: item.title })}
    >
      <label htmlFor={`${P}outcome`}>{t('reporting.outcome')}</label>
      <select {...f.input('outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
        {(['remove', 'derive', 'simplify', 'keep'] as const).map((o) => (
          <option key={o} value={o}>
            {t(`reporting.outcome_${o}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${P}reason`}>{t('reporting.reason')}</label>
      <textarea {...f.input('reason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
      <FieldError id={`${P}reason`} message={f.message('reason')} />
      {outcome === 'simplify' && (
        <>
          <label htmlFor={`${P}hoursAfter`}>{t('reporting.hoursAfter')}</label>
          <input
            {...f.input('hoursAfter')}
            inputMode="decimal"
            value={hoursAfter}
            onChange={(e) => setHoursAfter(e.target.value)}
          />
          <FieldError id={`${P}hoursAfter`} message={f.message('hoursAfter')} />
        </>
      )}
      {f.general && <ErrorMessage error={f.general} />}
      <button type="submit">{t('reporting.propose')}</button>
    </form>
  );
}

/** The other side agrees, and the decision stands. */
export function ConfirmDecision({ item, onDone }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const confirm = async () => {
    try {
      await api('POST', `/api/reporting/${item.id}/confirm`, { version: item.version });
      setError(null);
      onDone(t('reporting.confirmed'));
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <div className="stack">
      <ErrorMessage error={error} />
      <button type="button" onClick={() => void confirm()}>
        {t('reporting.confirm', { outcome: t(`reporting.outcome_${item.outcome}`) })}
      </button>
    </div>
  );
}
