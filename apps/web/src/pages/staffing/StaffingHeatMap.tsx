import { type StaffingWeek, staffingParts } from '@tillit/contracts';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap.tsx';

/** How short a cell is: needed hours above what is staffed is short, above 80 % tight. */
export function shortness(needed: number, staffed: number): 'none' | 'ok' | 'tight' | 'short' {
  if (needed === 0) return 'none';
  if (needed > staffed) return 'short';
  return needed > 0.8 * staffed ? 'tight' : 'ok';
}

/**
 * The week as a grid of parts of the day × weekdays; every cell says its numbers in words (needed
 * of staffed hours) and in colour, so the colour is never the only carrier (WCAG 1.4.1).
 */
export function StaffingHeatMap({ week }: { week: StaffingWeek }) {
  const { t } = useTranslation();
  const days = t('care.weekdays', { returnObjects: true }) as string[];
  const cell = (weekday: number, part: string) => week.cells.find((c) => c.weekday === weekday && c.part === part)!;
  return (
    <section aria-labelledby="heat-heading" className="stack">
      <h2 id="heat-heading">{t('staffing.heatHeading')}</h2>
      <p className="small muted">{t('staffing.heatLegend')}</p>
      <TableWrap label={t('staffing.heatHeading')}>
        <table className="heat-map" aria-labelledby="heat-heading">
          <thead>
            <tr>
              <th scope="col">{t('staffing.part')}</th>
              {days.map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {staffingParts.map((part) => (
              <tr key={part}>
                <th scope="row">{t(`staffing.part_${part}`)}</th>
                {days.map((d, i) => {
                  const c = cell(i + 1, part);
                  const level = shortness(c.neededHours, c.staffedHours);
                  return (
                    <td key={d} className={`heat heat-${level}`}>
                      {t('staffing.cell', { needed: c.neededHours, staffed: c.staffedHours })}
                      {level === 'short' && <span className="heat-flag"> {t('staffing.short')}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
