import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, hhmm } from '../../components/time.ts';
import type { PlanVisit } from '@tillit/contracts';

/**
 * The visits a proposal leaves without (enough) helpers: nobody would come. Publishing them is
 * sometimes right (the board takes them), but never by accident.
 */
export function unstaffedVisits(visits: PlanVisit[]): PlanVisit[] {
  return visits
    .filter((v) => v.status === 'planned' && v.helpers.length < (v.twoHelpers ? 2 : 1))
    .sort((a, b) => a.date.localeCompare(b.date) || a.windowStart - b.windowStart);
}

/** Asks before a plan with unstaffed visits is published, listing them. */
export function PublishConfirm({
  visits,
  onPublish,
  onClose,
}: {
  visits: PlanVisit[];
  onPublish: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="unstaffed-title"
      aria-describedby="unstaffed-help"
      onClose={onClose}
      className="card"
    >
      <h2 id="unstaffed-title">{t('plan-view.unstaffedTitle', { count: visits.length })}</h2>
      <p id="unstaffed-help">{t('plan-view.unstaffedHelp')}</p>
      <ul className="plain stack-tight unstaffed-list">
        {visits.map((v) => (
          <li key={v.id}>
            {t('plan-view.unstaffedVisit', {
              day: formatDay(v.date, 'short'),
              from: hhmm(v.windowStart),
              to: hhmm(v.windowEnd),
              person: v.person,
            })}
            {v.helpers.length === 1 && ` (${t('plan-view.secondMissing')})`}
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('plan-view.goBack')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            dialog.current?.close();
            onPublish();
          }}
        >
          {t('plan-view.publishAnyway')}
        </button>
      </div>
    </dialog>
  );
}
