import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap.tsx';

/**
 * A picture of the plan with the table it is drawn from (the project's chart-and-table pattern,
 * as trust/ChartFigure). The picture is role img with a name that points to the table; the
 * table holds every number, folded under the picture because a day can have a hundred visits.
 */
export function PlanFigure({
  id,
  title,
  rows,
  chart,
  legend,
  table,
  controls,
}: {
  id: string;
  title: string;
  rows: number;
  chart: ReactNode;
  legend: ReactNode;
  table: ReactNode;
  /** Fields that change what the picture shows (outside the image, so they stay operable). */
  controls?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <figure className="chart-figure" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      {controls}
      <div role="img" aria-label={t('planpic.alt', { title })}>
        {chart}
      </div>
      {legend}
      <details>
        <summary>{t('planpic.showTable', { count: rows })}</summary>
        <TableWrap label={t('planpic.tableOf', { title })}>{table}</TableWrap>
      </details>
    </figure>
  );
}
