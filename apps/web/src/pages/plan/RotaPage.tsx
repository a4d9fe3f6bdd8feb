import type { RotaPattern } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { hhmm, todayIso } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { locale } from '../../i18n/index.ts';

type Entry = RotaPattern & { id: string };
interface Rota {
  staff: { id: string; name: string; profession: string }[];
  entries: Entry[];
  absences: { id: string; staffId: string; fromDate: string; toDate: string; reason: string }[];
}

const toMinutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** The usual hours of each kind of shift, filled in when the kind is chosen. */
const HOURS: Record<string, { start: string; end: string }> = {
  day: { start: '07:30', end: '15:00' },
  evening: { start: '15:00', end: '22:00' },
  night: { start: '22:00', end: '07:00' },
};
/** A shift that ends at or before its start runs past midnight: its end is the next morning (minute + 1440). */
const endMinuteOf = (start: string, end: string) =>
  toMinutes(end) <= toMinutes(start) ? toMinutes(end) + 1440 : toMinutes(end);

/** «Turnus og fravær»: the team keeps its own rota and absences; the planner reads them. */
export function RotaPage() {
  const { id: teamId } = useParams();
  const { t } = useTranslation();
  const { data, error, reload } = useApi<Rota>(`/api/planning/teams/${teamId}/rota`);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [entry, setEntry] = useState({
    staffId: '',
    kind: 'day',
    weekdays: [1, 2, 3, 4, 5],
    everyWeeks: 1,
    weekOffset: 0,
    start: '07:30',
    end: '15:00',
    validFrom: todayIso(),
  });
  const [absence, setAbsence] = useState({ staffId: '', fromDate: todayIso(), toDate: todayIso(), reason: 'leave' });
  useEffect(() => {
    document.title = `${t('rota.title')} – Tillit`;
  }, [t]);
  const weekdayName = (d: number) =>
    new Date(Date.UTC(2026, 0, 4 + d)).toLocaleDateString(locale(), { weekday: 'short', timeZone: 'UTC' });
  const send = async (method: 'POST' | 'DELETE', url: string, body?: unknown) => {
    try {
      await api(method, url, body);
      setSaveError(null);
      await reload();
      return true;
    } catch (err) {
      setSaveError(err as ApiError);
      return false;
    }
  };
  const addEntry = () =>
    send('POST', `/api/planning/teams/${teamId}/rota`, {
      staffId: entry.staffId,
      kind: entry.kind,
      weekdays: entry.weekdays,
      everyWeeks: entry.everyWeeks,
      weekOffset: entry.weekOffset,
      startMinute: toMinutes(entry.start),
      endMinute: endMinuteOf(entry.start, entry.end),
      validFrom: entry.validFrom,
    });
  const describeEntry = (e: Entry) =>
    `${t(`rota.kind_${e.kind}`)} ${e.weekdays.map(weekdayName).join(' ')} ${hhmm(e.startMinute)}–` +
    (e.endMinute > 1440 ? `${hhmm(e.endMinute - 1440)} ${t('rota.nextDay')}` : hhmm(e.endMinute)) +
    (e.everyWeeks > 1 ? ` · ${t('rota.cycle', { every: e.everyWeeks, week: e.weekOffset + 1 })}` : '');
  const overnight = endMinuteOf(entry.start, entry.end) > 1440;
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('common.loading')}</p>;
  const labels = {
    staffId: t('plan.helper'),
    startMinute: t('rota.start'),
    endMinute: t('rota.end'),
    weekdays: t('rota.weekdays'),
    toDate: t('rota.toDate'),
    weekOffset: t('rota.week'),
  };
  return (
    <div className="stack">
      <h1>{t('rota.title')}</h1>
      <p>
        <Link to={`/teams/${teamId}/plan`}>{t('rota.backToPlan')}</Link>
      </p>
      <ErrorMessage error={saveError} labels={labels} />
      <TableWrap label={t('rota.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('plan.helper')}</th>
              <th scope="col">{t('rota.shifts')}</th>
              <th scope="col">{t('rota.absences')}</th>
            </tr>
          </thead>
          <tbody>
            {data.staff.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>
                  <ul className="plain">
                    {data.entries
                      .filter((e) => e.staffId === s.id)
                      .map((e) => (
                        <li key={e.id}>
                          {describeEntry(e)}{' '}
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => void send('DELETE', `/api/planning/rota/${e.id}`)}
                            aria-label={`${t('rota.remove')}: ${s.name} ${describeEntry(e)}`}
                          >
                            {t('rota.remove')}
                          </button>
                        </li>
                      ))}
                  </ul>
                </td>
                <td>
                  <ul className="plain">
                    {data.absences
                      .filter((a) => a.staffId === s.id)
                      .map((a) => (
                        <li key={a.id}>
                          {t(`rota.reason_${a.reason}`)} {a.fromDate}–{a.toDate}{' '}
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => void send('DELETE', `/api/planning/absences/${a.id}`)}
                            aria-label={`${t('rota.remove')}: ${s.name} ${a.fromDate}`}
                          >
                            {t('rota.remove')}
                          </button>
                        </li>
                      ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <form
        className="card stack"
        aria-labelledby="rota-add"
        onSubmit={(e) => {
          e.preventDefault();
          void addEntry();
        }}
      >
        <h2 id="rota-add">{t('rota.add')}</h2>
        <p className="small muted">{t('rota.splitHelp')}</p>
        <div className="inline-form">
          <div>
            <label htmlFor="rota-staff">{t('plan.helper')}</label>
            <select
              id="rota-staff"
              value={entry.staffId}
              onChange={(e) => setEntry({ ...entry, staffId: e.target.value })}
              required
            >
              <option value="">–</option>
              {data.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="rota-kind">{t('rota.kind')}</label>
            <select
              id="rota-kind"
              value={entry.kind}
              onChange={(e) => setEntry({ ...entry, kind: e.target.value, ...HOURS[e.target.value] })}
            >
              {['day', 'evening', 'night'].map((k) => (
                <option key={k} value={k}>
                  {t(`rota.kind_${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="rota-start">{t('rota.start')}</label>
            <input
              id="rota-start"
              type="time"
              value={entry.start}
              onChange={(e) => setEntry({ ...entry, start: e.target.value })}
              required
            />
          </div>
          <div>
            <label htmlFor="rota-end">{t('rota.end')}</label>
            <input
              id="rota-end"
              type="time"
              value={entry.end}
              onChange={(e) => setEntry({ ...entry, end: e.target.value })}
              aria-describedby={overnight ? 'rota-overnight' : undefined}
              required
            />
          </div>
        </div>
        {overnight && (
          <p id="rota-overnight" className="small" aria-live="polite">
            {t('rota.overnight', { end: entry.end })}
          </p>
        )}
        <fieldset>
          <legend>{t('rota.weekdays')}</legend>
          <div className="row">
            {WEEKDAYS.map((d) => (
              <label key={d}>
                <input
                  type="checkbox"
                  checked={entry.weekdays.includes(d)}
                  onChange={(e) =>
                    setEntry({
                      ...entry,
                      weekdays: e.target.checked
                        ? [...entry.weekdays, d].sort()
                        : entry.weekdays.filter((x) => x !== d),
                    })
                  }
                />{' '}
                {weekdayName(d)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="inline-form">
          <div>
            <label htmlFor="rota-every">{t('rota.every')}</label>
            <select
              id="rota-every"
              value={entry.everyWeeks}
              onChange={(e) => setEntry({ ...entry, everyWeeks: Number(e.target.value), weekOffset: 0 })}
            >
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {t('rota.everyN', { count: n })}
                </option>
              ))}
            </select>
          </div>
          {entry.everyWeeks > 1 && (
            <div>
              <label htmlFor="rota-week">{t('rota.week')}</label>
              <select
                id="rota-week"
                value={entry.weekOffset}
                onChange={(e) => setEntry({ ...entry, weekOffset: Number(e.target.value) })}
              >
                {Array.from({ length: entry.everyWeeks }, (_, i) => (
                  <option key={i} value={i}>
                    {i + 1}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label htmlFor="rota-from">{t('rota.validFrom')}</label>
            <input
              id="rota-from"
              type="date"
              value={entry.validFrom}
              onChange={(e) => setEntry({ ...entry, validFrom: e.target.value })}
              required
            />
          </div>
          <button type="submit" className="primary">
            {t('rota.save')}
          </button>
        </div>
      </form>

      <form
        className="card stack"
        aria-labelledby="absence-add"
        onSubmit={(e) => {
          e.preventDefault();
          void send('POST', `/api/planning/teams/${teamId}/absences`, absence);
        }}
      >
        <h2 id="absence-add">{t('rota.addAbsence')}</h2>
        <div className="inline-form">
          <div>
            <label htmlFor="abs-staff">{t('plan.helper')}</label>
            <select
              id="abs-staff"
              value={absence.staffId}
              onChange={(e) => setAbsence({ ...absence, staffId: e.target.value })}
              required
            >
              <option value="">–</option>
              {data.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="abs-from">{t('rota.fromDate')}</label>
            <input
              id="abs-from"
              type="date"
              value={absence.fromDate}
              onChange={(e) => setAbsence({ ...absence, fromDate: e.target.value })}
              required
            />
          </div>
          <div>
            <label htmlFor="abs-to">{t('rota.toDate')}</label>
            <input
              id="abs-to"
              type="date"
              value={absence.toDate}
              onChange={(e) => setAbsence({ ...absence, toDate: e.target.value })}
              required
            />
          </div>
          <div>
            <label htmlFor="abs-reason">{t('rota.reason')}</label>
            <select
              id="abs-reason"
              value={absence.reason}
              onChange={(e) => setAbsence({ ...absence, reason: e.target.value })}
            >
              {['sick', 'leave', 'course', 'other'].map((r) => (
                <option key={r} value={r}>
                  {t(`rota.reason_${r}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary">
            {t('rota.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
