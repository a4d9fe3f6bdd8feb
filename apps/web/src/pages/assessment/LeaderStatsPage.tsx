import {
  addDays,
  type LeaderStats,
  type LeaderStatsGroup,
  levelBands,
  osloToday,
  serviceTypes,
} from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';
import { useSession } from '../../session.tsx';
import { ChartFigure } from '../trust/ChartFigure.tsx';
import { EqualTreatmentFigure } from '../trust/EqualTreatmentFigure.tsx';

const BAND_COLOURS = ['#164a8a', '#5b7fa8', '#0b6e4f', '#6b7280'];

/**
 * Statistics for leaders (and a member's own team) from the assessments and the decisions: people
 * served, people per level of need of help, decided hours by service, new assessments. A cell
 * under five people (or one that would reveal one) comes as null and reads «færre enn 5».
 */
export function LeaderStatsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [from, setFrom] = useState(addDays(osloToday(), -89));
  const [to, setTo] = useState(osloToday());
  const [query, setQuery] = useState({ from, to });
  const team = me.role === 'member' ? me.teamIds[0] : null;
  const base = team ? `/api/teams/${team}/leader-statistics` : '/api/leader-statistics';
  const { data, error } = useApi<LeaderStats>(`${base}?from=${query.from}&to=${query.to}`);
  useEffect(() => {
    document.title = `${t('assessment.stats.title')} – Tillit`;
  }, [t]);
  const chartData = (data?.groups ?? []).map((g) => ({
    name: g.name,
    ...Object.fromEntries(levelBands.map((b) => [b, g.bands[b] ?? 0])),
  }));
  return (
    <div className="stack">
      <h1>{t('assessment.stats.title')}</h1>
      <p>{t('assessment.stats.intro')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ from, to });
        }}
      >
        <label htmlFor="ls-from">{t('assessment.stats.from')}</label>
        <input id="ls-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor="ls-to">{t('assessment.stats.to')}</label>
        <input id="ls-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit">{t('assessment.stats.show')}</button>
      </form>
      <ErrorMessage error={error} labels={{ from: t('assessment.stats.from'), to: t('assessment.stats.to') }} />
      {data && (
        <ChartFigure
          id="ls-chart"
          title={t('assessment.stats.chart')}
          chart={
            <ResponsiveContainer width="100%" height={Math.max(220, 60 + chartData.length * 44)}>
              <BarChart data={chartData} layout="vertical" accessibilityLayer={false}>
                <CartesianGrid stroke="#c9ced6" strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} tick={{ fill: '#1f2933', fontSize: 12 }} />
                <YAxis type="category" dataKey="name" width={120} tick={{ fill: '#1f2933', fontSize: 12 }} />
                <Tooltip />
                <Legend formatter={(value) => <span className="chart-legend">{value}</span>} />
                {levelBands.map((b, i) => (
                  <Bar
                    key={b}
                    dataKey={b}
                    stackId="bands"
                    name={t(`assessment.bands.${b}`)}
                    fill={BAND_COLOURS[i]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          }
          table={<StatsTable groups={data.groups} />}
        />
      )}
      <p className="small muted">{t('assessment.stats.bandRule')}</p>
      {me.role !== 'member' && <EqualTreatmentFigure />}
    </div>
  );
}

function StatsTable({ groups }: { groups: LeaderStatsGroup[] }) {
  const { t } = useTranslation();
  const cell = (v: number | null) => (v === null ? t('assessment.stats.suppressed') : v.toLocaleString());
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('assessment.stats.group')}</th>
          <th scope="col">{t('assessment.stats.people')}</th>
          {levelBands.map((b) => (
            <th scope="col" key={b}>
              {t(`assessment.bands.${b}`)}
            </th>
          ))}
          {serviceTypes.map((s) => (
            <th scope="col" key={s}>
              {t(`assessment.stats.services.${s}`)} ({t('assessment.stats.hours')})
            </th>
          ))}
          <th scope="col">{t('assessment.stats.newAssessments')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.id}>
            <th scope="row">
              {t(`assessment.stats.levels.${g.level}`)}: {g.name}
            </th>
            <td>{cell(g.people)}</td>
            {levelBands.map((b) => (
              <td key={b}>{cell(g.bands[b])}</td>
            ))}
            {serviceTypes.map((s) => (
              <td key={s}>{cell(g.hoursPerWeek[s])}</td>
            ))}
            <td>{cell(g.newAssessments)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
