import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { locale } from '../../i18n/index.ts';
import { PlanFigure } from './PlanFigure.tsx';
import { type DayRoute, type LatLon, projector, routePoints, routeTravel, stopNumbers } from './planPictures.ts';

const WIDTH = 600;
const HEIGHT = 420;
/** Colours told apart also with red-green colour blindness (Okabe–Ito); the table holds the same routes. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D31'];
const DASHES = ['', '6 3', '2 3', '10 3 2 3'];

interface Line {
  route: DayRoute;
  points: LatLon[];
  colour: string;
  dash: string;
}

/**
 * The day's routes drawn from the homes' coordinates, without a map underneath (no outside tile
 * server): each helper's line from the base to each home in order and back, the base a square.
 * Picking one helper brings that route forward with its stops numbered and fades the others.
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
  const [picked, setPicked] = useState('');
  const lines: Line[] = routes
    .map((r, i) => ({
      route: r,
      points: routePoints(r, base, places),
      colour: COLOURS[i % COLOURS.length],
      dash: DASHES[Math.floor(i / COLOURS.length) % DASHES.length],
    }))
    .filter((l) => l.points.length > 0);
  const shown = lines.some((l) => l.route.staffId === picked) ? picked : '';
  const controls = (
    <div>
      <label htmlFor="plan-map-helper">{t('planpic.showRoute')}</label>
      <select id="plan-map-helper" value={shown} onChange={(e) => setPicked(e.target.value)}>
        <option value="">{t('planpic.allRoutes')}</option>
        {lines.map((l) => (
          <option key={l.route.staffId} value={l.route.staffId}>
            {l.route.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <PlanFigure
      id="plan-map"
      title={title}
      rows={lines.length}
      controls={controls}
      chart={<MapDrawing lines={lines} base={base} picked={shown} />}
      legend={
        <>
          <MapLegend lines={lines} />
          <p className="small muted">{t('planpic.mapLegend')}</p>
        </>
      }
      table={<MapTable lines={lines} />}
    />
  );
}

function MapDrawing({ lines, base, picked }: { lines: Line[]; base: LatLon; picked: string }) {
  const at = projector([base, ...lines.flatMap((l) => l.points)], WIDTH, HEIGHT);
  const b = at(base);
  // The picked route is drawn last, so it lies on top.
  const ordered = [
    ...lines.filter((l) => l.route.staffId !== picked),
    ...lines.filter((l) => l.route.staffId === picked),
  ];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" className="plan-picture pp-map" aria-hidden="true">
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="pp-shift" />
      {ordered.map((l) => {
        const on = l.route.staffId === picked;
        return (
          <g key={l.route.staffId} stroke={l.colour} fill={l.colour} opacity={picked && !on ? 0.15 : 1}>
            <polyline
              points={l.points.map((p) => `${at(p).x},${at(p).y}`).join(' ')}
              fill="none"
              strokeWidth={on ? 3 : 2}
              strokeDasharray={l.dash}
            />
            {l.points.slice(1, -1).map((p, k) => (
              <circle key={`${l.route.stops[k]?.id ?? k}`} cx={at(p).x} cy={at(p).y} r={on ? 6 : 4} />
            ))}
            {on &&
              stopNumbers(l.points.slice(1, -1)).map(({ p, numbers }) => (
                <text key={numbers} x={at(p).x + 8} y={at(p).y - 6} className="pp-text" stroke="none">
                  {numbers}
                </text>
              ))}
          </g>
        );
      })}
      <rect x={b.x - 6} y={b.y - 6} width={12} height={12} className="pp-base" />
    </svg>
  );
}

/** Colour and line pattern per helper; hidden from screen readers, who have the table. */
function MapLegend({ lines }: { lines: Line[] }) {
  return (
    <ul className="plain row small" aria-hidden="true">
      {lines.map((l) => (
        <li key={l.route.staffId}>
          <svg width="28" height="10" className="pp-swatch" aria-hidden="true">
            <line x1={1} x2={27} y1={5} y2={5} stroke={l.colour} strokeWidth={3} strokeDasharray={l.dash} />
          </svg>{' '}
          {l.route.name}
        </li>
      ))}
    </ul>
  );
}

/** The numbers the map is drawn from: per helper, the homes in order and the estimated driving. */
function MapTable({ lines }: { lines: Line[] }) {
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
