import type { TeamRota } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDate, hhmm, todayIso, weekdayName } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import {
  AbsenceForm,
  type AbsenceDraft,
  type EntryDraft,
  endMinuteOf,
  RotaEntryForm,
  toMinutes,
} from './RotaForms.tsx';

type Entry = TeamRota['entries'][number];

/** «Dag man ons 07:30–15:00 · hver 2. uke, uke 1»: one rota entry in words. */
function useDescribeEntry() {
  const { t } = useTranslation();
  return (e: Entry) =>
    `${t(`rota.kind_${e.kind}`)} ${e.weekdays.map((d) => weekdayName(d)).join(' ')} ${hhmm(e.startMinute)}–` +
    (e.endMinute > 1440 ? `${hhmm(e.endMinute - 1440)} ${t('rota.nextDay')}` : hhmm(e.endMinute)) +
    (e.everyWeeks > 1 ? ` · ${t('rota.cycle', { every: e.everyWeeks, week: e.weekOffset + 1 })}` : '');
}

/** «Turnus og fravær»: the team keeps its own rota and absences; the planner reads them. */
export function RotaPage() {
  const { id: teamId } = useParams();
  const { t } = useTranslation();
  const { data, error, reload } = useApi<TeamRota>(`/api/planning/teams/${teamId}/rota`);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [entry, setEntry] = useState<EntryDraft>({
    staffId: '',
    kind: 'day',
    weekdays: [1, 2, 3, 4, 5],
    everyWeeks: 1,
    weekOffset: 0,
    start: '07:30',
    end: '15:00',
    validFrom: todayIso(),
  });
  const [absence, setAbsence] = useState<AbsenceDraft>({
    staffId: '',
    fromDate: todayIso(),
    toDate: todayIso(),
    reason: 'leave',
  });
  useEffect(() => {
    document.title = `${t('rota.title')} – Tillit`;
  }, [t]);
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
      <RotaTable data={data} remove={(url) => void send('DELETE', url)} />
      <RotaEntryForm staff={data.staff} entry={entry} setEntry={setEntry} onSave={() => void addEntry()} />
      <AbsenceForm
        staff={data.staff}
        absence={absence}
        setAbsence={setAbsence}
        onSave={() => void send('POST', `/api/planning/teams/${teamId}/absences`, absence)}
      />
    </div>
  );
}

/** Each helper's shifts and absences, with a button to remove each. */
function RotaTable({ data, remove }: { data: TeamRota; remove: (url: string) => void }) {
  const { t } = useTranslation();
  const describeEntry = useDescribeEntry();
  return (
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
                          onClick={() => remove(`/api/planning/rota/${e.id}`)}
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
                        {t(`rota.reason_${a.reason}`)} {formatDate(a.fromDate)}–{formatDate(a.toDate)}{' '}
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => remove(`/api/planning/absences/${a.id}`)}
                          aria-label={`${t('rota.remove')}: ${s.name} ${formatDate(a.fromDate)}`}
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
  );
}
