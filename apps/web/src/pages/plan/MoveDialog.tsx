import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { returnFocus } from '../../components/returnFocus.ts';
import { formatDate, hhmm } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import type { Candidates, NotOffered, PlanVisit } from '@tillit/contracts';
import { useCompetenceNames } from './useCompetenceNames.ts';

/**
 * Move a visit to a helper (it is then locked there for the next run). Everyone in the team is
 * listed; those who cannot take it are shown with the reason — principle 8 made visible.
 */
export function MoveDialog({
  visit,
  onClose,
  onMoved,
}: {
  visit: PlanVisit;
  onClose: () => void;
  onMoved: () => void;
}) {
  const { t } = useTranslation();
  const competence = useCompetenceNames();
  const { data, error } = useApi<Candidates>(`/api/planning/visits/${visit.id}/candidates`);
  const [choice, setChoice] = useState('');
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // A modal dialog (Escape closes it) that opens at its top: the title takes focus at once, so
  // the dialog is scrolled to its start, and the first helper that can be chosen takes it when
  // the list has come; on closing, focus goes back to the button that opened it.
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    title.current?.focus();
    return () => returnFocus(opener);
  }, []);
  useEffect(() => {
    if (!data || document.activeElement !== title.current) return;
    const first = dialog.current?.querySelector<HTMLInputElement>('input[type="radio"]:not(:disabled)');
    first?.focus();
    first?.scrollIntoView({ block: 'nearest' });
  }, [data]);
  const why = (r: NotOffered) => {
    switch (r.code) {
      case 'missing_competence':
        return (
          t('plan.why.missing_competence', { competence: competence(r.competence) }) +
          (r.expiredOn
            ? ` ${t('plan.why.expired', { date: formatDate(r.expiredOn) })}`
            : r.validFrom
              ? ` ${t('plan.why.validFrom', { date: formatDate(r.validFrom) })}`
              : '')
        );
      case 'shift_outside_window':
        return t('plan.why.shift_outside_window', {
          shifts: r.shifts.map((p) => `${hhmm(p.start)}–${hhmm(p.end)}`).join(', '),
        });
      default:
        return t(`plan.why.${r.code}`);
    }
  };
  const save = async () => {
    try {
      await api('POST', `/api/planning/visits/${visit.id}/lock`, { staffId: choice });
      onMoved();
    } catch (err) {
      setSaveError(err as ApiError);
    }
  };
  return (
    <dialog ref={dialog} aria-labelledby="move-title" onClose={onClose} className="card">
      <h3 id="move-title" ref={title} tabIndex={-1}>
        {t('plan.moveTitle', { person: visit.person, time: hhmm(visit.windowStart) })}
      </h3>
      {data && data.competences.length > 0 && (
        <p>{t('plan.needs', { competences: data.competences.map(competence).join(', ') })}</p>
      )}
      <ErrorMessage error={error ?? saveError} labels={{ staffId: t('plan.helper') }} />
      {data && (
        <fieldset>
          <legend>{t('plan.chooseHelper')}</legend>
          <ul className="plain stack-tight">
            {data.candidates.map((c) => (
              <li key={c.staffId}>
                <label className={c.offered ? '' : 'muted'}>
                  <input
                    type="radio"
                    name="helper"
                    value={c.staffId}
                    disabled={!c.offered}
                    checked={choice === c.staffId}
                    onChange={() => setChoice(c.staffId)}
                  />{' '}
                  {c.name}
                  {!c.offered && <span className="small"> — {c.reasons.map(why).join('; ')}</span>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={!choice} onClick={() => void save()}>
          {t('plan.moveHere')}
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('visit.cancel')}
        </button>
      </div>
    </dialog>
  );
}
