import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { FieldError, useFieldProblems } from '../../components/fields.tsx';
import { useSession } from '../../session.tsx';

const P = 'name-item-';
const ORDER = ['title', 'kind', 'askedBy', 'informs', 'legalBasis', 'estimate.hoursPerMonth'];

/** Name a report, a form or a rule that costs time; a team member may give the team's hours at once. */
export function NameItemForm({ onNamed }: { onNamed: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<'report' | 'form' | 'rule'>('report');
  const [askedBy, setAskedBy] = useState('');
  const [informs, setInforms] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [hours, setHours] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const f = useFieldProblems(error, P, ORDER, 'reporting');
  const teamId = me.role === 'member' ? me.teamIds[0] : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', '/api/reporting', {
        title,
        kind,
        askedBy,
        informs,
        ...(legalBasis.trim() ? { legalBasis } : {}),
        ...(teamId && hours.trim() ? { estimate: { teamId, hoursPerMonth: Number(hours.replace(',', '.')) } } : {}),
      });
      setError(null);
      for (const clear of [setTitle, setAskedBy, setInforms, setLegalBasis, setHours]) clear('');
      onNamed();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const text = (field: string, value: string, set: (v: string) => void, multiline = false) => (
    <>
      <label htmlFor={P + field}>{t(`reporting.${field}`)}</label>
      {multiline ? (
        <textarea {...f.input(field)} value={value} onChange={(e) => set(e.target.value)} rows={2} />
      ) : (
        <input {...f.input(field)} value={value} onChange={(e) => set(e.target.value)} />
      )}
      <FieldError id={P + field} message={f.message(field)} />
    </>
  );

  return (
    <form onSubmit={(e) => void submit(e)} className="card stack" noValidate aria-labelledby="name-item-heading">
      <h2 id="name-item-heading">{t('reporting.nameHeading')}</h2>
      {text('title', title, setTitle)}
      <label htmlFor={`${P}kind`}>{t('reporting.kind')}</label>
      <select {...f.input('kind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        {(['report', 'form', 'rule'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`reporting.kind_${k}`)}
          </option>
        ))}
      </select>
      {text('askedBy', askedBy, setAskedBy)}
      {text('informs', informs, setInforms, true)}
      {text('legalBasis', legalBasis, setLegalBasis)}
      {teamId && (
        <>
          <label htmlFor={`${P}estimate.hoursPerMonth`}>{t('reporting.teamHours')}</label>
          <input
            {...f.input('estimate.hoursPerMonth')}
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
          <FieldError id={`${P}estimate.hoursPerMonth`} message={f.message('estimate.hoursPerMonth')} />
        </>
      )}
      {f.general && (
        <p role="alert" tabIndex={-1} ref={f.generalRef} className="alert alert-error">
          {t(`error.${f.general.code}`, { defaultValue: f.general.message })}
        </p>
      )}
      <button type="submit">{t('reporting.name')}</button>
    </form>
  );
}
