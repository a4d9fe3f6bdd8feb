import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap.tsx';
import { locale } from '../../i18n/index.ts';
import type { PlanFigures as Figures, PlanView } from '@tillit/contracts';

/** Before and after, side by side: the figures the team weighs a proposal by. */
export function PlanFigures({
  before,
  after,
  staff,
}: {
  before: Figures;
  after: Figures | null;
  staff: PlanView['staff'];
}) {
  const { t } = useTranslation();
  const n = (x: number, digits = 0) => x.toLocaleString(locale(), { maximumFractionDigits: digits });
  const pct = (x: number) => `${n(x * 100, 1)} %`;
  const heaviest = (f: Figures) => (f.workload.length ? `${n(f.workload[0].minutes / 60, 1)} t` : '–');
  const lightest = (f: Figures) => {
    // Helpers on shift with no visits at all count as the lightest load.
    const loaded = new Set(f.workload.map((w) => w.staffId));
    if (staff.some((s) => s.shifts.some((parts) => parts.length > 0) && !loaded.has(s.id))) return '0 t';
    return f.workload.length ? `${n(f.workload[f.workload.length - 1].minutes / 60, 1)} t` : '–';
  };
  const rows: [string, (f: Figures) => string][] = [
    [t('plan.fig.distinctMedian'), (f) => n(f.distinctHelpers.median, 1)],
    [t('plan.fig.distinctP90'), (f) => n(f.distinctHelpers.p90, 1)],
    [t('plan.fig.unassigned'), (f) => n(f.unassigned)],
    [t('plan.fig.insideWindow'), (f) => pct(f.insideWindowShare)],
    [t('plan.fig.travel'), (f) => (f.travelMinutes === null ? '–' : `${n(f.travelMinutes / 60, 1)} t`)],
    [t('plan.fig.heaviest'), heaviest],
    [t('plan.fig.lightest'), lightest],
  ];
  return (
    <section aria-labelledby="plan-figures" className="stack">
      <h2 id="plan-figures">{t('plan.figures', { count: before.visits })}</h2>
      <TableWrap label={t('plan.figures', { count: before.visits })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('plan.fig.figure')}</th>
              <th scope="col">{t('plan.fig.now')}</th>
              {after && <th scope="col">{t('plan.fig.proposal')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, f]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{f(before)}</td>
                {after && <td>{f(after)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
