import type { ItemText, WaitingTime } from '@tillit/contracts';
import { addDays, osloToday } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { todayIso } from '../components/time.ts';
import { useApi } from '../components/useApi.ts';
import { useSession } from '../session.tsx';
import { SurveyResults } from './SurveyResults.tsx';
import { locale } from '../i18n/index.ts';

type Ratio = { value: number | null; numerator: number; denominator: number };
interface Indicators {
  team: { name: string };
  ability: {
    punctuality: Ratio;
    notCheckedIn: Ratio;
    unstaffedOrCancelled: Ratio;
    flagToPlanHours: { value: number | null; updated: number; notUpdated: number };
    requestToDecision: WaitingTime;
    decisionToFirstVisit: WaitingTime;
  };
  integrity: {
    planFidelity: Ratio;
    decisionsDelivered: Ratio;
    continuity: {
      people: number;
      distinctMean: number | null;
      distinctMedian: number | null;
      distinctP90: number | null;
      cocMean: number | null;
      primaryContactShare: number | null;
    };
  };
}
const daysAgo = (n: number) => addDays(osloToday(), -n);

/**
 * A waiting time (requests.indicators.ts on the server): the median in days and the share within
 * the norm, or «too few to say anything»; the basis says how many ended and how many still wait.
 */
function waitRow(
  t: (k: string, o?: Record<string, unknown>) => string,
  num: (x: number | null) => string,
  id: 'requestToDecision' | 'decisionToVisit',
  w: WaitingTime,
) {
  const share =
    w.withinNorm === null ? '' : t('requests.withinNorm', { share: `${num(w.withinNorm * 100)} %`, norm: w.normDays });
  return {
    group: 'ability',
    name: t(`requests.ind_${id}`),
    value: w.tooFew
      ? t('requests.tooFew', { count: w.counted + w.waitingOverNorm })
      : `${w.medianDays === null ? t('trust.none') : t('requests.days', { value: num(w.medianDays) })}; ${share}`,
    basis: t('requests.basis', {
      counted: w.counted,
      within: w.within,
      waiting: w.waiting,
      over: w.waitingOverNorm,
      norm: w.normDays,
    }),
    def: t(`requests.ind_${id}Def`),
  };
}

