import type { ItemText as Item, SurveyResults as Results } from '@tillit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { closedQuarters } from '../components/quarters.ts';
import { QuarterSelect } from '../components/QuarterSelect.tsx';
import { formatDate } from '../components/time.ts';
import { useApi } from '../components/useApi.ts';
import { locale } from '../i18n/index.ts';

/** Survey results for whole quarters that are over; fewer than five answers are never shown. */
export function SurveyResults({ teamId, items }: { teamId: string; items: Item[] }) {
  const { t, i18n } = useTranslation();
  const [quarter, setQuarter] = useState(closedQuarters(1)[0]);
  const { data, error } = useApi<Results>(`/api/teams/${teamId}/survey-results?quarter=${quarter}`);
  const nf = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  const text = (id: string) => {
    const it = items.find((x) => x.id === id);
    return it ? (i18n.language === 'en' ? it.en : it.nb) : id;
  };
  return (
    <section aria-labelledby="survey-results-heading" className="card">
      <h2 id="survey-results-heading">{t('survey.results')}</h2>
      <div>
        <QuarterSelect
          id="sr-quarter"
          label={t('survey.quarter')}
          value={quarter}
          onChange={setQuarter}
          closed={4}
          withRunning={false}
        />
      </div>
      <ErrorMessage error={error} />
      {data && 'open' in data && <p>{t('survey.open_quarter', { date: formatDate(data.closesOn) })}</p>}
      {data && 'suppressed' in data && data.suppressed && <p>{t('survey.suppressed', { min: data.minimum })}</p>}
      {data && 'suppressed' in data && !data.suppressed && (
        <>
          <p>{t('survey.responses', { count: data.responses })}</p>
          <TableWrap label={t('survey.results')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('trust.indicator')}</th>
                  <th scope="col">{t('survey.mean')}</th>
                  <th scope="col">{t('survey.answered')}</th>
                  <th scope="col">{t('survey.dontKnowCount')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{text(i.id)}</th>
                    <td className="figure">{i.mean === null ? '–' : nf.format(i.mean)}</td>
                    <td>{i.answered}</td>
                    <td>{i.dontKnow}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {data.themes.length > 0 && (
            <>
              <h3>{t('dialogue.themesHeading')}</h3>
              <ul>
                {data.themes.map((th) => (
                  <li key={th.id}>
                    {t('dialogue.themeCount', {
                      theme: t(`dialogue.theme_${th.id}`),
                      count: th.count,
                      total: data.responses,
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {data.openAnswers && data.openAnswers.length > 0 && (
            <>
              <h3>{t('survey.openAnswers')}</h3>
              <ul>
                {data.openAnswers.map((a, k) => (
                  <li key={k}>«{a}»</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
