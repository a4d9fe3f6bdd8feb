import { useTranslation } from 'react-i18next';
import { hhmm } from '../../components/time.ts';
import { PlanFigure } from './PlanFigure.tsx';
import { breaksOf, type DayRoute, gapsOf, hourSpan, startOf } from './planPictures.ts';

/** A phone gets a narrower drawing, so its text stays readable when the picture fits the screen. */
const wide = () => window.matchMedia('(min-width: 40rem)').matches;
const ROW = 30;
const AXIS = 24;

/**
 * Each helper's day as a line in time: working time light, the agreed windows as shaded bands,
 * visits as solid blocks (striped when outside the window), the gaps between them (travel and
 * waiting, derived from the planned times) as a thin line, a split shift's break dashed.
 */
export function PlanTimeline({ routes, title }: { routes: DayRoute[]; title: string }) {
  const { t } = useTranslation();
  const [width, label] = wide() ? [800, 150] : [400, 96];
  const span = hourSpan(routes);
  const x = (m: number) => label + ((m - span.from) / Math.max(span.to - span.from, 60)) * (width - label - 8);
  const nameLength = wide() ? 20 : 12;
  const height = AXIS + routes.length * ROW + 4;
  const hours = [];
  // Every hour on a wide screen; every other on a phone, where an hour is a finger's width.
  for (let h = span.from; h <= span.to; h += wide() || span.to - span.from <= 480 ? 60 : 120) hours.push(h);
  const chart = (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" className="plan-picture" aria-hidden="true">
      {hours.map((h) => (
        <g key={h}>
          <line x1={x(h)} x2={x(h)} y1={AXIS - 4} y2={height} className="pp-grid" />
          <text x={x(h)} y={AXIS - 8} textAnchor="middle" className="pp-text">
            {hhmm(h).slice(0, 2)}
          </text>
        </g>
      ))}
      {routes.map((r, i) => (
        <TimelineRow key={r.staffId} route={r} y={AXIS + i * ROW} x={x} nameLength={nameLength} />
      ))}
    </svg>
  );
  return (
    <PlanFigure
      id="plan-timeline"
      title={title}
      rows={routes.reduce((n, r) => n + r.stops.length, 0)}
      chart={chart}
      legend={<p className="small muted">{t('planpic.timelineLegend')}</p>}
      table={<TimelineTable routes={routes} />}
    />
  );
}

function TimelineRow({
  route,
  y,
  x,
  nameLength,
}: {
  route: DayRoute;
  y: number;
  x: (m: number) => number;
  nameLength: number;
}) {
  const mid = y + ROW / 2;
  return (
    <g>
      <text x={4} y={mid + 4} className="pp-text">
        {route.name.length > nameLength ? `${route.name.slice(0, nameLength - 1)}…` : route.name}
      </text>
      {route.parts.map((p) => (
        <rect
          key={p.start}
          x={x(p.start)}
          y={y + 3}
          width={x(p.end) - x(p.start)}
          height={ROW - 6}
          className="pp-shift"
        />
      ))}
      {breaksOf(route).map((b) => (
        <line key={b.from} x1={x(b.from)} x2={x(b.to)} y1={mid} y2={mid} className="pp-break" />
      ))}
      {route.stops.map((v) => (
        <rect
          key={`w${v.id}`}
          x={x(v.windowStart)}
          y={y + 6}
          width={x(v.windowEnd) - x(v.windowStart)}
          height={ROW - 12}
          className="pp-window"
        />
      ))}
      {gapsOf(route).map((g) => (
        <line
          key={g.from}
          x1={x(g.from)}
          x2={x(g.to)}
          y1={mid}
          y2={mid}
          className={g.isBreak ? 'pp-break' : 'pp-gap'}
        />
      ))}
      {route.stops.map((v) => (
        <rect
          key={v.id}
          x={x(startOf(v))}
          y={y + 8}
          width={Math.max(x(startOf(v) + v.duration) - x(startOf(v)), 2)}
          height={ROW - 16}
          className={outsideWindow(v) ? 'pp-visit pp-outside' : 'pp-visit'}
        />
      ))}
    </g>
  );
}

const outsideWindow = (v: DayRoute['stops'][number]) =>
  v.start !== null && (v.start < v.windowStart || v.start > v.windowEnd);

/** The numbers the timeline is drawn from: one row per helper and visit, in the order of the day. */
function TimelineTable({ routes }: { routes: DayRoute[] }) {
  const { t } = useTranslation();
  return (
    <table className="plan-timeline-table">
      <thead>
        <tr>
          <th scope="col">{t('planpic.helper')}</th>
          <th scope="col">{t('planpic.start')}</th>
          <th scope="col">{t('planpic.end')}</th>
          <th scope="col">{t('planpic.person')}</th>
          <th scope="col">{t('planpic.window')}</th>
          <th scope="col">{t('planpic.gapBefore')}</th>
        </tr>
      </thead>
      <tbody>
        {routes.flatMap((r) => {
          const gapBefore = new Map(gapsOf(r).map((g) => [g.to, g]));
          return r.stops.map((v) => {
            const gap = gapBefore.get(startOf(v));
            return (
              <tr key={`${r.staffId}-${v.id}`}>
                <th scope="row">{r.name}</th>
                <td>{v.start !== null ? hhmm(v.start) : '–'}</td>
                <td>{v.start !== null ? hhmm(v.start + v.duration) : '–'}</td>
                <td>{v.person}</td>
                <td>
                  {hhmm(v.windowStart)}–{hhmm(v.windowEnd)}
                  {outsideWindow(v) && ` (${t('planpic.outside')})`}
                </td>
                <td>
                  {gap
                    ? t(gap.isBreak ? 'planpic.breakMinutes' : 'planpic.gapMinutes', { count: gap.to - gap.from })
                    : '–'}
                </td>
              </tr>
            );
          });
        })}
      </tbody>
    </table>
  );
}
