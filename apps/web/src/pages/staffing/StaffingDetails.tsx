import type { StaffingWeek } from '@tillit/contracts';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap.tsx';

type Props = { week: StaffingWeek; name: (code: string) => string };

/**
 * The smallest change that would cover the unstaffed visits, in a sentence each. The leaders'
 * dialogue page shows it once per team, under the team's own heading: `headingId` keeps the ids
 * apart and `level` fits the heading into that page's outline.
 */
export function Suggestions({
  week,
  name,
  headingId = 'change-heading',
  level = 2,
}: Props & { headingId?: string; level?: 2 | 4 }) {
  const { t } = useTranslation();
  const days = t('care.weekdayNames', { returnObjects: true }) as string[];
  const { visits, suggestions } = week.unstaffed;
  const Heading = level === 2 ? 'h2' : 'h4';
  return (
    <section aria-labelledby={headingId} className={level === 2 ? 'card stack' : 'stack'}>
      <Heading id={headingId}>{t('staffing.changeHeading')}</Heading>
      {visits === 0 ? (
        <p>{t('staffing.allStaffed')}</p>
      ) : (
        <>
          <p>{t('staffing.unstaffed', { count: visits })}</p>
          <ul>
            {suggestions.map((s) => (
              <li key={`${s.weekday}-${s.part}-${s.competence}`}>
                {t(s.competence ? 'staffing.suggestWith' : 'staffing.suggest', {
                  part: t(`staffing.shift_${s.part}`),
                  day: days[s.weekday - 1],
                  competence: s.competence ? name(s.competence) : '',
                  covers: s.covers,
                  of: visits,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Hours needed and staffed per competence asked for; the rows with nobody holding it first. */
export function CompetenceTable({ week, name }: Props) {
  const { t } = useTranslation();
  const days = t('care.weekdayNames', { returnObjects: true }) as string[];
  const rows = [...week.competences].sort((a, b) => Number(a.staffedHours > 0) - Number(b.staffedHours > 0));
  return (
    <section aria-labelledby="competence-heading" className="stack">
      <h2 id="competence-heading">{t('staffing.competenceHeading')}</h2>
      <p>{t('staffing.gaps', { count: week.gaps.length })}</p>
      {rows.length > 0 && (
        <TableWrap label={t('staffing.competenceHeading')}>
          <table aria-labelledby="competence-heading">
            <thead>
              <tr>
                <th scope="col">{t('staffing.day')}</th>
                <th scope="col">{t('staffing.part')}</th>
                <th scope="col">{t('staffing.competence')}</th>
                <th scope="col">{t('staffing.needed')}</th>
                <th scope="col">{t('staffing.staffed')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={`${c.weekday}-${c.part}-${c.competence}`}>
                  <th scope="row">{days[c.weekday - 1]}</th>
                  <td>{t(`staffing.part_${c.part}`)}</td>
                  <td>{name(c.competence)}</td>
                  <td>{c.neededHours}</td>
                  <td>{c.staffedHours === 0 ? t('staffing.nobody') : c.staffedHours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
