import type { Visiting } from '@tillit/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDate, formatDay, hhmm } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { setLanguage } from '../../i18n/index.ts';

/**
 * «Hvem kommer?» for the person and next of kin: large print, no menu, no log-in, and no name:
 * whoever finds the link learns when someone comes, not to whom.
 */
export function WhoIsComingPage() {
  const { token } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error } = useApi<Visiting>(`/api/visiting/${token}`);
  useEffect(() => {
    document.title = `${t('visiting.title')} – Tillit`;
  }, [t]);
  const days = new Map<string, Visiting['visits']>();
  for (const v of data?.visits ?? []) days.set(v.date, [...(days.get(v.date) ?? []), v]);
  return (
    <div className="stack large-print">
      <button
        type="button"
        className="link-button"
        onClick={() => setLanguage(i18n.language === 'nb' ? 'en' : 'nb')}
        lang={i18n.language === 'nb' ? 'en' : 'nb'}
      >
        {t('nav.language')}
      </button>
      <h1>{t('visiting.title')}</h1>
      <ErrorMessage error={error} />
      {data && (
        <p className="small">
          {t('visiting.expires', {
            date: formatDate(data.expiresAt),
          })}
        </p>
      )}
      {data && data.visits.length === 0 && <p>{t('visiting.none')}</p>}
      {[...days.entries()].map(([date, visits]) => (
        <section key={date} aria-labelledby={`d-${date}`} className="card">
          <h2 id={`d-${date}`}>{formatDay(date)}</h2>
          <ul className="plain stack-tight">
            {visits.map((v, i) => (
              <li key={i}>
                <strong>
                  {v.plannedStart !== null
                    ? t('visiting.at', { time: hhmm(v.plannedStart) })
                    : t('visiting.between', { from: hhmm(v.windowStart), to: hhmm(v.windowEnd) })}
                </strong>
                {': '}
                {v.helpers.length ? v.helpers.join(t('visiting.and')) : t('visiting.notDecided')}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
