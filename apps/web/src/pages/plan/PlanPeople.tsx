import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableWrap } from '../../components/TableWrap.tsx';
import type { PlanView } from './types.ts';

/** Per person: how many different helpers come this period, and who — the fewer, the better. */
export function PlanPeople({ view }: { view: PlanView }) {
  const { t } = useTranslation();
  const name = new Map(view.staff.map((s) => [s.id, s.name]));
  return (
    <section aria-labelledby="plan-people" className="stack">
      <h2 id="plan-people">{t('plan.people')}</h2>
      <TableWrap label={t('plan.people')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('plan.person')}</th>
              <th scope="col">{t('plan.helperCount')}</th>
              <th scope="col">{t('plan.helpers')}</th>
            </tr>
          </thead>
          <tbody>
            {view.people.map((p) => (
              <tr key={p.recipientId}>
                <th scope="row">
                  <Link to={`/people/${p.recipientId}`}>{p.person}</Link>
                </th>
                <td>{p.helpers.length}</td>
                <td>{p.helpers.map((h) => name.get(h) ?? '?').join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
