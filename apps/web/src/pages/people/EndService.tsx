import type { EndServiceRequest, EndServiceResult, RecordView } from '@tillit/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldError, Required, useFieldProblems } from '../../components/fields.tsx';
import { formatDate, todayIso } from '../../components/time.ts';
import { useSession } from '../../session.tsx';

const P = 'es-';
const ORDER = ['teamId', 'lastDay', 'reason'];

/** «Avslutt tjenesten»: the serving team ends its service on a last day; the visits after it are cancelled. */
export function EndService({ record, onEnded }: { record: RecordView; onEnded: (message: string) => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const mine = record.teams.filter((x) => me.teamIds.includes(x.id));
  const [teamId, setTeamId] = useState(mine[0]?.id ?? '');
  const [lastDay, setLastDay] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const f = useFieldProblems(error, P, ORDER, 'endService');
  if (mine.length === 0) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const res = await api<EndServiceResult>('POST', `/api/recipients/${record.id}/end-service`, {
        teamId,
        lastDay,
        reason,
      } satisfies EndServiceRequest);
      setError(null);
      setOpen(false);
      onEnded(t('endService.done', { date: formatDate(res.lastDay), count: res.cancelledVisits }));
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <section aria-labelledby="end-heading" className="card">
      <h2 id="end-heading">{t('endService.heading')}</h2>
      <p className="muted small">{t('endService.intro')}</p>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
          {t('endService.open')}
        </button>
      ) : (
        <form onSubmit={submit} className="form-grid" noValidate>
          <label htmlFor={`${P}teamId`}>{t('endService.team')}</label>
          <select {...f.input('teamId')} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            {mine.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
          <FieldError id={`${P}teamId`} message={f.message('teamId')} />
          <label htmlFor={`${P}lastDay`}>
            {t('endService.lastDay')}
            <Required />
          </label>
          <input
            {...f.input('lastDay')}
            type="date"
            value={lastDay}
            onChange={(e) => setLastDay(e.target.value)}
            required
          />
          <FieldError id={`${P}lastDay`} message={f.message('lastDay')} />
          <label htmlFor={`${P}reason`}>
            {t('endService.reason')}
            <Required />
          </label>
          <input
            {...f.input('reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            aria-required
          />
          <FieldError id={`${P}reason`} message={f.message('reason')} />
          <div ref={f.generalRef} tabIndex={-1} className="span-all">
            <ErrorMessage error={f.general} />
          </div>
          <div className="button-row span-all">
            <button type="submit" className="primary">
              {t('endService.submit')}
            </button>
            <button type="button" className="link-button" onClick={() => setOpen(false)}>
              {t('record.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
