import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { formatDay, hhmm } from '../../components/time.ts';
import { MoveDialog } from './MoveDialog.tsx';
import { PlanPictures } from './PlanPictures.tsx';
import type { PlanView, PlanVisit, UnassignedReason } from '@tillit/contracts';
import { useCompetenceNames } from './useCompetenceNames.ts';

const ROUTES_OPEN = 'tillit.plan.routesOpen';
/** A day with many visits nobody got lists the first ones; the rest are one tap away. */
const FIRST_UNASSIGNED = 10;

/** One day at a time: each helper's route in order, with lock and move; then the visits nobody got, and why. */
export function PlanRoutes({
  view,
  onChanged,
  onError,
}: {
  view: PlanView;
  onChanged: () => void;
  onError: (e: ApiError | null) => void;
}) {
  const { t } = useTranslation();
  const competence = useCompetenceNames();
  const [dayIndex, setDayIndex] = useState(0);
  const [moving, setMoving] = useState<PlanVisit | null>(null);
  const [allUnassigned, setAllUnassigned] = useState(false);
  // Routes start folded on a phone (one line per helper) and open on a wide screen; the choice
  // is kept while the tab lives, so a new proposal does not fold them again.
  const [allOpen, setAllOpenState] = useState(
    () => (sessionStorage.getItem(ROUTES_OPEN) ?? String(window.matchMedia('(min-width: 64rem)').matches)) === 'true',
  );
  const setAllOpen = (open: boolean) => {
    sessionStorage.setItem(ROUTES_OPEN, String(open));
    setAllOpenState(open);
  };
  const date = view.dates[Math.min(dayIndex, view.dates.length - 1)];
  const name = new Map(view.staff.map((s) => [s.id, s.name]));
  const dayVisits = view.visits.filter((v) => v.date === date);
  const dayLocks = new Map(view.locks.filter((l) => l.date === date).map((l) => [l.staffId, l]));
  const reasons = new Map(view.unassigned.map((u) => [u.visitId, u.reason]));
  const unassigned = dayVisits.filter((v) => v.helpers.length === 0 && v.status === 'planned');

  const call = async (method: 'POST' | 'DELETE', url: string, body?: unknown) => {
    try {
      await api(method, url, body);
      onError(null);
      onChanged();
    } catch (err) {
      onError(err as ApiError);
    }
  };
  const unlockVisit = async (visitId: string) => {
    const lock = view.locks.find((l) => l.visitId === visitId);
    if (lock) await call('DELETE', `/api/planning/locks/${lock.id}`);
  };
  const toggleDay = async (staffId: string) => {
    const lock = dayLocks.get(staffId);
    if (lock) await call('DELETE', `/api/planning/locks/${lock.id}`);
    else await call('POST', `/api/planning/teams/${view.teamId}/day-locks`, { staffId, date });
  };
  const reasonText = (r: UnassignedReason | null | undefined) =>
    !r
      ? t('plan.reason.notPlanned')
      : r.code === 'no_competence'
        ? t('plan.reason.no_competence', { competence: competence(r.competence) })
        : t(`plan.reason.${r.code}`);

  return (
    <section aria-labelledby="plan-routes" className="stack">
      <h2 id="plan-routes">{t('plan.routes')}</h2>
      {/* One day at a time, picked in one field: fourteen day buttons were fourteen tab stops on a phone. */}
      <div className="inline-form">
        <div>
          <label htmlFor="plan-day">{t('plan-view.day')}</label>
          <select id="plan-day" value={date} onChange={(e) => setDayIndex(view.dates.indexOf(e.target.value))}>
            {view.dates.map((d) => (
              <option key={d} value={d}>
                {formatDay(d)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => setAllOpen(!allOpen)} aria-pressed={allOpen}>
          {allOpen ? t('plan-view.closeAll') : t('plan-view.openAll')}
        </button>
      </div>
      <h3>{formatDay(date)}</h3>
      <PlanPictures view={view} date={date} />
      {view.staff.map((s) => {
        const di = view.dates.indexOf(date);
        // A split shift has two parts; the break between them is not working time.
        const parts = s.shifts[di] ?? [];
        const stops = dayVisits
          .filter((v) => v.helpers.includes(s.id))
          .sort((a, b) => (a.start ?? a.windowStart) - (b.start ?? b.windowStart));
        if (parts.length === 0 && stops.length === 0) return null;
        return (
          <article key={`${s.id}-${allOpen}`} className="card route" aria-label={s.name}>
            <details open={allOpen}>
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
              <button type="button" aria-pressed={dayLocks.has(s.id)} onClick={() => void toggleDay(s.id)}>
                {dayLocks.has(s.id) ? t('plan.unlockDay') : t('plan.lockDay')}
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
                            onClick={() => void unlockVisit(v.id)}
                            aria-label={`${t('plan.unlock')}: ${v.person} ${hhmm(v.windowStart)}`}
                          >
                            {t('plan.unlock')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            onClick={() => void call('POST', `/api/planning/visits/${v.id}/lock`, { staffId: s.id })}
                            aria-label={`${t('plan.lock')}: ${v.person} ${hhmm(v.windowStart)}`}
                          >
                            {t('plan.lock')}
                          </button>
                        )}
                        <button
                          type="button"
                          onClick={() => setMoving(v)}
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
      })}
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
                  onClick={() => setMoving(v)}
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
      {moving && (
        <MoveDialog
          visit={moving}
          onClose={() => setMoving(null)}
          onMoved={() => {
            setMoving(null);
            onChanged();
          }}
        />
      )}
    </section>
  );
}
