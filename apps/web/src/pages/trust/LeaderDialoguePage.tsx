import { addDays, type Comparison, type IndicatorChange, osloToday } from '@tillit/contracts';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { todayIso } from '../../components/time.ts';
import { quarterLabel } from '../../components/QuarterSelect.tsx';
import { formatDate } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { StaffingSummary } from '../staffing/StaffingSummary.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import { EqualTreatmentFigure } from './EqualTreatmentFigure.tsx';
import { csvHref, formatChange, formatValue, INDICATORS, plotted, type IndicatorId } from './indicators.ts';

const daysAgo = (n: number) => addDays(osloToday(), -n);

/** The leader's comparison of the teams for dialogue meetings: what changed, an agenda per team, themes from the survey. */
export function LeaderDialoguePage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(daysAgo(27));
  const [to, setTo] = useState(todayIso());
  const [query, setQuery] = useState({ from, to });
  const [indicator, setIndicator] = useState<IndicatorId>('punctuality');
  const { data, error } = useApi<Comparison>(`/api/trust/comparison?from=${query.from}&to=${query.to}`);
  useEffect(() => {
    document.title = `${t('dialogue.leaderTitle')} – Tillit`;
  }, [t]);
  const label = (id: IndicatorId) => t(INDICATORS.find((i) => i.id === id)!.label);
  const chosen = INDICATORS.find((i) => i.id === indicator)!;

  const rows = data?.teams.map((x) => ({ ...x, change: x.changes.find((c) => c.indicator === indicator)! })) ?? [];
  const chartData = rows.map((r) => ({
    team: r.team.name,
    now: plotted(indicator, r.change.current),
    before: plotted(indicator, r.change.previous),
  }));
  const csv = data ? comparisonCsv(t, data, label) : '';

  return (
    <div className="stack">
      <h1>{t('dialogue.leaderTitle')}</h1>
      <p className="muted">{t('dialogue.leaderIntro')}</p>
      <p>
        <Link to="/barometer">{t('dialogue.toBarometer')}</Link> ·{' '}
        <Link to="/self-assessment">{t('dialogue.toSelfAssessment')}</Link>
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ from, to });
        }}
      >
        <label htmlFor="ld-from">{t('trust.from')}</label>
        <input id="ld-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor="ld-to">{t('trust.to')}</label>
        <input id="ld-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit">{t('trust.show')}</button>
      </form>
      <ErrorMessage error={error} labels={{ to: t('trust.to'), from: t('trust.from') }} />
      {data && (
        <p className="small">
          {t('dialogue.periods', {
            from: data.period.from,
            to: data.period.to,
            prevFrom: data.previous.from,
            prevTo: data.previous.to,
          })}
        </p>
      )}
      {data && (
        <section aria-labelledby="ld-compare" className="card stack">
          <h2 id="ld-compare">{t('dialogue.compareHeading')}</h2>
          <label htmlFor="ld-indicator">{t('dialogue.chooseIndicator')}</label>
          <select id="ld-indicator" value={indicator} onChange={(e) => setIndicator(e.target.value as IndicatorId)}>
            {INDICATORS.map((i) => (
              <option key={i.id} value={i.id}>
                {t(i.label)}
              </option>
            ))}
          </select>
          <p className="small muted">{t(chosen.def)}</p>
          <ChartFigure
            id="ld-chart"
            title={t('dialogue.compareChart', { indicator: label(indicator) })}
            chart={
              <ResponsiveContainer width="100%" height={Math.max(220, 60 + rows.length * 48)}>
                <BarChart
                  data={chartData}
                  layout="vertical"
                  margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
                  accessibilityLayer={false}
                >
                  <CartesianGrid stroke="#c9ced6" strokeDasharray="3 3" />
                  <XAxis
                    type="number"
                    unit={chosen.unit === 'share' ? ' %' : ''}
                    domain={chosen.unit === 'share' ? [0, 100] : [0, 'auto']}
                    tick={{ fill: '#1f2933', fontSize: 12 }}
                  />
                  <YAxis type="category" dataKey="team" width={110} tick={{ fill: '#1f2933', fontSize: 12 }} />
                  <Tooltip />
                  <Legend formatter={(value) => <span className="chart-legend">{value}</span>} />
                  <Bar dataKey="now" name={t('dialogue.thisPeriod')} fill="#164a8a" isAnimationActive={false} />
                  <Bar dataKey="before" name={t('dialogue.previousPeriod')} fill="#5b7fa8" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            }
            table={<ComparisonTable rows={rows} indicator={indicator} />}
          />
          <a href={csv} download={`tillit-sammenligning-${data.period.from}-${data.period.to}.csv`}>
            {t('dialogue.csvComparison')}
          </a>
          <details>
            <summary>{t('dialogue.notableRuleSummary')}</summary>
            <p className="small">{t('dialogue.notableRule')}</p>
          </details>
        </section>
      )}
      {data && (
        <section aria-labelledby="ld-agenda" className="stack">
          <h2 id="ld-agenda">{t('dialogue.agendaHeading')}</h2>
          <p className="small muted">{t('dialogue.themesRule', { quarter: quarterLabel(t, data.quarter) })}</p>
          {data.teams.map((x) => (
            <TeamAgenda key={x.team.id} x={x} label={label} />
          ))}
        </section>
      )}
      <EqualTreatmentFigure />
    </div>
  );
}

