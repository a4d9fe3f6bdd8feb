import type { PortalMe, PortalPlan, PortalVisits } from '@tillit/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDate, formatDay, hhmm, weekdayName } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { PortalMessage, PortalSurvey } from './PortalActions.tsx';

/** Whose pages these are, said at the top of every page (a next of kin sees another's data). */
export function Whose({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  if (!me.person) return <p className="alert alert-warn">{t('portal.noConsent')}</p>;
  const name = `${me.person.givenName} ${me.person.familyName}`;
  return (
    <p className="lead">{me.viewer === 'self' ? t('portal.whoseSelf', { name }) : t('portal.whoseKin', { name })}</p>
  );
}

/**
 * «Min side» (/min-side): the person's plan in their own words, who comes this week, a message
 * to the team and the quarter's survey. Large print; a next of kin without consent sees only
 * that consent is missing.
 */
export function PortalPage() {
  const { t } = useTranslation();
  const me = useApi<PortalMe>('/api/portal/me');
  useEffect(() => {
    document.title = `${t('portal.title')} – Tillit`;
  }, [t]);
  const open = me.data?.consent === true;
  return (
    <div className="stack large-print">
      <h1>{t('portal.title')}</h1>
      <ErrorMessage error={me.error} />
      {me.data && <Whose me={me.data} />}
      {open && (
        <>
          <PlanSection />
          <WeekSection />
          <PortalMessage />
          <PortalSurvey />
        </>
      )}
    </div>
  );
}

function PlanSection() {
  const { t } = useTranslation();
  const { data, error } = useApi<PortalPlan>('/api/portal/plan');
  const days = (ds: number[]) => ds.map((d) => weekdayName(d)).join(', ');
  return (
    <section aria-labelledby="portal-plan" className="card">
      <h2 id="portal-plan">{t('portal.plan.title')}</h2>
      <ErrorMessage error={error} />
      {data && (
        <>
          <h3>{t('portal.plan.whatMatters')}</h3>
          {data.whatMatters.length === 0 && <p>{t('portal.plan.none')}</p>}
          <ul>
            {data.whatMatters.map((w, i) => (
              <li key={i}>«{w.statement}»</li>
            ))}
          </ul>
          <h3>{t('portal.plan.goals')}</h3>
          {data.goals.length === 0 && <p>{t('portal.plan.none')}</p>}
          <ul>
            {data.goals.map((g, i) => (
              <li key={i}>
                {g.description} ({t('portal.plan.review', { date: formatDate(g.reviewDate) })})
              </li>
            ))}
          </ul>
          <h3>{t('portal.plan.measures')}</h3>
          {data.measures.length === 0 && <p>{t('portal.plan.none')}</p>}
          <ul>
            {data.measures.map((m, i) => (
              <li key={i}>
                <strong>{m.title}</strong>:{' '}
                {t('portal.plan.when', { days: days(m.days), from: hhmm(m.windowStart), to: hhmm(m.windowEnd) })}
                {m.goal && <span className="small"> · {t('portal.plan.forGoal', { goal: m.goal })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function WeekSection() {
  const { t } = useTranslation();
  const { data, error } = useApi<PortalVisits>('/api/portal/visits');
  return (
    <section aria-labelledby="portal-week" className="card">
      <h2 id="portal-week">{t('portal.week.title')}</h2>
      <ErrorMessage error={error} />
      {data && data.visits.length === 0 && <p>{t('portal.week.none')}</p>}
      <ul className="plain stack-tight">
        {data?.visits.map((v, i) => (
          <li key={i}>
            <strong>{formatDay(v.date)}</strong>{' '}
            {v.plannedStart !== null
              ? t('portal.week.at', { time: hhmm(v.plannedStart) })
              : t('portal.week.between', { from: hhmm(v.windowStart), to: hhmm(v.windowEnd) })}
            {': '}
            {v.helpers.length ? v.helpers.join(t('portal.week.and')) : t('portal.week.notDecided')}
          </li>
        ))}
      </ul>
      <p className="small">{t('portal.week.photos')}</p>
    </section>
  );
}
