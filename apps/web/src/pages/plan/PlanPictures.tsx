import { useTranslation } from 'react-i18next';
import { formatDay } from '../../components/time.ts';
import type { PlanView } from '@tillit/contracts';
import { PlanMap } from './PlanMap.tsx';
import { PlanTimeline } from './PlanTimeline.tsx';
import { dayRoutes } from './planPictures.ts';

/** The chosen day as pictures, each with its table: the helpers' timelines and their routes on a map. */
export function PlanPictures({ view, date }: { view: PlanView; date: string }) {
  const { t } = useTranslation();
  const routes = dayRoutes(view, date);
  const places = new Map(view.places.map((p) => [p.recipientId, { lat: p.lat, lon: p.lon }]));
  const day = formatDay(date);
  if (routes.length === 0) return <p className="muted">{t('planpic.nothing')}</p>;
  return (
    <div className="plan-pictures">
      <PlanTimeline routes={routes} title={t('planpic.timeline', { day })} />
      <PlanMap routes={routes} base={view.base} places={places} title={t('planpic.map', { day })} />
    </div>
  );
}
