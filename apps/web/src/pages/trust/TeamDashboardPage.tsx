import type { Dashboard, ItemText } from '@tillit/contracts';
import { useEffect } from 'react';
import { formatMonth } from '../../components/time.ts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { quarterLabel } from '../../components/QuarterSelect.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useApi } from '../../components/useApi.ts';
import { locale } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import { EqualTreatmentFigure } from './EqualTreatmentFigure.tsx';
import { csvHref, formatValue, INDICATORS, plotted, indicatorValue } from './indicators.ts';
import { TeamNotes } from './TeamNotes.tsx';

/** The three shares drawn in the chart; the table below has every indicator. */
const CHARTED = ['punctuality', 'planFidelity', 'primaryContactShare'] as const;
const COLOURS = ['#164a8a', '#a04000', '#2d6a2d'];
const DASHES = ['', '6 3', '2 2'];

/** The team's own page over time: indicators month by month, the survey quarter by quarter, and its notes and actions. */
export function TeamDashboardPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { data, error } = useApi<Dashboard>(`/api/teams/${id}/dashboard?months=6`);
  const items = useApi<ItemText[]>('/api/survey-items');
  useEffect(() => {
    document.title = `${t('dialogue.teamTitle')} – Tillit`;
  }, [t]);
  const monthName = (m: string) => formatMonth(`${m}-01`);
  const ownTeam = me.role === 'member' && me.teamIds.includes(id!);
  const nf = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });

  const chartData =
    data?.months.map((m) => ({
      month: monthName(m.month),
      ...Object.fromEntries(CHARTED.map((c) => [c, plotted(c, indicatorValue(m, c))])),
    })) ?? [];
  const csv = data
    ? csvHref([
        [t('dialogue.month'), ...INDICATORS.map((i) => t(i.label))],
        ...data.months.map((m) => [m.month, ...INDICATORS.map((i) => formatValue(t, i.id, indicatorValue(m, i.id)))]),
      ])
    : '';

  return (
    <div className="stack">
      <h1>
        {t('dialogue.teamTitle')}
        {data ? ` – ${data.team.name}` : ''}
      </h1>
      <p className="muted">{t('dialogue.teamIntro')}</p>
      <p>
        <Link to={`/teams/${id}/trust`}>{t('dialogue.toFigures')}</Link>
      </p>
      <ErrorMessage error={error} />
      {data && (
        <section aria-labelledby="td-months" className="card">
          <h2 id="td-months">{t('dialogue.monthsHeading')}</h2>
          <ChartFigure
            id="td-chart"
            title={t('dialogue.monthsChart')}
            chart={
              <ResponsiveContainer width="100%" height={260}>
                <LineChart
                  data={chartData}
                  margin={{ top: 8, right: 12, bottom: 8, left: 0 }}
                  accessibilityLayer={false}
                >
                  <CartesianGrid stroke="#c9ced6" strokeDasharray="3 3" />
                  <XAxis dataKey="month" tick={{ fill: '#1f2933', fontSize: 12 }} />
                  <YAxis domain={[0, 100]} unit=" %" tick={{ fill: '#1f2933', fontSize: 12 }} width={48} />
                  <Tooltip />
                  <Legend formatter={(value) => <span className="chart-legend">{value}</span>} />
                  {CHARTED.map((c, k) => (
                    <Line
                      key={c}
                      dataKey={c}
                      name={t(INDICATORS.find((i) => i.id === c)!.label)}
                      stroke={COLOURS[k]}
                      strokeDasharray={DASHES[k]}
                      strokeWidth={2}
                      connectNulls
                      isAnimationActive={false}
                    />
                  ))}
                </LineChart>
              </ResponsiveContainer>
            }
            table={
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('dialogue.month')}</th>
                    {INDICATORS.map((i) => (
                      <th scope="col" key={i.id} className="small">
                        {t(i.label)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{monthName(m.month)}</th>
                      {INDICATORS.map((i) => (
                        <td key={i.id} className="figure">
                          {formatValue(t, i.id, indicatorValue(m, i.id))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          <a href={csv} download={`tillit-${data.team.name}-maneder.csv`}>
            {t('trust.csv')}
          </a>
          <details>
            <summary>{t('dialogue.definitions')}</summary>
            <dl>
              {INDICATORS.map((i) => (
                <div key={i.id}>
                  <dt>{t(i.label)}</dt>
                  <dd className="small">{t(i.def)}</dd>
                </div>
              ))}
            </dl>
          </details>
        </section>
      )}
      {data && (
        <section aria-labelledby="td-survey" className="card">
          <h2 id="td-survey">{t('dialogue.surveyHeading')}</h2>
          <p className="small muted">{t('dialogue.surveyRule')}</p>
          <TableWrap label={t('dialogue.surveyHeading')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('trust.indicator')}</th>
                  {data.quarters.map((q) => (
                    <th scope="col" key={q.quarter}>
                      {quarterLabel(t, q.quarter)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('barometer.responses')}</th>
                  {data.quarters.map((q) => (
                    <td key={q.quarter}>
                      {'open' in q ? t('survey.notOver') : q.suppressed ? t('barometer.suppressed') : q.responses}
                    </td>
                  ))}
                </tr>
                {(items.data ?? []).map((item) => (
                  <tr key={item.id}>
                    <th scope="row" className="small">
                      {i18n.language === 'en' ? item.en : item.nb}
                    </th>
                    {data.quarters.map((q) => {
                      const r = 'open' in q || q.suppressed ? null : q.items.find((x) => x.id === item.id);
                      return (
                        <td key={q.quarter} className="figure">
                          {r && r.mean !== null ? nf.format(r.mean) : '–'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      )}
      {ownTeam && <TeamNotes teamId={id!} />}
      {id && <EqualTreatmentFigure teamId={id} />}
    </div>
  );
}
