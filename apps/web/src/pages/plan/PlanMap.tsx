import { useTranslation } from 'react-i18next';
import { locale } from '../../i18n/index.ts';
import { PlanFigure } from './PlanFigure.tsx';
import { type DayRoute, type LatLon, projector, routePoints, routeTravel } from './planPictures.ts';

const WIDTH = 600;
const HEIGHT = 420;
/** Colours told apart also with red-green colour blindness (Okabe–Ito); the table holds the same routes. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D31'];
const DASHES = ['', '6 3', '2 3', '10 3 2 3'];

/**
 * The day's routes drawn from the homes' coordinates, without a map underneath (no outside tile
 * server): each helper's line from the base to each home in order and back, the base a square.
 */
export function PlanMap({
  routes,
  base,
  places,
  title,
}: {
  routes: DayRoute[];
  base: LatLon;
  places: Map<string, LatLon>;
  title: string;
}) {
  const { t } = useTranslation();
  const lines = routes
    .map((r, i) => ({ route: r, points: routePoints(r, base, places), colour: COLOURS[i % COLOURS.length], i }))
    .filter((l) => l.points.length > 0);
  const at = projector([base, ...lines.flatMap((l) => l.points)], WIDTH, HEIGHT);
  const b = at(base);
  const chart = (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" className="plan-picture pp-map" aria-hidden="true">
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="pp-shift" />
      {lines.map((l) => (
        <g key={l.route.staffId} stroke={l.colour} fill={l.colour}>
          <polyline
            points={l.points.map((p) => `${at(p).x},${at(p).y}`).join(' ')}
            fill="none"
            strokeWidth={2}
            strokeDasharray={DASHES[Math.floor(l.i / COLOURS.length) % DASHES.length]}
          />
          {l.points.slice(1, -1).map((p, k) => (
            <circle key={`${l.route.stops[k]?.id ?? k}`} cx={at(p).x} cy={at(p).y} r={4} />
          ))}
        </g>
      ))}
      <rect x={b.x - 6} y={b.y - 6} width={12} height={12} className="pp-base" />
    </svg>
  );
  const legend = (
    <ul className="plain row small" aria-hidden="true">
      {lines.map((l) => (
        <li key={l.route.staffId}>
          <span className="pp-swatch" style={{ background: l.colour }} /> {l.route.name}
        </li>
      ))}
    </ul>
  );
  return (
    <PlanFigure
      id="plan-map"
      title={title}
      rows={lines.length}
      chart={chart}
      legend={
        <>
          {legend}
          <p className="small muted">{t('planpic.mapLegend')}</p>
        </>
      }
      table={<MapTable lines={lines} />}
    />
  );
}

/** The numbers the map is drawn from: per helper, the homes in order and the estimated driving. */
function MapTable({ lines }: { lines: { route: DayRoute; points: LatLon[] }[] }) {
  const { t } = useTranslation();
  const n = (x: number) => x.toLocaleString(locale(), { maximumFractionDigits: 1 });
  return (
    <table className="plan-map-table">
      <thead>
        <tr>
          <th scope="col">{t('planpic.helper')}</th>
          <th scope="col">{t('planpic.stops')}</th>
          <th scope="col">{t('planpic.order')}</th>
          <th scope="col">{t('planpic.km')}</th>
          <th scope="col">{t('planpic.driveMinutes')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map(({ route, points }) => {
          const travel = routeTravel(points);
          return (
            <tr key={route.staffId}>
              <th scope="row">{route.name}</th>
              <td>{route.stops.length}</td>
              <td>{route.stops.map((v) => v.person).join(' → ')}</td>
              <td>{n(travel.km)}</td>
              <td>{Math.round(travel.minutes)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
