import { type EqualTreatment, levelBands } from '@tillit/contracts';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';
import { ChartFigure } from './ChartFigure.tsx';

const COLOURS = ['#164a8a', '#5b7fa8', '#0b6e4f', '#6b7280'];

/**
 * Equal treatment (integrity): decided hours per week per person by level of need of help, team
 * beside team, as a chart with its table. Bands under five people come as null and are not drawn.
 */
export function EqualTreatmentFigure({ teamId }: { teamId?: string }) {
  const { t } = useTranslation();
  const url = teamId ? `/api/teams/${teamId}/equal-treatment` : '/api/trust/equal-treatment';
  const { data, error } = useApi<EqualTreatment>(url);
  const cell = (v: number | null) => (v === null ? t('assessment.stats.suppressed') : v.toLocaleString());
  const chartData = (data?.teams ?? []).map((team) => ({
    team: team.teamName,
    ...Object.fromEntries(team.bands.map((b) => [b.band, b.meanHours])),
  }));
  return (
    <section aria-labelledby="equal-heading" className="card stack">
      <h2 id="equal-heading">{t('assessment.equal.heading')}</h2>
      <p className="small muted">{t('assessment.equal.intro')}</p>
      <ErrorMessage error={error} />
      {data && (
        <ChartFigure
          id="equal-chart"
          title={t('assessment.equal.chart')}
          chart={
            <ResponsiveContainer width="100%" height={Math.max(220, 60 + chartData.length * 56)}>
              <BarChart data={chartData} layout="vertical" accessibilityLayer={false}>
                <CartesianGrid stroke="#c9ced6" strokeDasharray="3 3" />
                <XAxis type="number" unit=" t" tick={{ fill: '#1f2933', fontSize: 12 }} />
                <YAxis type="category" dataKey="team" width={110} tick={{ fill: '#1f2933', fontSize: 12 }} />
                <Tooltip />
                <Legend formatter={(value) => <span className="chart-legend">{value}</span>} />
                {levelBands.map((b, i) => (
                  <Bar
                    key={b}
                    dataKey={b}
                    name={t(`assessment.bands.${b}`)}
                    fill={COLOURS[i]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          }
          table={
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('assessment.equal.team')}</th>
                  <th scope="col">{t('assessment.equal.band')}</th>
                  <th scope="col">{t('assessment.equal.people')}</th>
                  <th scope="col">{t('assessment.equal.mean')}</th>
                  <th scope="col">{t('assessment.equal.median')}</th>
                </tr>
              </thead>
              <tbody>
                {data.teams.flatMap((team) =>
                  team.bands.map((b) => (
                    <tr key={`${team.teamId}-${b.band}`}>
                      <th scope="row">{team.teamName}</th>
                      <td>{t(`assessment.bands.${b.band}`)}</td>
                      <td>{cell(b.people)}</td>
                      <td>{cell(b.meanHours)}</td>
                      <td>{cell(b.medianHours)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          }
        />
      )}
    </section>
  );
}
