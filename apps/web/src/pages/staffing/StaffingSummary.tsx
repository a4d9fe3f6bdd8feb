import type { StaffingWeek } from '@tillit/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDate } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { useCompetenceNames } from '../plan/useCompetenceNames.ts';
import { Suggestions } from './StaffingDetails.tsx';
import { shortness } from './StaffingHeatMap.tsx';

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * A team's staffing week in short, for the leaders' dialogue meeting beside the trust figures
 * (DESIGN principle 10, #22 item 5): the week's hours needed against staffed, the parts of the day
 * short of hours (the heat map's red cells, by the same rule), the competence gaps, and the smallest
 * change — all from GET /api/teams/:id/staffing, with a link to the full heat map.
 */
export function StaffingSummary({ teamId, teamName }: { teamId: string; teamName: string }) {
  const { t } = useTranslation();
  const name = useCompetenceNames();
  const { data, error } = useApi<StaffingWeek>(`/api/teams/${teamId}/staffing`);
  const days = t('care.weekdayNames', { returnObjects: true }) as string[];
  const headingId = `st-${teamId}`;
  if (!data) return <ErrorMessage error={error} />;
  const needed = round(data.cells.reduce((sum, c) => sum + c.neededHours, 0));
  const staffed = round(data.cells.reduce((sum, c) => sum + c.staffedHours, 0));
  const short = data.cells.filter((c) => shortness(c.neededHours, c.staffedHours) === 'short');
  const when = (c: { weekday: number; part: string }) => `${days[c.weekday - 1]} ${t(`staffing.part_${c.part}`)}`;
  return (
    <section aria-labelledby={headingId} className="stack">
      <h4 id={headingId}>{t('staffing.summaryHeading', { from: formatDate(data.from), to: formatDate(data.to) })}</h4>
      <p>{t('staffing.summaryTotals', { needed, staffed })}</p>
      {short.length === 0 ? (
        <p>{t('staffing.noShortCells')}</p>
      ) : (
        <>
          <p>{t('staffing.shortCells', { count: short.length })}</p>
          <ul>
            {short.map((c) => (
              <li key={`${c.weekday}-${c.part}`}>
                {when(c)}: {t('staffing.cell', { needed: c.neededHours, staffed: c.staffedHours })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>{t('staffing.gaps', { count: data.gaps.length })}</p>
      {data.gaps.length > 0 && (
        <ul>
          {data.gaps.map((g) => (
            <li key={`${g.weekday}-${g.part}-${g.competence}`}>
              {when(g)}: {name(g.competence)}
            </li>
          ))}
        </ul>
      )}
      <Suggestions week={data} name={name} headingId={`${headingId}-change`} level={4} />
      <p className="small">
        <Link to={`/teams/${teamId}/staffing`}>{t('staffing.linkFor', { team: teamName })}</Link>
      </p>
    </section>
  );
}