/** «Våre tall»: the team's own trust indicators with their definitions, as a table and CSV. */
export function TrustPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const [from, setFrom] = useState(daysAgo(27));
  const [to, setTo] = useState(todayIso());
  const [query, setQuery] = useState({ from, to });
  const items = useApi<ItemText[]>('/api/survey-items');
  const { data, error } = useApi<Indicators>(`/api/teams/${id}/indicators?from=${query.from}&to=${query.to}`);
  useEffect(() => {
    document.title = `${t('trust.title')} – Tillit`;
  }, [t]);
  const nf = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  const pct = (r: Ratio) => (r.value === null ? t('trust.none') : `${nf.format(r.value * 100)} %`);
  const num = (x: number | null, digits = 1) =>
    x === null ? t('trust.none') : new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(x);

  const rows = data
    ? [
        {
          group: 'ability',
          name: t('trust.punctuality'),
          value: pct(data.ability.punctuality),
          basis: `${data.ability.punctuality.numerator}/${data.ability.punctuality.denominator}`,
          def: t('trust.punctualityDef'),
        },
        {
          group: 'ability',
          name: t('trust.notCheckedIn'),
          value: pct(data.ability.notCheckedIn),
          basis: `${data.ability.notCheckedIn.numerator}/${data.ability.notCheckedIn.denominator}`,
          def: t('trust.notCheckedInDef'),
        },
        {
          group: 'ability',
          name: t('trust.unstaffed'),
          value: pct(data.ability.unstaffedOrCancelled),
          basis: `${data.ability.unstaffedOrCancelled.numerator}/${data.ability.unstaffedOrCancelled.denominator}`,
          def: t('trust.unstaffedDef'),
        },
        {
          group: 'ability',
          name: t('trust.flagToPlan'),
          value:
            data.ability.flagToPlanHours.value === null
              ? t('trust.none')
              : `${num(data.ability.flagToPlanHours.value)} t`,
          basis: t('trust.notUpdated', { count: data.ability.flagToPlanHours.notUpdated }),
          def: t('trust.flagToPlanDef'),
        },
        waitRow(t, num, 'requestToDecision', data.ability.requestToDecision),
        waitRow(t, num, 'decisionToVisit', data.ability.decisionToFirstVisit),
        {
          group: 'integrity',
          name: t('trust.fidelity'),
          value: pct(data.integrity.planFidelity),
          basis: `${data.integrity.planFidelity.numerator}/${data.integrity.planFidelity.denominator}`,
          def: t('trust.fidelityDef'),
        },
        {
          group: 'integrity',
          name: t('trust.delivered'),
          value: pct(data.integrity.decisionsDelivered),
          basis: `${data.integrity.decisionsDelivered.numerator}/${data.integrity.decisionsDelivered.denominator}`,
          def: t('trust.deliveredDef'),
        },
        {
          group: 'integrity',
          name: t('trust.distinct'),
          value: `${num(data.integrity.continuity.distinctMedian)} (${num(data.integrity.continuity.distinctMean)}; ${num(data.integrity.continuity.distinctP90)})`,
          basis: String(data.integrity.continuity.people),
          def: t('trust.distinctDef'),
        },
        {
          group: 'integrity',
          name: t('trust.coc'),
          value: num(data.integrity.continuity.cocMean, 2),
          basis: String(data.integrity.continuity.people),
          def: t('trust.cocDef'),
        },
        {
          group: 'integrity',
          name: t('trust.primary'),
          value:
            data.integrity.continuity.primaryContactShare === null
              ? t('trust.none')
              : `${nf.format(data.integrity.continuity.primaryContactShare * 100)} %`,
          basis: '',
          def: t('trust.primaryDef'),
        },
      ]
    : [];
  const csv = () => {
    const esc = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const text = [
      [t('trust.indicator'), t('trust.value'), t('trust.basis'), t('trust.definition')],
      ...rows.map((r) => [r.name, r.value, r.basis, r.def]),
    ]
      .map((line) => line.map(esc).join(';'))
      .join('\n');
    return `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${text}`)}`;
  };

  return (
    <div className="stack">
      <h1>
        {t('trust.title')}
        {data ? ` – ${data.team.name}` : ''}
      </h1>
      <p className="muted">{t('trust.intro')}</p>
      <p>
        <Link to={`/teams/${id}/dashboard`}>{t('dialogue.toDashboard')}</Link>
        {me.teamIds.includes(id!) && (
          <>
            {' · '}
            <Link to={`/teams/${id}/requests`}>{t('requests.link_nav')}</Link>
          </>
        )}
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ from, to });
        }}
      >
        <label htmlFor="tr-from">{t('trust.from')}</label>
        <input id="tr-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor="tr-to">{t('trust.to')}</label>
        <input id="tr-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit">{t('trust.show')}</button>
      </form>
      <ErrorMessage error={error} labels={{ to: t('trust.to'), from: t('trust.from') }} />
      {data &&
        (['ability', 'integrity'] as const).map((g) => (
          <section key={g} aria-labelledby={`tr-${g}`} className="card">
            <h2 id={`tr-${g}`}>{t(`trust.${g}`)}</h2>
            <TableWrap label={t(`trust.${g}`)}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('trust.indicator')}</th>
                    <th scope="col">{t('trust.value')}</th>
                    <th scope="col">{t('trust.basis')}</th>
                    <th scope="col">{t('trust.definition')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows
                    .filter((r) => r.group === g)
                    .map((r) => (
                      <tr key={r.name}>
                        <th scope="row">{r.name}</th>
                        <td className="figure">{r.value}</td>
                        <td>{r.basis}</td>
                        <td className="small">{r.def}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
        ))}
      {data && (
        <a href={csv()} download={`tillit-${query.from}-${query.to}.csv`}>
          {t('trust.csv')}
        </a>
      )}
      {items.data && <SurveyResults teamId={id!} items={items.data} />}
    </div>
  );
}
