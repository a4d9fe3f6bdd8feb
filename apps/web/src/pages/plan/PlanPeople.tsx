import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDay, hhmm } from '../../components/time.ts';
import type { OutsideReason, PlanView, PlanVisit } from '@tillit/contracts';
import { useCompetenceNames } from './useCompetenceNames.ts';

/**
 * Per person: how many different helpers come this period, and who — the fewer, the better.
 * With a proposal: each person's helper set (primary contact first) and, for every visit the
 * proposal gives to someone outside the set, why.
 */
export function PlanPeople({ view }: { view: PlanView }) {
  const { t } = useTranslation();
  const competence = useCompetenceNames();
  const name = new Map(view.staff.map((s) => [s.id, s.name]));
  const withSets = view.people.some((p) => (p.helperSet ?? []).length > 0);
  const outside = new Map<string, PlanVisit[]>();
  for (const v of view.visits) if (v.outsideSet) outside.set(v.recipientId, [...(outside.get(v.recipientId) ?? []), v]);
  const reasonText = (v: PlanVisit, r: OutsideReason) =>
    r.code === 'not_qualified'
      ? t('plan.outside.not_qualified', { competences: v.competences.map(competence).join(', ') })
      : r.code === 'two_helpers'
        ? t('plan.outside.two_helpers', { count: r.able ?? 0 })
        : r.code === 'no_room'
          ? t('plan.outside.no_room', { from: hhmm(r.from ?? v.windowStart), to: hhmm(r.to ?? v.windowEnd) })
          : r.code === 'less_travel'
            ? t('plan.outside.less_travel', { count: r.minutes ?? 0 })
            : t('plan.outside.off_duty');
  const setNames = (set: string[]) =>
    set.map((h, i) => (i === 0 ? t('plan.primary', { name: name.get(h) ?? '?' }) : (name.get(h) ?? '?'))).join(', ');
  return (
    <section aria-labelledby="plan-people" className="stack">
      <h2 id="plan-people">{t('plan.people')}</h2>
      {/* Folded on a phone (a row per person is many screens); open on a wide screen. */}
      <details open={window.matchMedia('(min-width: 64rem)').matches}>
        <summary>{t('plan-view.peopleTable', { count: view.people.length })}</summary>
        <TableWrap label={t('plan.people')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('plan.person')}</th>
                <th scope="col">{t('plan.helperCount')}</th>
                <th scope="col">{t('plan.helpers')}</th>
                {withSets && <th scope="col">{t('plan.helperSet')}</th>}
                {withSets && <th scope="col">{t('plan.outsideSet')}</th>}
              </tr>
            </thead>
            <tbody>
              {view.people.map((p) => {
                const left = outside.get(p.recipientId) ?? [];
                return (
                  <tr key={p.recipientId}>
                    <th scope="row">
                      <Link to={`/people/${p.recipientId}`}>{p.person}</Link>
                    </th>
                    <td>{p.helpers.length}</td>
                    <td>{p.helpers.map((h) => name.get(h) ?? '?').join(', ')}</td>
                    {withSets && <td>{setNames(p.helperSet ?? [])}</td>}
                    {withSets && (
                      <td>
                        {left.length === 0 ? (
                          t('plan.outsideNone')
                        ) : (
                          <details>
                            <summary>{t('plan.outsideCount', { count: left.length, person: p.person })}</summary>
                            <ul>
                              {left.map((v) => (
                                <li key={v.id}>
                                  {formatDay(v.date, 'short')} {v.start !== null ? hhmm(v.start) : ''}{' '}
                                  {v.helpers.map((h) => name.get(h) ?? '?').join(' + ')}: {reasonText(v, v.outsideSet!)}
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </section>
  );
}
