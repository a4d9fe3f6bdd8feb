import type { PlanView, PlanVisit } from '@tillit/contracts';

/** The optimizer's travel model (apps/server planning.figures.ts TRAVEL): straight line × detour at 25 km/h. */
export const TRAVEL = { speedKmh: 25, detourFactor: 1.4 } as const;

export interface LatLon {
  lat: number;
  lon: number;
}

/** One helper's day: the parts of the working time and the visits in order of their start. */
export interface DayRoute {
  staffId: string;
  name: string;
  parts: { start: number; end: number }[];
  stops: PlanVisit[];
}

const startOf = (v: PlanVisit) => v.start ?? v.windowStart;

/** Each helper with work or visits on the date, visits sorted by planned start (a two-helper visit is on both). */
export function dayRoutes(view: PlanView, date: string): DayRoute[] {
  const di = view.dates.indexOf(date);
  const dayVisits = view.visits.filter((v) => v.date === date && v.status !== 'cancelled');
  return view.staff
    .map((s) => ({
      staffId: s.id,
      name: s.name,
      parts: s.shifts[di] ?? [],
      stops: dayVisits.filter((v) => v.helpers.includes(s.id)).sort((a, b) => startOf(a) - startOf(b)),
    }))
    .filter((r) => r.parts.length > 0 || r.stops.length > 0);
}

/**
 * What lies between two visits, derived from the planned times only: the minutes from the end of
 * one to the start of the next. The plan does not store travel, so this gap is travel and waiting
 * together; a gap that spans the pause of a split shift is marked as the break.
 */
export function gapsOf(route: DayRoute): { from: number; to: number; isBreak: boolean }[] {
  const out: { from: number; to: number; isBreak: boolean }[] = [];
  for (let i = 1; i < route.stops.length; i++) {
    const from = startOf(route.stops[i - 1]) + route.stops[i - 1].duration;
    const to = startOf(route.stops[i]);
    if (to <= from) continue;
    const isBreak = route.parts.some((p, k) => k > 0 && from <= p.start && route.parts[k - 1].end <= to);
    out.push({ from, to, isBreak });
  }
  return out;
}

/** The pauses of a split shift: between the end of one part and the start of the next. */
export function breaksOf(route: DayRoute): { from: number; to: number }[] {
  return route.parts.slice(1).map((p, k) => ({ from: route.parts[k].end, to: p.start }));
}

/** Great-circle distance in km. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The route's points: from the base, to each visit's home in order, and back to the base. */
export function routePoints(route: DayRoute, base: LatLon, places: Map<string, LatLon>): LatLon[] {
  const homes = route.stops.map((v) => places.get(v.recipientId)).filter((p): p is LatLon => p !== undefined);
  return homes.length ? [base, ...homes, base] : [];
}

/** Road km and driving minutes estimated like the optimizer does (straight line × detour, fixed speed). */
export function routeTravel(points: LatLon[]): { km: number; minutes: number } {
  let straight = 0;
  for (let i = 1; i < points.length; i++) straight += distanceKm(points[i - 1], points[i]);
  const km = straight * TRAVEL.detourFactor;
  return { km, minutes: (km / TRAVEL.speedKmh) * 60 };
}

/**
 * Projects coordinates to a width × height box (equirectangular, longitude shrunk by the
 * latitude's cosine so a kilometre looks the same both ways), keeping the aspect and a margin.
 */
export function projector(points: LatLon[], width: number, height: number, margin = 16) {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const midLat = lats.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 0;
  const k = Math.cos((midLat * Math.PI) / 180);
  const minX = Math.min(...lons) * k;
  const maxY = Math.max(...lats);
  const spanX = Math.max(Math.max(...lons) * k - minX, 1e-6);
  const spanY = Math.max(maxY - Math.min(...lats), 1e-6);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  return (p: LatLon) => ({ x: margin + (p.lon * k - minX) * scale, y: margin + (maxY - p.lat) * scale });
}

/** Whole hours around everything drawn on a day's timeline. */
export function hourSpan(routes: DayRoute[]): { from: number; to: number } {
  const times = routes.flatMap((r) => [
    ...r.parts.flatMap((p) => [p.start, p.end]),
    ...r.stops.flatMap((v) => [v.windowStart, v.windowEnd, startOf(v), startOf(v) + v.duration]),
  ]);
  if (times.length === 0) return { from: 7 * 60, to: 15 * 60 };
  return { from: Math.floor(Math.min(...times) / 60) * 60, to: Math.ceil(Math.max(...times) / 60) * 60 };
}

/** The stops' numbers in order, one label per home ("1, 2" where two visits in a row are at the same home). */
export function stopNumbers(points: LatLon[]): { p: LatLon; numbers: string }[] {
  const at = new Map<string, { p: LatLon; numbers: number[] }>();
  points.forEach((p, k) => {
    const key = `${p.lat},${p.lon}`;
    const entry = at.get(key) ?? { p, numbers: [] };
    entry.numbers.push(k + 1);
    at.set(key, entry);
  });
  return [...at.values()].map(({ p, numbers }) => ({ p, numbers: numbers.join(', ') }));
}

export { startOf };
