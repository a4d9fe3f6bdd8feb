import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVisit, UnassignedReason } from '@tillit/contracts';
import { hhmm } from '../../components/time.ts';
import { useCompetenceNames } from './useCompetenceNames.ts';

/** A day with many visits nobody got lists the first ones; the rest are one tap away. */
const FIRST_UNASSIGNED = 10;

/** The day's visits nobody got, each with why, and a way to give it to someone. */
export function UnassignedList({
  visits: unassigned,
  reasons,
  onAssign,
}: {
  visits: PlanVisit[];
  reasons: Map<string, UnassignedReason | null>;
  onAssign: (v: PlanVisit) => void;
}) {
  const { t } = useTranslation();
  const competence = useCompetenceNames();
  const [allUnassigned, setAllUnassigned] = useState(false);
  const reasonText = (r: UnassignedReason | null | undefined) =>
    !r
      ? t('plan.reason.notPlanned')
      : r.code === 'no_competence'
        ? t('plan.reason.no_competence', { competence: competence(r.competence) })
        : t(`plan.reason.${r.code}`);
  return (
    <section aria-labelledby="plan-unassigned" className="card">
      <h3 id="plan-unassigned">{t('plan.unassigned', { count: unassigned.length })}</h3>
      {unassigned.length === 0 ? (
        <p className="muted">{t('plan.noneUnassigned')}</p>
      ) : (
        <ul className="plain stack-tight">
          {(allUnassigned ? unassigned : unassigned.slice(0, FIRST_UNASSIGNED)).map((v) => (
            <li key={v.id}>
              <strong>{v.person}</strong> {hhmm(v.windowStart)}–{hhmm(v.windowEnd)} · {v.measures.join(', ')} —{' '}
              <span>{reasonText(reasons.get(v.id))}</span>{' '}
              <button
                type="button"
                onClick={() => onAssign(v)}
                aria-label={`${t('plan.assign')}: ${v.person} ${hhmm(v.windowStart)}`}
              >
                {t('plan.assign')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!allUnassigned && unassigned.length > FIRST_UNASSIGNED && (
        <button type="button" onClick={() => setAllUnassigned(true)}>
          {t('plan-view.showAllUnassigned', { count: unassigned.length })}
        </button>
      )}
    </section>
  );
}
