/**
 * Figures a team compares before and after planning, pure: distinct helpers per person over
 * the period, visits starting inside the agreed window, travel, and workload per helper.
 * Computed over every visit of the period (also those kept as they are), so "this
 * fortnight" means the whole fortnight.
 */
import type { PlanFigures } from '@tillit/contracts';
import { haversineKm, quantile } from '@tillit/optimizer';

export const TRAVEL = { speedKmh: 25, detourFactor: 1.4 } as const;

export interface FigureVisit {
  recipientId: string;
  date: string;
  windowStart: number;
  windowEnd: number;
  duration: number;
  helpers: string[];
  /** Planned start; null = not timed yet (the route is then simulated in window order). */
  start: number | null;
}

export type { PlanFigures };

type Point = { lat: number; lon: number };

export function travelMinutes(a: Point, b: Point): number {
  return ((haversineKm(a.lat, a.lon, b.lat, b.lon) * TRAVEL.detourFactor) / TRAVEL.speedKmh) * 60;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export function planFigures(visits: FigureVisit[], where: (recipientId: string) => Point, base: Point): PlanFigures {
  const perPerson = new Map<string, Set<string>>();
  const routes = new Map<string, FigureVisit[]>();
  let unassigned = 0;
  for (const v of visits) {
    if (v.helpers.length === 0) {
      unassigned++;
      continue;
    }
    let set = perPerson.get(v.recipientId);
    if (!set) {
      set = new Set();
      perPerson.set(v.recipientId, set);
    }
    for (const h of v.helpers) {
      set.add(h);
      const key = `${h}|${v.date}`;
      const list = routes.get(key);
      if (list) list.push(v);
      else routes.set(key, [v]);
    }
  }
  let travel = 0;
  let inside = 0;
  let served = 0;
  const work = new Map<string, { visits: number; minutes: number }>();
  const insideSeen = new Set<FigureVisit>();
  for (const [key, list] of routes) {
    const staffId = key.slice(0, key.indexOf('|'));
    list.sort((a, b) => (a.start ?? a.windowStart) - (b.start ?? b.windowStart) || a.windowStart - b.windowStart);
    let at = base;
    let clock = -Infinity;
    const w = work.get(staffId) ?? { visits: 0, minutes: 0 };
    for (const v of list) {
      const here = where(v.recipientId);
      const leg = travelMinutes(at, here);
      travel += leg;
      const start = v.start ?? Math.max(v.windowStart, clock + leg);
      clock = start + v.duration;
      at = here;
      w.visits++;
      w.minutes += v.duration;
      if (!insideSeen.has(v)) {
        insideSeen.add(v);
        served++;
        if (start >= v.windowStart && start <= v.windowEnd) inside++;
      }
    }
    travel += travelMinutes(at, base);
    work.set(staffId, w);
  }
  const distinct = [...perPerson.values()].map((s) => s.size).sort((a, b) => a - b);
  return {
    visits: visits.length,
    unassigned,
    distinctHelpers: {
      mean: round(distinct.length ? distinct.reduce((s, x) => s + x, 0) / distinct.length : 0),
      median: quantile(distinct, 0.5),
      p90: quantile(distinct, 0.9),
    },
    insideWindow: inside,
    insideWindowShare: round(served ? inside / served : 0, 4),
    travelMinutes: round(travel, 1),
    workload: [...work.entries()]
      .map(([staffId, x]) => ({ staffId, ...x }))
      .sort((a, b) => b.minutes - a.minutes || a.staffId.localeCompare(b.staffId)),
  };
}
