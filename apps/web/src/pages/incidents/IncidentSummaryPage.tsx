import { addDays, type IncidentSummary, osloToday } from '@tillit/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useApi } from '../../components/useApi.ts';

/** Leaders: incidents counted per team, theme and state; never a person or who reported. */
export function IncidentSummaryPage() {
  const { t } = useTranslation();
  const today = osloToday();
  const [from, setFrom] = useState(addDays(today, -90));
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState({ from, to });
  const { data, error } = useApi<IncidentSummary>(`/api/incidents/summary?from=${period.from}&to=${period.to}`);
  useEffect(() => {
    document.title = `${t('incidents.summaryTitle')} – Tillit`;
  }, [t]);
  const show = (e: FormEvent) => {
    e.preventDefault();
    setPeriod({ from, to });
  };
  const rows = (data?.teams ?? []).flatMap((team) => team.counts.map((c) => ({ team: team.teamName, ...c })));
  return (
    <div className="stack">
      <h1>{t('incidents.summaryTitle')}</h1>
      <p>{t('incidents.summaryIntro')}</p>
      <form onSubmit={show} className="inline-form">
        <label htmlFor="summary-from">{t('incidents.from')}</label>
        <input id="summary-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor="summary-to">{t('incidents.to')}</label>
        <input id="summary-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit">{t('incidents.show')}</button>
      </form>
      <ErrorMessage error={error} labels={{ from: t('incidents.from'), to: t('incidents.to') }} />
      {data && rows.length === 0 && <p>{t('incidents.none')}</p>}
      {rows.length > 0 && (
        <TableWrap label={t('incidents.summaryTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('incidents.teamColumn')}</th>
                <th scope="col">{t('incidents.themeColumn')}</th>
                <th scope="col">{t('incidents.state.reported')}</th>
                <th scope="col">{t('incidents.state.reviewed')}</th>
                <th scope="col">{t('incidents.state.closed')}</th>
              </tr>
            </thead>
            <tbody>
              {groupRows(rows).map((r) => (
                <tr key={`${r.team}-${r.theme}`}>
                  <th scope="row">{r.team}</th>
                  <td>{t(`incidents.themes.${r.theme}`)}</td>
                  <td>{r.reported}</td>
                  <td>{r.reviewed}</td>
                  <td>{r.closed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}

type Count = { team: string; theme: string; state: 'reported' | 'reviewed' | 'closed'; count: number };
/** One row per team and theme, a column per state. */
function groupRows(rows: Count[]) {
  const out = new Map<string, { team: string; theme: string; reported: number; reviewed: number; closed: number }>();
  for (const r of rows) {
    const key = `${r.team}\u0000${r.theme}`;
    const row = out.get(key) ?? { team: r.team, theme: r.theme, reported: 0, reviewed: 0, closed: 0 };
    row[r.state] += r.count;
    out.set(key, row);
  }
  return [...out.values()];
}