type Row = Comparison['teams'][number] & { change: IndicatorChange };

/** The comparison as a CSV download: every team, every indicator. */
function comparisonCsv(t: TFunction, data: Comparison, label: (id: IndicatorId) => string) {
  return csvHref([
    [
      t('dialogue.team'),
      t('trust.indicator'),
      t('dialogue.thisPeriod'),
      t('dialogue.previousPeriod'),
      t('dialogue.change'),
      t('dialogue.notable'),
    ],
    ...data.teams.flatMap((x) =>
      x.changes.map((c) => [
        x.team.name,
        label(c.indicator),
        formatValue(t, c.indicator, c.current),
        formatValue(t, c.indicator, c.previous),
        formatChange(t, c.indicator, c.change),
        c.notable ? t(`dialogue.dir_${c.direction}`) : '',
      ]),
    ),
  ]);
}

/** The chosen indicator per team, this period and the one before: the chart's table. */
function ComparisonTable({ rows, indicator }: { rows: Row[]; indicator: IndicatorId }) {
  const { t } = useTranslation();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('dialogue.team')}</th>
          <th scope="col">{t('dialogue.thisPeriod')}</th>
          <th scope="col">{t('dialogue.previousPeriod')}</th>
          <th scope="col">{t('dialogue.change')}</th>
          <th scope="col">{t('dialogue.notable')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.team.id}>
            <th scope="row">{r.team.name}</th>
            <td className="figure">{formatValue(t, indicator, r.change.current)}</td>
            <td className="figure">{formatValue(t, indicator, r.change.previous)}</td>
            <td>{formatChange(t, indicator, r.change.change)}</td>
            <td>{r.change.notable ? t(`dialogue.dir_${r.change.direction}`) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One team's agenda: its notable changes, worse first, and the themes of the survey's open answers. */
function TeamAgenda({ x, label }: { x: Comparison['teams'][number]; label: (id: IndicatorId) => string }) {
  const { t } = useTranslation();
  return (
    <article className="card stack" aria-labelledby={`ag-${x.team.id}`}>
      <h3 id={`ag-${x.team.id}`}>{x.team.name}</h3>
      {x.agenda.length === 0 ? (
        <p>{t('dialogue.noNotable')}</p>
      ) : (
        <ol>
          {x.agenda.map((c) => (
            <li key={c.indicator}>
              <strong>{label(c.indicator)}</strong>: {formatValue(t, c.indicator, c.previous)} →{' '}
              {formatValue(t, c.indicator, c.current)} ({t(`dialogue.dir_${c.direction}`)}).{' '}
              <span className="muted">{t(`dialogue.prompt_${c.direction}`)}</span>
            </li>
          ))}
        </ol>
      )}
      <h4>{t('dialogue.themesHeading')}</h4>
      {'open' in x.survey ? (
        <p>{t('survey.open_quarter', { date: formatDate(x.survey.closesOn) })}</p>
      ) : x.survey.suppressed ? (
        <p>{t('dialogue.themesSuppressed')}</p>
      ) : x.survey.themes.length === 0 ? (
        <p>{t('dialogue.noThemes', { count: x.survey.responses })}</p>
      ) : (
        <ul>
          {x.survey.themes.map((th) => (
            <li key={th.id}>
              {t('dialogue.themeCount', {
                theme: t(`dialogue.theme_${th.id}`),
                count: th.count,
                total: (x.survey as { responses: number }).responses,
              })}
            </li>
          ))}
        </ul>
      )}
      <StaffingSummary teamId={x.team.id} teamName={x.team.name} />
      <p className="small">
        <Link to={`/teams/${x.team.id}/dashboard`}>{t('dialogue.toTeamDashboard', { team: x.team.name })}</Link>
      </p>
    </article>
  );
}
