import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap.tsx';

/**
 * A chart with its table alternative. The chart is a picture for sighted readers (role img
 * with a short description that points to the table); the table holds every number and is
 * always there, so nobody depends on colour or on seeing the chart (WCAG 1.1.1, 1.4.1).
 */
export function ChartFigure({
  id,
  title,
  chart,
  table,
}: {
  id: string;
  title: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <figure className="chart-figure" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <div role="img" aria-label={t('dialogue.chartAlt', { title })} className="chart">
        {chart}
      </div>
      <TableWrap label={t('dialogue.tableOf', { title })}>{table}</TableWrap>
    </figure>
  );
}
