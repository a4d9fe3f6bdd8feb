import type { KprProblem } from '@tillit/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableWrap } from '../../components/TableWrap.tsx';

/** The validation report: each missing or invalid item per person, and where in the record the team fixes it. */
export function KprProblems({ problems }: { problems: KprProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return <p>{t('statistics.noProblems')}</p>;
  return (
    <>
      <h3 id="kpr-problems">{t('statistics.problemsTitle', { count: problems.length })}</h3>
      <p>{t('statistics.problemsIntro')}</p>
      <TableWrap label={t('statistics.problemsTitle', { count: problems.length })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('statistics.person')}</th>
              <th scope="col">{t('statistics.team')}</th>
              <th scope="col">{t('statistics.missing')}</th>
              <th scope="col">{t('statistics.severity')}</th>
              <th scope="col">{t('statistics.fix')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <tr key={`${p.recipientId}-${p.code}`}>
                <th scope="row">{p.name}</th>
                <td>{p.team ?? '–'}</td>
                <td>{t(`statistics.problems.${p.code.replace('.', '_')}`)}</td>
                <td>{t(`statistics.severities.${p.severity}`)}</td>
                <td>
                  <Link to={p.fixAt}>{t(`statistics.fixIn.${p.section}`, { name: p.name })}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
