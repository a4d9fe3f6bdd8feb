import { useTranslation } from 'react-i18next';
import type { PlanView, PlanVisit } from '@tillit/contracts';
import { hhmm } from '../../components/time.ts';

type Staff = PlanView['staff'][number];

/** One helper's route on one day: working time, the stops in order, lock and move. */
export function HelperRoute({
  view,
  staff: s,
  date,
  open,
  dayLocked,
  onToggleDay,
  onLock,
  onUnlock,
  onMove,
}: {
  view: PlanView;
  staff: Staff;
  date: string;
  open: boolean;
  dayLocked: boolean;
  onToggleDay: () => void;
  onLock: (v: PlanVisit) => void;
  onUnlock: (v: PlanVisit) => void;
  onMove: (v: PlanVisit) => void;
}) {
  const { t } = useTranslation();
  const name = new Map(view.staff.map((x) => [x.id, x.name]));
  const dayVisits = view.visits.filter((v) => v.date === date);
  const di = view.dates.indexOf(date);
  // A split shift has two parts; the break between them is not working time.
  const parts = s.shifts[di] ?? [];
  const stops = dayVisits
    .filter((v) => v.helpers.includes(s.id))
    .sort((a, b) => (a.start ?? a.windowStart) - (b.start ?? b.windowStart));
  if (parts.length === 0 && stops.length === 0) return null;
  return (
    <article className="card route" aria-label={s.name}>
      <details open={open}>
        <summary className="row">
          <h4>{s.name}</h4>
          <span className="muted small">
            {s.absent[di]
              ? t('plan.absent')
              : parts.length
                ? parts.map((p) => `${hhmm(p.start)}–${hhmm(p.end)}`).join(', ')
                : t('plan.noShift')}
            {' · '}
            {t('plan-view.visitCount', { count: stops.length })}
          </span>
        </summary>
        <button type="button" aria-pressed={dayLocked} onClick={onToggleDay}>
          {dayLocked ? t('plan.unlockDay') : t('plan.lockDay')}
        </button>
        {stops.length === 0 ? (
          <p className="muted">{t('plan.noVisits')}</p>
        ) : (
          <ol className="plain stack-tight">
            {stops.map((v) => (
              <li key={v.id} className={`stop${v.changed ? ' changed' : ''}`}>
                <span className="visit-time">{v.start !== null ? hhmm(v.start) : '–'}</span>
                <span>
                  <strong>{v.person}</strong> · {v.measures.join(', ')}
                  <span className="small muted">
                    {' '}
                    {t('plan.window', { from: hhmm(v.windowStart), to: hhmm(v.windowEnd) })}
                    {v.twoHelpers &&
                      ` · ${t('plan.twoHelpers', {
                        other: v.helpers
                          .filter((h) => h !== s.id)
                          .map((h) => name.get(h))
                          .join(', '),
                      })}`}
                  </span>
                  {v.changed && <span className="tag">{t('plan.changedTag')}</span>}
                  {v.lockedTo && <span className="tag">{t('plan.lockedTag')}</span>}
                </span>
                <span className="row">
                  {v.lockedTo ? (
                    <button
                      type="button"
                      onClick={() => onUnlock(v)}
                      aria-label={`${t('plan.unlock')}: ${v.person} ${hhmm(v.windowStart)}`}
                    >
                      {t('plan.unlock')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      onClick={() => onLock(v)}
                      aria-label={`${t('plan.lock')}: ${v.person} ${hhmm(v.windowStart)}`}
                    >
                      {t('plan.lock')}
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => onMove(v)}
                    aria-label={`${t('plan.move')}: ${v.person} ${hhmm(v.windowStart)}`}
                  >
                    {t('plan.move')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </details>
    </article>
  );
}
