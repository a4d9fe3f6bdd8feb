import type { Barometer } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { closedQuarters } from '../components/quarters.ts';
import { QuarterSelect } from '../components/QuarterSelect.tsx';
import { formatDate } from '../components/time.ts';
import { useApi } from '../components/useApi.ts';
import { locale } from '../i18n/index.ts';

/** Heat map of barriers and experience per group; every cell shows its number too (colour is never the only cue). */
export function BarometerPage() {
  const { t, i18n } = useTranslation();
  const [quarter, setQuarter] = useState(closedQuarters(1)[0]);
  const { data, error } = useApi<Barometer>(`/api/barometer?quarter=${quarter}`);
  useEffect(() => {
    document.title = `${t('barometer.title')} – Tillit`;
  }, [t]);
  const nf = new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const heat = (v: number | null, kind: string) => {
    if (v === null) return undefined;
    const bad = kind === 'barrier' ? (v - 1) / 4 : (5 - v) / 4; // 0 good … 1 bad
    return bad > 0.6 ? 'heat-high' : bad > 0.35 ? 'heat-mid' : 'heat-low';
  };
  const label = (i: Barometer['items'][number]) => (i18n.language === 'en' ? i.en : i.nb);
  return (
    <div className="stack">
      <h1>{t('barometer.title')}</h1>
      <p className="muted">{t('barometer.intro')}</p>
      <div>
        <QuarterSelect id="bm-quarter" label={t('survey.quarter')} value={quarter} onChange={setQuarter} />
      </div>
      <ErrorMessage error={error} labels={{ quarter: t('survey.quarter') }} />
      {data?.open && <p>{t('survey.open_quarter', { date: formatDate(data.closesOn ?? '') })}</p>}
      {data &&
        !data.open &&
        (['barrier', 'experience'] as const).map((kind) => (
          <section key={kind} aria-labelledby={`bm-${kind}`} className="card">
            <h2 id={`bm-${kind}`}>{kind === 'barrier' ? t('barometer.barriers') : t('barometer.experience')}</h2>
            <TableWrap label={kind === 'barrier' ? t('barometer.barriers') : t('barometer.experience')}>
              <table className="heatmap">
                <thead>
                  <tr>
                    <th scope="col">{t('barometer.group')}</th>
                    <th scope="col">{t('barometer.responses')}</th>
                    {data.items
                      .filter((i) => i.kind === kind)
                      .map((i) => (
                        <th scope="col" key={i.id} className="small">
                          {label(i)}
                        </th>
                      ))}
                  </tr>
                </thead>
                <tbody>
                  {data.groups.map((g) => (
                    <tr key={g.name ?? 'leaders'}>
                      <th scope="row">{g.name ?? t('barometer.leaders')}</th>
                      <td>{g.suppressed ? t('barometer.suppressed') : g.responses}</td>
                      {data.items
                        .filter((i) => i.kind === kind)
                        .map((i) => {
                          const v = g.suppressed ? null : g.means[i.id];
                          return (
                            <td key={i.id} className={heat(v, kind)}>
                              {v === null ? '–' : nf.format(v)}
                            </td>
                          );
                        })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
        ))}
    </div>
  );
}
