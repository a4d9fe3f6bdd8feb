import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { formatDay } from '../../components/time.ts';
import { MoveDialog } from './MoveDialog.tsx';
import { PlanPictures } from './PlanPictures.tsx';
import type { PlanView, PlanVisit } from '@tillit/contracts';
import { HelperRoute } from './HelperRoute.tsx';
import { UnassignedList } from './UnassignedList.tsx';

const ROUTES_OPEN = 'tillit.plan.routesOpen';

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
  const [dayIndex, setDayIndex] = useState(0);
  const [moving, setMoving] = useState<PlanVisit | null>(null);
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
      {view.staff.map((s) => (
        <HelperRoute
          key={`${s.id}-${allOpen}`}
          view={view}
          staff={s}
          date={date}
          open={allOpen}
          dayLocked={dayLocks.has(s.id)}
          onToggleDay={() => void toggleDay(s.id)}
          onLock={(v) => void call('POST', `/api/planning/visits/${v.id}/lock`, { staffId: s.id })}
          onUnlock={(v) => void unlockVisit(v.id)}
          onMove={setMoving}
        />
      ))}
      <UnassignedList visits={unassigned} reasons={reasons} onAssign={setMoving} />
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
