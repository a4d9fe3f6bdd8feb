import type { CompleteVisitRequest, DayVisit, WithheldVisit } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ApiError } from '../api.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { hhmm, todayIso } from '../components/time.ts';
import { useApi } from '../components/useApi.ts';
import { giveOpenDoses, useDayDoses } from './medicines/DayDoses.ts';
import { PlanChanges } from './plan/PlanChanges.tsx';

/**
 * «Min dag»: the helper's visits in time order, one tap to the visit screen. A visit whose person
 * the helper may not see (the server withholds it) shows only its time and asks them to talk to the team.
 */
export function DayPage() {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const { data, error, reload } = useApi<(DayVisit | WithheldVisit)[]>(`/api/me/day?date=${date}`);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const doses = useDayDoses(date);
  const announce = useAnnounce();
  // The routine case is two taps from this list: «Alt utført som planlagt» → confirm.
  const allDone = async (id: string, version: number, name: string) => {
    try {
      await giveOpenDoses(id, doses.byVisit.get(id));
      await api('POST', `/api/visits/${id}/complete`, { version, allAsPlanned: true } satisfies CompleteVisitRequest);
      setSaveError(null);
      setConfirming(null);
      await Promise.all([reload(), doses.reload()]);
      // The buttons pressed are gone: focus goes to the visit itself, now marked done.
      announce(t('a11y.visitDone', { name }), `a[href="/visits/${id}"]`);
    } catch (err) {
      setSaveError(err as ApiError);
    }
  };
  useEffect(() => {
    document.title = `${t('day.title')} – Tillit`;
  }, [t]);
  return (
    <section className="stack">
      <h1>{t('day.title')}</h1>
      <div className="inline-form">
        <label htmlFor="day-date">{t('day.date')}</label>
        <input id="day-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <PlanChanges onSeen={reload} />
      <ErrorMessage error={error ?? saveError} />
      {data?.length === 0 && <p>{t('day.empty')}</p>}
      <ol className="visit-list">
        {data?.map((v) =>
          v.access === 'withheld' ? (
            <li key={v.id}>
              <div className="visit-row">
                <span className="visit-time">
                  {v.plannedStart !== null ? hhmm(v.plannedStart) : `${hhmm(v.windowStart)}–${hhmm(v.windowEnd)}`}
                </span>
                <span>{t('day.withheld')}</span>
              </div>
            </li>
          ) : (
            <li key={v.id}>
              <Link to={`/visits/${v.id}`} className={`visit-row status-${v.status}`}>
                <span className="visit-time">
                  {v.plannedStart !== null ? hhmm(v.plannedStart) : `${hhmm(v.windowStart)}–${hhmm(v.windowEnd)}`}
                </span>
                {v.plannedStart !== null && (
                  <span className="small muted">
                    {t('day.window', { from: hhmm(v.windowStart), to: hhmm(v.windowEnd) })}
                  </span>
                )}
                <span className="person-name">{v.displayName}</span>
                {/* The person's own words before the tasks: what matters to them frames the visit. */}
                {v.whatMatters && (
                  <span className="own-words">
                    {t('own-words.dayLine', { name: v.displayName.split(' ')[0], words: v.whatMatters })}
                  </span>
                )}
                <span className="muted">{v.addressLine}</span>
                <span>{(v.measures ?? []).join(', ')}</span>
                {doses.byVisit.has(v.id) && (
                  <span className="tag">{t('medicines.doses', { count: doses.byVisit.get(v.id)!.planned })}</span>
                )}
                {v.otherHelper && <span className="small">{t('day.also', { name: v.otherHelper })}</span>}
                {v.openConditionChanges > 0 && <span className="tag warn">{t('day.flag')}</span>}
                {v.planChanged && <span className="tag warn">{t('day.planChanged')}</span>}
                <span className="small muted">{t(`day.status_${v.status}`)}</span>
              </Link>
              {(v.status === 'planned' || v.status === 'started') &&
                (confirming === v.id ? (
                  <div className="row">
                    <button
                      type="button"
                      className="primary"
                      // biome-ignore lint/a11y/noAutofocus: the button pressed is replaced by this one; focus follows it (WCAG 2.4.3)
                      autoFocus
                      onClick={() => void allDone(v.id, v.version, v.displayName)}
                    >
                      {t('visit.confirm')}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('visit.cancel')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="quick"
                    onClick={() => setConfirming(v.id)}
                    aria-label={`${t('visit.allDone')}: ${v.displayName} ${hhmm(v.windowStart)}`}
                  >
                    {t('visit.allDone')}
                  </button>
                ))}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
